"""links between events that belong together without being one (talks held during a forum)

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("other_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.UniqueConstraint("event_id", "other_id", "relation"),
    )
    op.create_index("ix_event_links_event_id", "event_links", ["event_id"])
    op.create_index("ix_event_links_other_id", "event_links", ["other_id"])


def downgrade() -> None:
    op.drop_table("event_links")
