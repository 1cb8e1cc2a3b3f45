"""each person's latest recorded visit before a day (探访率): a partial index over recorded
visits only (status done, not deleted), in the order that picks the latest — visit date, then
when it was written, then id, newest first — carrying the risk level it set. The month's visit
rate (services/visits/counts.py) then reads it in index order instead of sorting every visit:
at district scale this is most of a cold report's time.

Revision ID: 0017_visit_latest_index
Revises: 0016_hub_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_visit_latest_index"
down_revision = "0016_hub_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_visit_done_latest",
        "visit",
        [
            "person_id",
            sa.text("visit_date DESC"),
            sa.text("created_at DESC"),
            sa.text("id DESC"),
            "risk_level",
        ],
        unique=False,
        postgresql_where=sa.text("status = 'done' AND deleted IS false"),
        sqlite_where=sa.text("status = 'done' AND deleted IS 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_visit_done_latest", table_name="visit")
