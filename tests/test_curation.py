"""Curation: correct, merge, split, reject, add by hand; each with its audit row; corrections survive re-ingestion."""
import pytest
from sqlalchemy import func, select

from cityties import queries
from cityties.ingest import ingest
from cityties.store.accounts import get_user
from cityties.store.curated_facts import CurationError, UnknownEvent
from cityties.store.models import Event, Fact
from conftest import ARTICLES, FIXTURES
from test_accounts import PASSWORD, bearer, client, make_user  # noqa: F401 - client is a fixture

# A third report of the Da Nang - Fukuoka MOU (the fixture articles carry two), published later.
NEW_REPORT = """URL: https://example.org/2024/05/20/danang-fukuoka
DATE: 2024-05-20

Fukuoka and Da Nang deepen ties with memorandum

Fukuoka Mayor Takashima Soichiro and Da Nang People's Committee Chairman Le Trung Chinh signed a memorandum of understanding in Da Nang on May 14, pledging cooperation in tourism, education and innovation.
"""


@pytest.fixture
def editor(store):
    make_user(store, "lan", "editor", token=False)
    with store.session() as s:
        return get_user(s, "lan")


@pytest.fixture
def loaded(store, settings, good_articles):
    ingest([str(good_articles), str(FIXTURES / "linked")], store, settings)
    return store


def event_of(store, **where) -> dict:
    """The one listed event whose fields have these values."""
    with store.session() as s:
        rows = [e for e in queries.list_events(s, queries.EventFilter()) if all(e[k] == v for k, v in where.items())]
    assert len(rows) == 1, rows
    return rows[0]


def detail(store, event_id: int) -> dict:
    with store.session() as s:
        return queries.event_detail(s, event_id)


def audit(store, event_id: int) -> list[dict]:
    with store.session() as s:
        return queries.audit_log(s, event_id)


def fukuoka(store) -> dict:
    return event_of(store, type="agreement", start="2024-05-14")


def test_correct_a_field_writes_a_curated_fact_and_an_audit_row(loaded, editor):
    ev = fukuoka(loaded)
    done = loaded.apply_curation(editor, "correct", ev["id"], field="start", value="2024-05-13")
    assert (done["before"], done["after"]) == ({"start": "2024-05-14"}, {"start": "2024-05-13"})
    shown = detail(loaded, ev["id"])
    assert shown["start"] == "2024-05-13" and shown["resolved"]["start"]["rule"] == "curated"
    assert [f["origin"] for f in shown["facts"] if f["field"] == "start" and f["value"] == "2024-05-13"] == ["curated"]
    [row] = audit(loaded, ev["id"])
    assert (row["actor"], row["action"], row["before"], row["after"]) == ("lan", "correct", {"start": "2024-05-14"},
                                                                          {"start": "2024-05-13"})


def test_corrections_survive_reingestion(loaded, editor, settings, good_articles, tmp_path):
    ev = fukuoka(loaded)
    loaded.apply_curation(editor, "correct", ev["id"], field="start", value="2024-05-13")
    loaded.apply_curation(editor, "correct", ev["id"], field="theme", remove=["innovation"])
    loaded.apply_curation(editor, "correct", ev["id"], field="person", add=["Nguyen Van A (director, Da Nang)"])
    assert ingest([str(good_articles)], loaded, settings).count("unchanged") == 2
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "report.txt").write_text(NEW_REPORT, encoding="utf-8")
    assert ingest([str(tmp_path / "new")], loaded, settings).count("stored") == 1
    shown = detail(loaded, ev["id"])
    assert len(shown["sources"]) == 3  # the new report joined the corrected event
    assert shown["start"] == "2024-05-13" and shown["resolved"]["start"]["rule"] == "curated"
    assert "innovation" not in shown["themes"] and "tourism" in shown["themes"]
    assert "Nguyen Van A" in shown["people"]


def test_corrections_of_each_kind_of_field(loaded, editor):
    ev = fukuoka(loaded)
    loaded.apply_curation(editor, "correct", ev["id"], field="location", value="Fukuoka")
    loaded.apply_curation(editor, "correct", ev["id"], field="type", value="meeting")
    loaded.apply_curation(editor, "correct", ev["id"], field="count:cities", value="2")
    shown = detail(loaded, ev["id"])
    assert (shown["location"], shown["type"], shown["resolved"]["count:cities"]["label"]) == ("Fukuoka", "meeting", "2 cities")
    undone = loaded.apply_curation(editor, "correct", ev["id"], field="location", value="")
    assert undone["after"] == {"location": "Da Nang"}
    for bad in ({"field": "start", "value": "2024-02-30"}, {"field": "colour", "value": "red"},
                {"field": "theme", "add": ["gardening"]}, {"field": "place", "remove": ["Paris"]},
                {"field": "location", "value": "Nowhere-on-earth"}):
        with pytest.raises(CurationError):
            loaded.apply_curation(editor, "correct", ev["id"], **bad)
    with pytest.raises(UnknownEvent):
        loaded.apply_curation(editor, "correct", 999, field="start", value="2024")
    assert len(audit(loaded, ev["id"])) == 4  # failed requests leave no row


def test_merge_moves_mentions_and_facts_and_redirects(loaded, editor, store):
    visit = event_of(loaded, type="visit")
    signing = event_of(loaded, type="agreement", start="2025-03-04")
    done = loaded.apply_curation(editor, "merge", visit["id"], other=signing["id"])
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Fact).where(Fact.event_id == signing["id"])) == 0
        assert queries.event_state(s, signing["id"]) == {"status": "merged", "merged_into": visit["id"], "reason": None}
        assert signing["id"] in s.scalars(queries.hidden_events()).all()
        assert len(queries.event_mentions(s, visit["id"])) == 2
    assert set(detail(loaded, visit["id"])["themes"]) >= {"economy", "tourism"}
    [row] = audit(loaded, visit["id"])
    assert row["action"] == "merge" and row["before"]["merged"]["id"] == signing["id"]
    assert row["before"]["merged"]["mentions"] and not row["after"]["merged"]["mentions"]
    assert len(row["after"]["event"]["mentions"]) == 2 and done["event_id"] == visit["id"]
    with pytest.raises(CurationError, match="merged into"):
        loaded.apply_curation(editor, "correct", signing["id"], field="start", value="2025")
    with pytest.raises(CurationError, match="itself"):
        loaded.apply_curation(editor, "merge", visit["id"], other=visit["id"])


def test_split_a_mention_off_into_a_new_event(loaded, editor):
    ev = fukuoka(loaded)
    with loaded.session() as s:
        vi = next(m for m in queries.event_mentions(s, ev["id"]) if "Đà Nẵng" in m["sentence"])
    done = loaded.apply_curation(editor, "split", ev["id"], mention=vi["id"])
    new_id = done["after"]["new"]["id"]
    assert done["before"]["mentions"] == sorted([vi["id"], *done["after"]["event"]["mentions"]])
    assert done["after"]["new"]["mentions"] == [vi["id"]]
    old, new = detail(loaded, ev["id"]), detail(loaded, new_id)
    assert len(old["sources"]) == 1 and len(new["sources"]) == 1
    assert new["type"] == "agreement" and new["start"] == "2024-05-14" and "Fukuoka" in new["places"]
    assert audit(loaded, ev["id"])[0]["action"] == "split"
    with pytest.raises(CurationError, match="only one"):
        loaded.apply_curation(editor, "split", new_id, mention=vi["id"])


def test_reject_hides_and_stays_rejected_when_reported_again(loaded, editor, settings, tmp_path):
    ev = fukuoka(loaded)
    loaded.apply_curation(editor, "reject", ev["id"], reason="not city diplomacy")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "report.txt").write_text(NEW_REPORT, encoding="utf-8")
    ingest([str(tmp_path / "new")], loaded, settings)
    with loaded.session() as s:
        assert queries.event_state(s, ev["id"])["status"] == "rejected"
        assert s.scalars(queries.hidden_events()).all() == [ev["id"]]
        assert s.scalar(select(func.count()).select_from(Event)) == 3  # the report joined the rejected event
    assert len(detail(loaded, ev["id"])["sources"]) == 3
    [row] = audit(loaded, ev["id"])
    assert (row["before"]["status"], row["after"]["status"], row["after"]["reason"]) == ("active", "rejected",
                                                                                        "not city diplomacy")
    loaded.apply_curation(editor, "restore", ev["id"])
    with loaded.session() as s:
        assert queries.event_state(s, ev["id"])["status"] == "active"
    with pytest.raises(CurationError, match="not rejected"):
        loaded.apply_curation(editor, "restore", ev["id"])


def test_add_an_event_by_hand(store, editor):
    done = store.apply_curation(editor, "add", type="visit", start="2025-09-08", end="2025-09-12",
                                location="Kyoto", places=["Hue", "京都"], people=["Nguyễn Văn Phương (chairman, Huế)"],
                                themes=["culture", "tourism"], note="Our delegation to Kyoto for the heritage week.")
    shown = detail(store, done["event_id"])
    assert (shown["type"], shown["start"], shown["end"], shown["location"]) == ("visit", "2025-09-08", "2025-09-12", "Kyoto")
    assert set(shown["places"]) == {"Huế", "Kyoto"} and set(shown["countries"]) == {"VN", "JP"}
    assert shown["people"] == ["Nguyễn Văn Phương"] and shown["themes"] == ["culture", "tourism"]
    assert {f["origin"] for f in shown["facts"]} == {"curated"} and shown["sources"] == []
    [row] = audit(store, done["event_id"])
    assert row["before"] is None and row["after"]["note"].startswith("Our delegation")
    store.apply_curation(editor, "correct", done["event_id"], field="end", value="")
    assert detail(store, done["event_id"])["end"] is None  # nothing else says when it ended
    with pytest.raises(CurationError):
        store.apply_curation(editor, "add", type="party")


def test_api_curation_routes(client, store, settings):  # noqa: F811 - the fixture
    token = make_user(store, "lan", "editor")
    ingest([str(ARTICLES / "en_danang_fukuoka.txt")], store, settings)
    ev = fukuoka(store)["id"]
    patched = client.patch(f"/api/events/{ev}", json={"field": "start", "value": "2024-05-13"}, headers=bearer(token))
    assert patched.status_code == 200 and patched.json()["after"] == {"start": "2024-05-13"}
    assert client.patch(f"/api/events/{ev}", json={"field": "start", "value": "May"}, headers=bearer(token)).status_code == 400
    assert client.post("/api/events/999/reject", json={}, headers=bearer(token)).status_code == 404
    assert client.get("/api/events/999/state").status_code == 404
    added = client.post("/api/events", json={"type": "meeting", "start": "2025-01-02", "places": ["Seoul", "Hanoi"]},
                        headers=bearer(token))
    assert added.status_code == 201
    new = added.json()["event_id"]
    assert client.post(f"/api/events/{ev}/merge", json={"other": new}, headers=bearer(token)).status_code == 200
    assert client.get(f"/api/events/{new}/state").json()["merged_into"] == ev
    assert client.post(f"/api/events/{ev}/reject", json={"reason": "test"}, headers=bearer(token)).status_code == 200
    assert client.post(f"/api/events/{ev}/restore", headers=bearer(token)).status_code == 200
    assert len(client.get(f"/api/events/{ev}/mentions").json()) == 1
    log = client.get(f"/api/audit?event={ev}", headers=bearer(token)).json()
    assert [r["action"] for r in log] == ["restore", "reject", "merge", "correct"]
    assert client.get("/api/audit").status_code == 401


def test_edit_new_and_audit_pages(client, store, settings):  # noqa: F811 - the fixture
    make_user(store, "lan", "editor", token=False)
    ingest([str(ARTICLES / "en_danang_fukuoka.txt")], store, settings)
    ev = fukuoka(store)["id"]
    assert client.get(f"/events/{ev}/edit").status_code == 303  # to the login form
    client.post("/login", data={"name": "lan", "password": PASSWORD})
    page = client.get(f"/events/{ev}/edit")
    assert page.status_code == 200 and "remove Takashima Soichiro" in page.text and "Split off" not in page.text
    saved = client.post(f"/events/{ev}/edit", data={"action": "correct", "field": "start", "value": "2024-05-13"})
    assert saved.status_code == 303 and saved.headers["location"] == f"/events/{ev}/edit"
    refused = client.post(f"/events/{ev}/edit", data={"action": "correct", "field": "start", "value": "soon"})
    assert refused.status_code == 400 and "is not a date" in refused.text
    removed = client.post(f"/events/{ev}/edit", data={"action": "correct", "field": "theme", "remove": ["education"],
                                                     "add": "culture"})
    assert removed.status_code == 303 and detail(store, ev)["themes"] == ["tourism", "innovation", "culture"]
    made = client.post("/events/new", data={"type": "visit", "start": "2025-09-08", "places": "Hue, Kyoto",
                                            "people": "Nguyễn Văn Phương (chairman, Huế)", "themes": ["culture"]})
    assert made.status_code == 303 and made.headers["location"].endswith("/edit")
    assert "Add an event" in client.get("/events/new").text
    log = client.get("/audit").text
    assert "correct" in log and "add" in log and "2024-05-13" in log
