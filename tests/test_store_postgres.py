"""The same ingestion and queries on PostgreSQL (CI starts one; skipped elsewhere unless configured)."""
import os

import pytest
from sqlalchemy import create_engine, text

from cityties import queries
from cityties.ingest import ingest
from cityties.settings import Settings
from cityties.store import Store
from conftest import ARTICLES

PG_URL = os.environ.get("CITYTIES_TEST_PG")
pytestmark = pytest.mark.skipif(not PG_URL and not os.environ.get("CI"),
                                reason="set CITYTIES_TEST_PG to a PostgreSQL URL to run")


@pytest.fixture
def pg_store():
    assert PG_URL, "CI must provide CITYTIES_TEST_PG"
    with create_engine(PG_URL).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    settings = Settings(db_url=PG_URL)
    return Store(settings), settings


def test_ingest_and_query_on_postgresql(pg_store):
    store, settings = pg_store
    report = ingest([str(ARTICLES)], store, settings)
    assert (report.count("stored"), report.count("failed")) == (2, 1)
    again = ingest([str(ARTICLES)], store, settings)
    assert again.count("unchanged") == 2
    with store.session() as s:
        rows = queries.list_events(s, queries.EventFilter(type="agreement", place="Da Nang"))
        assert len(rows) == 1 and rows[0]["sources"] == 2
        assert queries.list_events(s, queries.EventFilter(text="memorandum"))
        assert queries.dossier(s, "Da Nang", "Fukuoka")["events"]
        assert queries.stats(s)["failed"] == 1
