"""assessments: filled forms (评估记录)

Revision ID: 0003_assessments
Revises: 0001_initial
Create Date: 2026-11-28

Written by hand to match store/models/assessment.py.
"""

from alembic import op
import sqlalchemy as sa


revision = "0003_assessments"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=80), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("preliminary_grade", sa.String(length=30), nullable=False),
        sa.Column("final_grade", sa.String(length=30), nullable=False),
        sa.Column("adjustments", sa.JSON(), nullable=False),
        sa.Column("assessors", sa.JSON(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_assessment_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index(op.f("ix_assessment_person_id"), "assessment", ["person_id"], unique=False)
    op.create_index(op.f("ix_assessment_assessed_on"), "assessment", ["assessed_on"], unique=False)
    op.create_index(
        op.f("ix_assessment_form_id_status"), "assessment", ["form_id", "status"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_assessment_form_id_status"), table_name="assessment")
    op.drop_index(op.f("ix_assessment_assessed_on"), table_name="assessment")
    op.drop_index(op.f("ix_assessment_person_id"), table_name="assessment")
    op.drop_table("assessment")
