"""Ingestion end to end: worker processes give the same result as in-process runs."""
from cityties.ingest import ingest
from cityties.settings import Settings
from cityties.store import Store
from cityties import queries
from conftest import ARTICLES


def run(tmp_path, name, workers):
    settings = Settings(db_url=f"sqlite:///{tmp_path / name}", workers=workers, batch_size=1)
    store = Store(settings)
    report = ingest([str(ARTICLES)], store, settings)
    with store.session() as s:
        return report, queries.list_events(s, queries.EventFilter())


def test_workers_and_in_process_agree(tmp_path):
    report1, events1 = run(tmp_path, "a.db", 1)
    report2, events2 = run(tmp_path, "b.db", 2)
    assert [o.status for o in report1.outcomes] == [o.status for o in report2.outcomes]
    assert report1.count("failed") == 1 and report1.count("stored") == 2
    assert events1 == events2
