"""设置 → 底册规则: an administrator changes the register's rules on a form; a bad combination
is refused with a plain-Chinese message and nothing is stored; a social worker only reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from afc_desktop.domain.rules import RegisterRules
from afc_desktop.services.context import CurrentUser
from afc_desktop.services.reassessments import due_reassessments
from afc_desktop.services.register_rules import load_register_rules
from afc_desktop.ui.pages.settings_page import Page
from afc_desktop.ui.widgets.forms import ERROR_STYLE

from .test_grades_that_count import finalize


def rules_tab(qtbot, ctx) -> Page:
    page = Page(ctx)
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("底册规则"))
    return page


def test_an_administrator_changes_the_rules_and_they_apply_at_once(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "沈阿公", date(1940, 1, 1), sex="M")
    finalize(ctx, pid, "max", on="2026-05-20")  # due in 12 months: not yet
    assert due_reassessments(ctx) == []
    page = rules_tab(qtbot, ctx)
    tab = page.rules
    assert tab.typed() == RegisterRules()  # the defaults are shown
    assert tab.save_button.isEnabled()

    tab.months.setValue(6)
    tab.levels[2].setChecked(False)  # only 重度 and 完全失能 count
    tab.triggers["hospital"].setChecked(False)
    tab.helper_max.setValue(74)
    tab.helped_min.setValue(85)
    assert tab.save() is True
    assert load_register_rules(ctx) == RegisterRules(60, 74, 85, (3, 4), 6, ("fall",))
    assert "已保存" in tab.message.text() and "每6个月" in tab.message.text()
    # the 6-month period puts the May assessment on the re-assessment list right away
    assert [d.person_id for d in due_reassessments(ctx)] == [pid]
    # the change is in the audit log, in words
    assert page.audit.item(0, 2).text() == "修改底册规则"

    tab.defaults_button.click()
    assert tab.typed() == RegisterRules()
    assert load_register_rules(ctx).reassess_months == 6  # not stored until saved


def test_a_bad_combination_is_refused_in_plain_chinese_and_nothing_is_stored(qtbot, ctx):
    page = rules_tab(qtbot, ctx)
    tab = page.rules
    tab.helper_min.setValue(70)
    tab.helper_max.setValue(65)
    assert tab.save() is False
    assert tab.message.text().startswith("低龄志愿者的年龄范围不对")
    assert tab.helper_min.styleSheet() == ERROR_STYLE
    assert load_register_rules(ctx) == RegisterRules()

    tab.helper_min.setValue(60)
    tab.helper_max.setValue(85)  # the helpers would be older than the helped (80)
    assert tab.save() is False
    assert tab.message.text() == "受助人最低年龄应大于低龄志愿者的最高年龄"
    assert tab.helped_min.styleSheet() == ERROR_STYLE
    assert tab.helper_min.styleSheet() == ""
    assert load_register_rules(ctx) == RegisterRules()

    tab.helped_min.setValue(90)
    assert tab.save() is True
    assert load_register_rules(ctx) == replace(RegisterRules(), young_helper_max_age=85,
                                               helped_min_age=90)  # fmt: skip
    assert tab.helped_min.styleSheet() == ""


def test_a_social_worker_reads_the_rules_but_cannot_change_them(qtbot, ctx):
    ctx.user = CurrentUser("w", "liuna", "刘娜", "worker")
    page = rules_tab(qtbot, ctx)
    tab = page.rules
    assert not tab.save_button.isEnabled() and not tab.months.isEnabled()
    assert not tab.levels[4].isEnabled()
    assert tab.levels[4].isChecked() and tab.months.value() == 12
    assert tab.message.text() == "只有管理员可以修改底册规则"
