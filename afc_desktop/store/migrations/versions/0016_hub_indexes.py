"""hub indexes (区级统计索引): change_event(table_name, at) for "who changed since",
person(origin_site) for counting one community's people at the district hub, and the
district's figure cache (district_figure_cache, derived data)

Revision ID: 0016_hub_indexes
Revises: 0015_due_list_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_hub_indexes"
down_revision = "0015_due_list_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_change_event_table_name_at"), "change_event", ["table_name", "at"], unique=False
    )
    op.create_index(op.f("ix_person_origin_site"), "person", ["origin_site"], unique=False)
    op.create_table(
        "district_figure_cache",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", "scope", name=op.f("pk_district_figure_cache")),
    )


def downgrade() -> None:
    op.drop_table("district_figure_cache")
    op.drop_index(op.f("ix_person_origin_site"), table_name="person")
    op.drop_index(op.f("ix_change_event_table_name_at"), table_name="change_event")
