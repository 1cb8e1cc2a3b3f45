"""household visits (入户家访): the household_visit table and the link from each elder's visit

Revision ID: 0011_household_visits
Revises: 0010_person_life
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_household_visits"
down_revision = "0010_person_life"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_visit",
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("address_text", sa.String(length=300), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=True),
        sa.Column("worker_name", sa.String(length=50), nullable=False),
        sa.Column("companions", sa.String(length=200), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("started_from", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_visit")),
    )
    op.create_index(
        op.f("ix_household_visit_household_id_visit_date"),
        "household_visit",
        ["household_id", "visit_date"],
    )
    op.create_index(
        op.f("ix_household_visit_status_visit_date"), "household_visit", ["status", "visit_date"]
    )
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("household_visit_id", sa.String(length=36), nullable=True))
        batch.create_index(op.f("ix_visit_household_visit_id"), ["household_visit_id"])


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_index(op.f("ix_visit_household_visit_id"))
        batch.drop_column("household_visit_id")
    op.drop_index(op.f("ix_household_visit_status_visit_date"), table_name="household_visit")
    op.drop_index(op.f("ix_household_visit_household_id_visit_date"), table_name="household_visit")
    op.drop_table("household_visit")
