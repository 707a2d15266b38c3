"""facts keep where their value is said inside the supporting sentence

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("value_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("value_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("value_end")
        batch.drop_column("value_start")
