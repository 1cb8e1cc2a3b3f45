"""A person's life on the register: registration date, removal date and reason, notice date.

``registered_on`` is when the person entered the register. Rows that exist already get the
local day their row was created (the best the database knows; a ledger date can be put in by
re-importing or editing). ``removed_on``/``removal_reason`` record a removal (去世, 迁出本区 …);
already-removed rows keep an empty reason and the day of their tombstone. ``informed_on`` is the
day the person received the personal-information notice (告知书).

Revision ID: 0010_person_life
Revises: 0009_enrolment_v2
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_person_life"
down_revision = "0009_enrolment_v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("registered_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("removed_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("removal_reason", sa.String(20), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("removal_note", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("informed_on", sa.Date(), nullable=True))
        batch.create_index("ix_person_registered_on", ["registered_on"])
    # Stored instants are UTC and the community is UTC+8: shift by 8 hours for the local day.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE person SET registered_on = date(created_at, '+8 hours')")
        op.execute(
            "UPDATE person SET removed_on = date(updated_at, '+8 hours') WHERE deleted = 1"
        )
    else:
        op.execute(
            "UPDATE person SET registered_on = CAST(created_at + interval '8 hours' AS date)"
        )
        op.execute(
            "UPDATE person SET removed_on = CAST(updated_at + interval '8 hours' AS date) "
            "WHERE deleted"
        )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_registered_on")
        for name in ("informed_on", "removal_note", "removal_reason", "removed_on", "registered_on"):
            batch.drop_column(name)
