"""full-text search over articles and events (SQLite FTS5; PostgreSQL uses its own text search)

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body,"
                   " tokenize='unicode61 remove_diacritics 2')")
        op.execute("CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, body,"
                   " tokenize='unicode61 remove_diacritics 2')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE events_fts")
        op.execute("DROP TABLE articles_fts")
