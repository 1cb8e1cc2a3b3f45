"""import receipts

Revision ID: 0004_imports
Revises: 0001_initial
"""

from alembic import op
import sqlalchemy as sa


revision = "0004_imports"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_receipt",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("valid_only", sa.Boolean(), nullable=False),
        sa.Column("rows_new", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), nullable=False),
        sa.Column("rows_duplicate", sa.Integer(), nullable=False),
        sa.Column("rows_error", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("user_name", sa.String(length=50), nullable=False),
        sa.Column("backup_file", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_receipt")),
    )
    op.create_index(op.f("ix_import_receipt_at"), "import_receipt", ["at"], unique=False)
    op.create_index(op.f("ix_import_receipt_sha256"), "import_receipt", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_import_receipt_sha256"), table_name="import_receipt")
    op.drop_index(op.f("ix_import_receipt_at"), table_name="import_receipt")
    op.drop_table("import_receipt")
