"""daily work: resources, visits, needs, referrals, tasks, services, participation, cadence

Revision ID: 0002_daily
Revises: 0001_initial
Create Date: 2026-11-28

Generated from store/models/daily.py against 0001_initial, then checked by hand.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002_daily"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cadence_rule',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('every', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('special_hardship', sa.Boolean(), nullable=False),
    sa.Column('risk', sa.String(length=10), nullable=True),
    sa.Column('min_age', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('local_choice', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadence_rule'))
    )
    op.create_table('person_visit_state',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('last_visit_id', sa.String(length=36), nullable=True),
    sa.Column('last_visit_date', sa.Date(), nullable=True),
    sa.Column('risk_level', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_person_visit_state'))
    )
    op.create_table('project',
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_project_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    op.create_index(op.f('ix_project_start_date'), 'project', ['start_date'], unique=False)
    op.create_table('resource',
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('contact_name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('capacity', sa.String(length=100), nullable=False),
    sa.Column('hours', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_resource_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource'))
    )
    op.create_index(op.f('ix_resource_kind_name'), 'resource', ['kind', 'name'], unique=False)
    op.create_table('need',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('need_type', sa.String(length=30), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_need_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need'))
    )
    op.create_index(op.f('ix_need_person_id_status'), 'need', ['person_id', 'status'], unique=False)
    op.create_index(op.f('ix_need_status_found_on'), 'need', ['status', 'found_on'], unique=False)
    op.create_table('project_member',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=50), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_project_member_person_id_person')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_member_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_member'))
    )
    op.create_index(op.f('ix_project_member_project_id'), 'project_member', ['project_id'], unique=False)
    op.create_table('service_log',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('worker_id', sa.String(length=36), nullable=True),
    sa.Column('worker_name', sa.String(length=50), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_service_log_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_log'))
    )
    op.create_index(op.f('ix_service_log_person_id_service_date'), 'service_log', ['person_id', 'service_date'], unique=False)
    op.create_index(op.f('ix_service_log_service_date'), 'service_log', ['service_date'], unique=False)
    op.create_table('talent',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('availability', sa.String(length=200), nullable=False),
    sa.Column('willing', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_talent_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talent'))
    )
    op.create_index(op.f('ix_talent_person_id'), 'talent', ['person_id'], unique=False)
    op.create_table('task',
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('need_id', sa.String(length=36), nullable=True),
    sa.Column('assigned_to', sa.String(length=36), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_task_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    op.create_index(op.f('ix_task_person_id'), 'task', ['person_id'], unique=False)
    op.create_index(op.f('ix_task_status_due_date'), 'task', ['status', 'due_date'], unique=False)
    op.create_table('visit',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('worker_id', sa.String(length=36), nullable=True),
    sa.Column('worker_name', sa.String(length=50), nullable=False),
    sa.Column('companions', sa.String(length=200), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('risk_flags', sa.JSON(), nullable=False),
    sa.Column('risk_level', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('started_from', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    op.create_index(op.f('ix_visit_person_id_status_deleted_visit_date_risk_level'), 'visit', ['person_id', 'status', 'deleted', 'visit_date', 'risk_level'], unique=False)
    op.create_index(op.f('ix_visit_status_visit_date'), 'visit', ['status', 'visit_date'], unique=False)
    op.create_table('volunteer_hour',
    sa.Column('helper_id', sa.String(length=36), nullable=False),
    sa.Column('helped_id', sa.String(length=36), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['helped_id'], ['person.id'], name=op.f('fk_volunteer_hour_helped_id_person')),
    sa.ForeignKeyConstraint(['helper_id'], ['person.id'], name=op.f('fk_volunteer_hour_helper_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_hour'))
    )
    op.create_index(op.f('ix_volunteer_hour_helper_id'), 'volunteer_hour', ['helper_id'], unique=False)
    op.create_index(op.f('ix_volunteer_hour_service_date'), 'volunteer_hour', ['service_date'], unique=False)
    op.create_table('referral',
    sa.Column('need_id', sa.String(length=36), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_referral_need_id_need')),
    sa.ForeignKeyConstraint(['resource_id'], ['resource.id'], name=op.f('fk_referral_resource_id_resource')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    op.create_index(op.f('ix_referral_need_id'), 'referral', ['need_id'], unique=False)
    op.create_index(op.f('ix_referral_resource_id'), 'referral', ['resource_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_referral_resource_id'), table_name='referral')
    op.drop_index(op.f('ix_referral_need_id'), table_name='referral')
    op.drop_table('referral')
    op.drop_index(op.f('ix_volunteer_hour_service_date'), table_name='volunteer_hour')
    op.drop_index(op.f('ix_volunteer_hour_helper_id'), table_name='volunteer_hour')
    op.drop_table('volunteer_hour')
    op.drop_index(op.f('ix_visit_status_visit_date'), table_name='visit')
    op.drop_index(op.f('ix_visit_person_id_status_deleted_visit_date_risk_level'), table_name='visit')
    op.drop_table('visit')
    op.drop_index(op.f('ix_task_status_due_date'), table_name='task')
    op.drop_index(op.f('ix_task_person_id'), table_name='task')
    op.drop_table('task')
    op.drop_index(op.f('ix_talent_person_id'), table_name='talent')
    op.drop_table('talent')
    op.drop_index(op.f('ix_service_log_service_date'), table_name='service_log')
    op.drop_index(op.f('ix_service_log_person_id_service_date'), table_name='service_log')
    op.drop_table('service_log')
    op.drop_index(op.f('ix_project_member_project_id'), table_name='project_member')
    op.drop_table('project_member')
    op.drop_index(op.f('ix_need_status_found_on'), table_name='need')
    op.drop_index(op.f('ix_need_person_id_status'), table_name='need')
    op.drop_table('need')
    op.drop_index(op.f('ix_resource_kind_name'), table_name='resource')
    op.drop_table('resource')
    op.drop_index(op.f('ix_project_start_date'), table_name='project')
    op.drop_table('project')
    op.drop_table('person_visit_state')
    op.drop_table('cadence_rule')

