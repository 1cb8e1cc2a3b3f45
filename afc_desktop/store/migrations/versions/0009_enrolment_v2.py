"""Enrolment v2: the district roster, enrolment files, bound site keys; drift bookkeeping.

``district_*`` tables are filled only at the district hub. ``sync_peer`` gains the enrolment a
community accepted (id, proof, its 12-digit community code); ``sync_site_state`` records the
seq a reported state hash belongs to, so an older report never replaces a newer one.

Revision ID: 0009_enrolment_v2
Revises: 0008_register_order_by_pinyin
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_enrolment_v2"
down_revision = "0008_register_order_by_pinyin"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "district_community",
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("street", sa.String(100), nullable=False),
        sa.Column("pilot", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_district_community"),
    )
    op.create_table(
        "district_enrolment",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("community_code", sa.String(12), nullable=False),
        sa.Column("secret", sa.String(64), nullable=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("issued_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("key_id", sa.String(16), nullable=True),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_code"],
            ["district_community.code"],
            name="fk_district_enrolment_community_code_district_community",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_district_enrolment"),
    )
    op.create_index(
        "ix_district_enrolment_community_code", "district_enrolment", ["community_code"]
    )
    op.create_table(
        "district_site_key",
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("community_code", sa.String(12), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("sign_public", sa.String(100), nullable=False),
        sa.Column("enc_public", sa.String(100), nullable=False),
        sa.Column("enrolment_id", sa.String(36), nullable=False),
        sa.Column("bound_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_code"],
            ["district_community.code"],
            name="fk_district_site_key_community_code_district_community",
        ),
        sa.PrimaryKeyConstraint("key_id", name="pk_district_site_key"),
    )
    op.create_index("ix_district_site_key_community_code", "district_site_key", ["community_code"])
    op.create_index("ix_district_site_key_site_id", "district_site_key", ["site_id"])
    op.add_column("sync_peer", sa.Column("enrolment_id", sa.String(36), nullable=True))
    op.add_column("sync_peer", sa.Column("enrolment_proof", sa.String(64), nullable=True))
    op.add_column("sync_peer", sa.Column("community_code", sa.String(12), nullable=True))
    op.add_column("sync_site_state", sa.Column("reported_state_seq", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_site_state") as batch:
        batch.drop_column("reported_state_seq")
    with op.batch_alter_table("sync_peer") as batch:
        batch.drop_column("community_code")
        batch.drop_column("enrolment_proof")
        batch.drop_column("enrolment_id")
    op.drop_table("district_site_key")
    op.drop_table("district_enrolment")
    op.drop_table("district_community")
