"""An installation set up with the county code only is offered the 12-digit code form after login,
beside the window: the day's work is not blocked, a wrong code is explained, a right one saved."""

from __future__ import annotations

from afc_desktop.services import setup
from afc_desktop.services.context import open_app
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.ui.dialogs.community_code_dialog import ask_if_needed


def test_code_form_is_offered_without_blocking_and_saves_once(qtbot, data_dir):
    ctx = open_app(data_dir)
    try:
        run_setup(
            ctx, CommunityInput("320508", "梅巷社区", street_name="平江街道"), "admin", "pw-123456"
        )
        dialog = ask_if_needed(ctx, None)  # returns at once: not modal
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        qtbot.addWidget(dialog)
        dialog.code.setText("320508022001")  # 虎丘街道's street code: a typo
        assert not dialog.save()
        assert "虎丘街道" in dialog.error.text() and dialog.isVisible()
        dialog.code.setText("320508018001")
        assert dialog.save()
        assert not dialog.isVisible()
        community = setup.local_community(ctx)
        assert community is not None and community.code == "320508018001"
        assert ask_if_needed(ctx, None) is None  # asked once: not again after it is saved
    finally:
        ctx.db.dispose()
