"""The CLI through Typer's runner: ingest, listings, detail, dossier, extract, stats."""
import json

from cityties.cli import app
from conftest import ARTICLES


def invoke(runner, settings, *args):
    return runner.invoke(app, ["--db", settings.db_url, *args])


def test_ingest_reports_the_corrupt_file_and_stores_the_rest(runner, settings):
    result = invoke(runner, settings, "ingest", str(ARTICLES))
    assert result.exit_code == 0, result.output
    assert "stored 2, unchanged 0, failed 1" in result.output
    assert "zz_corrupt.txt" in result.output


def test_strict_makes_a_failure_exit_non_zero(runner, settings):
    assert invoke(runner, settings, "ingest", "--strict", str(ARTICLES)).exit_code == 1


def test_second_ingest_adds_nothing(runner, settings, good_articles):
    invoke(runner, settings, "ingest", str(good_articles))
    first = json.loads(invoke(runner, settings, "events", "--json").output)
    result = invoke(runner, settings, "ingest", str(good_articles))
    assert "stored 0, unchanged 2, failed 0" in result.output
    assert json.loads(invoke(runner, settings, "events", "--json").output) == first


def test_events_filters_and_event_detail_show_sentences(runner, settings, good_articles):
    invoke(runner, settings, "ingest", str(good_articles))
    rows = json.loads(invoke(runner, settings, "events", "--json", "--type", "agreement",
                             "--place", "Đà Nẵng").output)
    assert rows and all(r["type"] == "agreement" for r in rows)
    assert json.loads(invoke(runner, settings, "events", "--json", "--country", "ZZ").output) == []
    detail = json.loads(invoke(runner, settings, "event", str(rows[0]["id"]), "--json").output)
    sentences = [f["sentence"] for f in detail["facts"] if f["field"] == "place"]
    assert sentences and all(s for s in sentences)
    assert len(detail["sources"]) == 2
    text_hits = json.loads(invoke(runner, settings, "events", "--json", "--text", "memorandum").output)
    assert rows[0]["id"] in [r["id"] for r in text_hits]
    assert json.loads(invoke(runner, settings, "events", "--json", "--text", "xylophone").output) == []


def test_place_and_dossier(runner, settings, good_articles):
    invoke(runner, settings, "ingest", str(good_articles))
    place = json.loads(invoke(runner, settings, "place", "Da Nang", "--json").output)
    assert "Fukuoka" in [p["place"] for p in place["partners"]]
    dossier = invoke(runner, settings, "dossier", "Fukuoka", "TP Đà Nẵng")
    assert dossier.exit_code == 0 and "agreement" in dossier.output
    missing = invoke(runner, settings, "place", "Atlantis")
    assert missing.exit_code == 2 and "Atlantis" in missing.output


def test_extract_prints_schema_lines_without_a_database(runner, tmp_path, good_articles):
    db = tmp_path / "never.db"
    result = runner.invoke(app, ["--db", f"sqlite:///{db}", "extract", "--format", "eval", str(good_articles)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert {x["doc"] for x in lines} == {"vi_danang_fukuoka.txt", "en_danang_fukuoka.txt"}
    vi = next(x for x in lines if x["language"] == "vi")
    assert vi["published"] == "2024-05-14"
    assert any(e["type"] == "agreement" and e["start"] == "2024-05-14" for e in vi["events"])
    assert not db.exists()
    clusters = {x["doc"]: {e["cluster"] for e in x["events"] if e["type"] == "agreement"} for x in lines}
    assert clusters["vi_danang_fukuoka.txt"] == clusters["en_danang_fukuoka.txt"]  # one event, two languages


def test_stats_counts(runner, settings):
    invoke(runner, settings, "ingest", str(ARTICLES))
    info = json.loads(invoke(runner, settings, "stats", "--json").output)
    assert info["articles"] == 2 and info["failed"] == 1 and info["events"] >= 1
