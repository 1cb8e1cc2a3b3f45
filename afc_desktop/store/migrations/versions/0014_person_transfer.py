"""moves within the district (本区内迁移): person.moved_to / transferred_from and person_transfer

``person.moved_to`` is the 12-digit code of the receiving community when a person is removed for
迁往本区其他社区; ``person.transferred_from`` is the transfer a person was accepted by. Both are
synced. ``person_transfer`` is the hub's ledger of moves / a community's inbox (not synced).

Revision ID: 0014_person_transfer
Revises: 0013_attachments
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_person_transfer"
down_revision = "0013_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("moved_to", sa.String(12), nullable=False, server_default=""))
        batch.add_column(sa.Column("transferred_from", sa.String(36), nullable=True))
        batch.create_index("ix_person_moved_to", ["moved_to"])
        batch.create_index("ix_person_transferred_from", ["transferred_from"])
    op.create_table(
        "person_transfer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("from_code", sa.String(length=12), nullable=False),
        sa.Column("from_name", sa.String(length=100), nullable=False),
        sa.Column("to_code", sa.String(length=12), nullable=False),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_person_id", sa.String(length=36), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_transfer")),
    )
    op.create_index(
        "ix_person_transfer_to_code_state", "person_transfer", ["to_code", "state"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_person_transfer_to_code_state", table_name="person_transfer")
    op.drop_table("person_transfer")
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_transferred_from")
        batch.drop_index("ix_person_moved_to")
        batch.drop_column("transferred_from")
        batch.drop_column("moved_to")
