"""Merge the feature branches into one head.

Each feature (daily work, assessments, imports, sync, the register index) shipped its own
revision from 0001_initial while they were built side by side; this revision joins them so the
next schema change has a single parent.

Revision ID: 0007_merge_features
Revises: 0002_daily, 0003_assessments, 0004_imports, 0005_sync, 0006_register_order
"""

revision = "0007_merge_features"
down_revision = (
    "0002_daily",
    "0003_assessments",
    "0004_imports",
    "0005_sync",
    "0006_register_order",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
