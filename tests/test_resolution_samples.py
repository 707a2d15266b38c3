"""On the bundled samples the cross-language reports of one event merge, and nothing else does."""
from cityties import queries
from cityties.ingest import ingest
from conftest import SAMPLES

# The same-event pairs of examples/MANIFEST.md: (type, place where it happened, start month).
SAME_EVENTS = {("forum", "Da Nang", "2024-12"), ("visit", "Brisbane", "2024-10"),
               ("agreement", "Brisbane", "2024-10"), ("visit", "Haiphong", "2025-04"),
               ("agreement", "Haiphong", "2025-04")}


def test_cross_language_reports_merge_and_nothing_else(store, settings):
    ingest([str(SAMPLES)], store, settings)
    with store.session() as s:
        events = queries.list_events(s, queries.EventFilter(limit=1000))
        merged = [e for e in events if e["sources"] > 1]
        languages = [{src["language"] for src in queries.event_detail(s, e["id"])["sources"]} for e in merged]
    assert {(e["type"], e["location"], e["start"][:7]) for e in merged} == SAME_EVENTS
    assert all(len(langs) == 2 for langs in languages)  # each merge joins two languages
    assert all(e["sources"] == 2 for e in merged)
