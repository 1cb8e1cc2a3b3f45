"""Community identity: the 12-digit 统计用区划代码 of a community (``community.code``).

Sites set up before this have ``NULL`` until an administrator completes the code once
(``afc community complete-code`` or the window's prompt); the field travels in change events
like any other column of ``community``.

Revision ID: 0012_community_code
Revises: 0011_household_visits
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_community_code"
down_revision = "0011_household_visits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("community", sa.Column("code", sa.String(12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("community") as batch:
        batch.drop_column("code")
