"""initial schema: register, accounts, change log

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-28 19:21:26.681951
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


# Person search index (SQLite only): an FTS5 trigram table kept in step by triggers, so any
# substring of three or more characters (name, pinyin, initials, ID digits, phone, address) is
# answered from the index. FTS rows are keyed by person_search_map.rowid, an INTEGER PRIMARY KEY
# that VACUUM never renumbers (a plain table's implicit rowid it may).
PERSON_SEARCH_SQL = [
    "CREATE TABLE person_search_map (rowid INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE person_search USING fts5(body, tokenize='trigram')",
    """CREATE TRIGGER person_search_ai AFTER INSERT ON person BEGIN
        INSERT INTO person_search_map(person_id) VALUES (new.id);
        INSERT INTO person_search(rowid, body)
        SELECT m.rowid, new.search_text FROM person_search_map m
        WHERE m.person_id = new.id AND new.deleted = 0;
    END""",
    """CREATE TRIGGER person_search_au AFTER UPDATE OF search_text, deleted ON person BEGIN
        DELETE FROM person_search
        WHERE rowid = (SELECT rowid FROM person_search_map WHERE person_id = old.id);
        INSERT INTO person_search(rowid, body)
        SELECT m.rowid, new.search_text FROM person_search_map m
        WHERE m.person_id = new.id AND new.deleted = 0;
    END""",
    """CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN
        DELETE FROM person_search
        WHERE rowid = (SELECT rowid FROM person_search_map WHERE person_id = old.id);
        DELETE FROM person_search_map WHERE person_id = old.id;
    END""",
]


def upgrade() -> None:

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('user_name', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('target_table', sa.String(length=50), nullable=False),
    sa.Column('target_id', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    op.create_table('change_event',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('base_rev', sa.String(length=36), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=36), nullable=True),
    sa.Column('actor_name', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_change_event')),
    sa.UniqueConstraint('site_id', 'seq', name=op.f('uq_change_event_site_id_seq'))
    )
    with op.batch_alter_table('change_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_event_table_name_record_id'), ['table_name', 'record_id'], unique=False)

    op.create_table('community',
    sa.Column('district_code', sa.String(length=6), nullable=False),
    sa.Column('district_name', sa.String(length=50), nullable=False),
    sa.Column('street_code', sa.String(length=12), nullable=True),
    sa.Column('street_name', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('is_pilot', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('site',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site'))
    )
    op.create_table('site_sequence',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('site_id', name=op.f('pk_site_sequence'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=50), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('household',
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('estate', sa.String(length=100), nullable=False),
    sa.Column('building', sa.String(length=50), nullable=False),
    sa.Column('unit', sa.String(length=50), nullable=False),
    sa.Column('room', sa.String(length=50), nullable=False),
    sa.Column('address_text', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_household_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_community_id_estate'), ['community_id', 'estate'], unique=False)

    op.create_table('person',
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('relation_to_head', sa.String(length=30), nullable=False),
    sa.Column('is_elder', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('living_arrangement', sa.String(length=30), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('emergency_contacts', sa.JSON(), nullable=False),
    sa.Column('ability_grade', sa.String(length=30), nullable=False),
    sa.Column('ability_assessed_on', sa.Date(), nullable=True),
    sa.Column('consent', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('pinyin_full', sa.String(length=200), nullable=False),
    sa.Column('pinyin_initials', sa.String(length=50), nullable=False),
    sa.Column('category_flags', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('origin_site', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_person_community_id_community')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_person_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_birth_date'), ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_pinyin_full'), ['pinyin_full'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_pinyin_initials'), ['pinyin_initials'], unique=False)



    if op.get_bind().dialect.name == "sqlite":
        for statement in PERSON_SEARCH_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS person_search")
        op.execute("DROP TABLE IF EXISTS person_search_map")

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_pinyin_initials'))
        batch_op.drop_index(batch_op.f('ix_person_pinyin_full'))
        batch_op.drop_index(batch_op.f('ix_person_phone'))
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_id_number'))
        batch_op.drop_index(batch_op.f('ix_person_household_id'))
        batch_op.drop_index(batch_op.f('ix_person_birth_date'))

    op.drop_table('person')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_community_id_estate'))

    op.drop_table('household')
    op.drop_table('user_account')
    op.drop_table('site_sequence')
    op.drop_table('site')
    op.drop_table('setting')
    op.drop_table('community')
    with op.batch_alter_table('change_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_event_table_name_record_id'))

    op.drop_table('change_event')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))

    op.drop_table('audit_event')

