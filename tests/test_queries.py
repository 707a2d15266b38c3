"""Query functions over a store holding the fixture articles."""
import pytest

from cityties import queries
from cityties.ingest import ingest


@pytest.fixture
def filled(store, settings, good_articles):
    ingest([str(good_articles)], store, settings)
    return store


def test_place_names_resolve_in_any_language(filled):
    with filled.session() as s:
        assert {queries.resolve_place(s, n).name for n in ("Đà Nẵng", "Da Nang", "TP Đà Nẵng")} == {"Da Nang"}
        with pytest.raises(queries.NotFound):
            queries.resolve_place(s, "Atlantis")


def test_dossier_runs_oldest_first_with_first_and_last_contact(filled):
    with filled.session() as s:
        d = queries.dossier(s, "Fukuoka", "Da Nang")
    starts = [e["start"] for e in d["events"] if e["start"]]
    assert starts == sorted(starts)
    assert d["first"] == min(starts) and d["last"] == max(starts)
    assert d["by_type"].get("agreement") == 1


def test_filters_combine(filled):
    with filled.session() as s:
        all_events = queries.list_events(s, queries.EventFilter())
        assert queries.list_events(s, queries.EventFilter(since="2025")) == []
        in_may = queries.list_events(s, queries.EventFilter(since="2024-05", until="2024-05"))
        assert in_may and len(in_may) <= len(all_events)
        assert all(e["start"].startswith("2024-05") for e in in_may)
        assert queries.list_events(s, queries.EventFilter(country="JP"))


def test_event_detail_lists_sources_and_sentences(filled):
    with filled.session() as s:
        first = queries.list_events(s, queries.EventFilter(type="agreement"))[0]
        detail = queries.event_detail(s, first["id"])
        with pytest.raises(queries.NotFound):
            queries.event_detail(s, 10_000)
    assert {src["language"] for src in detail["sources"]} == {"vi", "en"}
    assert all(f["sentence"] for f in detail["facts"])


def test_min_confidence_hides_less_sure_events(filled):
    with filled.session() as s:
        everything = queries.list_events(s, queries.EventFilter())
        sure = queries.list_events(s, queries.EventFilter(min_confidence=0.95))
        assert queries.list_events(s, queries.EventFilter(min_confidence=1.01)) == []
    assert all(e["confidence"] >= 0.95 for e in sure) and len(sure) <= len(everything)
