"""First-run setup, accounts and the audit log."""

from __future__ import annotations

import pytest

from afc_desktop.services import accounts, audit, setup
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.sync.keys import ensure_site_keys


def test_first_run_creates_site_community_admin_and_keys(data_dir) -> None:
    ctx = open_app(data_dir)
    assert not setup.is_set_up(ctx)
    result = setup.run_setup(
        ctx,
        setup.CommunityInput("320502", "梅巷社区", street_name="平江街道"),
        admin_username="admin",
        admin_password="secret-1",
    )
    # A retired area code (old 沧浪区) resolves to 姑苏区.
    assert result.community.district_code == "320508"
    assert result.community.full_name == "姑苏区平江街道梅巷社区"
    assert setup.is_set_up(ctx) and ctx.site_id == result.site_id
    assert ensure_site_keys(data_dir.keys_dir, ctx.db.key).key_id == result.key_id  # persisted
    with pytest.raises(ServiceError):
        setup.run_setup(ctx, setup.CommunityInput("320508", "x"), "a", "secret-1")
    ctx.db.dispose()


def test_setup_refuses_bad_input_and_writes_nothing(data_dir) -> None:
    ctx = open_app(data_dir)
    with pytest.raises(ServiceError, match="6位数字"):
        setup.run_setup(ctx, setup.CommunityInput("3205", "梅巷社区"), "admin", "secret-1")
    with pytest.raises(ServiceError, match="密码至少"):
        setup.run_setup(ctx, setup.CommunityInput("320508", "梅巷社区"), "admin", "123")
    assert not setup.is_set_up(ctx)
    ctx.db.dispose()


def test_passwords_are_argon2_and_login_is_audited(ctx) -> None:
    ctx.user = None
    with pytest.raises(ServiceError, match="用户名或密码错误"):
        accounts.authenticate(ctx, "admin", "wrong")
    user = accounts.authenticate(ctx, "admin", "admin-pass-1")
    assert user.is_admin and ctx.user == user
    from afc_desktop.store.models import User

    with ctx.db.session() as s:
        assert s.query(User).one().password_hash.startswith("$argon2id$")
    actions = [e.action for e in audit.recent(ctx)]
    assert actions[:2] == ["login", "login_failed"]


def test_only_admins_create_users_and_workers_cannot(ctx) -> None:
    accounts.create_user(ctx, "liqiang", "李强", "worker-pw", role="worker")
    ctx.user = None
    worker = accounts.authenticate(ctx, "liqiang", "worker-pw")
    assert worker.role == "worker"
    with pytest.raises(ServiceError, match="管理员"):
        accounts.create_user(ctx, "other", "某某", "pass-123")


def test_last_admin_cannot_be_disabled(ctx) -> None:
    admin_id = ctx.user.id
    with pytest.raises(ServiceError, match="最后一个管理员"):
        accounts.set_active(ctx, admin_id, False)
