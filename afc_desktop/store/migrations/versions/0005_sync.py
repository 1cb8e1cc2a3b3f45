"""sync bookkeeping: peers, site state, held events, conflicts, acks, bundle log

Revision ID: 0005_sync
Revises: 0001_initial
"""

from alembic import op
import sqlalchemy as sa


revision = "0005_sync"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sync_peer",
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=True),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("sign_public", sa.String(100), nullable=False),
        sa.Column("enc_public", sa.String(100), nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("key_id", name="pk_sync_peer"),
    )
    op.create_table(
        "sync_site_state",
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("community_code", sa.String(20), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("contiguous_seq", sa.Integer(), nullable=False),
        sa.Column("last_bundle_id", sa.String(36), nullable=True),
        sa.Column("last_bundle_at", TS, nullable=True),
        sa.Column("reported_state_hash", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("site_id", name="pk_sync_site_state"),
    )
    op.create_table(
        "sync_pending_event",
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(50), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("base_rev", sa.String(36), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(36), nullable=True),
        sa.Column("actor_name", sa.String(50), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_sync_pending_event"),
        sa.UniqueConstraint("site_id", "seq", name="uq_sync_pending_event_site_id_seq"),
    )
    op.create_table(
        "sync_unmaterialized",
        sa.Column("table_name", sa.String(50), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name="pk_sync_unmaterialized"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("table_name", sa.String(50), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(50), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("event_a", sa.String(36), nullable=False),
        sa.Column("event_b", sa.String(36), nullable=False),
        sa.Column("site_a", sa.String(36), nullable=False),
        sa.Column("site_b", sa.String(36), nullable=False),
        sa.Column("value_a", sa.JSON(), nullable=True),
        sa.Column("value_b", sa.JSON(), nullable=True),
        sa.Column("winner_event", sa.String(36), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(50), nullable=True),
        sa.Column("resolved_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflict"),
    )
    op.create_index("ix_sync_conflict_table_name_record_id", "sync_conflict", ["table_name", "record_id"])
    op.create_index("ix_sync_conflict_status", "sync_conflict", ["status"])
    op.create_table(
        "sync_ack",
        sa.Column("peer_key_id", sa.String(16), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("receipt_bundle_id", sa.String(36), nullable=True),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("peer_key_id", "site_id", name="pk_sync_ack"),
    )
    op.create_table(
        "sync_bundle_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("peer_key_id", sa.String(16), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("community_code", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_bundle_log"),
    )
    op.create_index("ix_sync_bundle_log_bundle_id", "sync_bundle_log", ["bundle_id"])
    op.create_index("ix_sync_bundle_log_direction_at", "sync_bundle_log", ["direction", "at"])
    op.create_table(
        "sync_duplicate_flag",
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("communities", sa.JSON(), nullable=False),
        sa.Column("flagged_at", TS, nullable=False),
        sa.Column("cleared", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id_number", name="pk_sync_duplicate_flag"),
    )


def downgrade() -> None:
    for name in (
        "sync_duplicate_flag",
        "sync_bundle_log",
        "sync_ack",
        "sync_conflict",
        "sync_unmaterialized",
        "sync_pending_event",
        "sync_site_state",
        "sync_peer",
    ):
        op.drop_table(name)
