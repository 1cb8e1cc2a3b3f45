"""attachments (照片/附件): the attachment table (pictures themselves live in the data directory),
the record of pictures sent to each peer, and the district hub's picture store

Revision ID: 0013_attachments
Revises: 0012_community_code
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_attachments"
down_revision = "0012_community_code"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("owner_kind", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=30), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index(
        op.f("ix_attachment_owner_kind_owner_id"), "attachment", ["owner_kind", "owner_id"]
    )
    op.create_index(op.f("ix_attachment_person_id"), "attachment", ["person_id"])
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"])
    op.create_table(
        "attachment_delivery",
        sa.Column("peer_key_id", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("peer_key_id", "sha256", name=op.f("pk_attachment_delivery")),
    )
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blob")
    op.drop_table("attachment_delivery")
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_person_id"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_owner_kind_owner_id"), table_name="attachment")
    op.drop_table("attachment")
