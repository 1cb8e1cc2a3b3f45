"""hub indexes (区级统计索引): change_event(table_name, at) for "who changed since" and
person(origin_site) for counting one community's people at the district hub

Revision ID: 0015_hub_indexes
Revises: 0014_person_transfer
"""

from alembic import op

revision = "0015_hub_indexes"
down_revision = "0014_person_transfer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_change_event_table_name_at"), "change_event", ["table_name", "at"], unique=False
    )
    op.create_index(op.f("ix_person_origin_site"), "person", ["origin_site"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_person_origin_site"), table_name="person")
    op.drop_index(op.f("ix_change_event_table_name_at"), table_name="change_event")
