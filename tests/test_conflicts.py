"""Choosing an event's value when sources disagree, and showing both sides."""
import json
from datetime import date

from cityties.cli import app
from cityties.conflicts import Claim, resolve
from conftest import FIXTURES


def claim(value, article, published=None, origin="extracted"):
    return Claim(value, value, article, published, origin)


def test_majority_of_sources_wins():
    r = resolve("count:countries", [claim("29", "a"), claim("29", "b"), claim("30", "c")])
    assert (r.value, r.rule, r.conflict) == ("29", "majority of sources", True)
    assert [v["articles"] for v in r.values] == [["a", "b"], ["c"]]


def test_one_article_saying_it_twice_is_one_source():
    r = resolve("count:cities", [claim("50", "a"), claim("50", "a"), claim("49", "b", date(2025, 1, 2))])
    assert r.rule == "most recent source" and r.value == "49"


def test_most_specific_date_then_most_recent_source():
    assert resolve("start", [claim("2023-09", "a"), claim("2023-09-24", "b")]).value == "2023-09-24"
    r = resolve("location", [claim("1", "a", date(2024, 1, 1)), claim("2", "b", date(2024, 3, 1))])
    assert (r.value, r.rule) == ("2", "most recent source")


def test_curated_value_wins_over_any_majority():
    r = resolve("start", [claim("2024-05-01", "a"), claim("2024-05-01", "b"), claim("2024-05-02", None, origin="curated")])
    assert (r.value, r.rule) == ("2024-05-02", "curated")


def test_no_claims_no_resolution_and_one_value_no_conflict():
    assert resolve("start", []) is None
    assert not resolve("start", [claim("2024", "a")]).conflict


def test_two_reports_disagreeing_on_a_count_show_both(runner, settings):
    result = runner.invoke(app, ["--db", settings.db_url, "ingest", str(FIXTURES / "conflict")])
    assert "stored 2" in result.output
    rows = json.loads(runner.invoke(app, ["--db", settings.db_url, "events", "--json", "--type", "forum"]).output)
    assert len(rows) == 1 and rows[0]["sources"] == 2
    detail = json.loads(runner.invoke(app, ["--db", settings.db_url, "event", str(rows[0]["id"]), "--json"]).output)
    assert "count:countries" in detail["conflicts"]
    values = {v["value"]: v for v in detail["resolved"]["count:countries"]["values"]}
    assert set(values) == {"14", "15"} and all(v["sentences"] for v in values.values())
    assert detail["resolved"]["count:countries"]["rule"] == "most recent source"
    shown = runner.invoke(app, ["--db", settings.db_url, "event", str(rows[0]["id"])]).output
    assert "conflict" in shown and "14 countries" in shown and "15 countries" in shown
