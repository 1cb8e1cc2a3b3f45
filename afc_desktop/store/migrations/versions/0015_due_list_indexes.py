"""due list indexes: covering indexes for the elders and their latest-visit summary, so the due
list (services/visits/due_query.py) reads narrow indexes instead of the wide person rows

Revision ID: 0015_due_list_indexes
Revises: 0014_person_transfer
"""

from alembic import op

revision = "0015_due_list_indexes"
down_revision = "0014_person_transfer"
branch_labels = None
depends_on = None

PERSON_DUE = ("is_elder", "deleted", "id", "name", "phone", "household_id", "category_flags",
              "birth_date", "created_at")  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_person_due", "person", list(PERSON_DUE), unique=False)
    op.create_index(
        "ix_person_visit_state_due",
        "person_visit_state",
        ["person_id", "last_visit_date", "risk_level"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_person_visit_state_due", table_name="person_visit_state")
    op.drop_index("ix_person_due", table_name="person")
