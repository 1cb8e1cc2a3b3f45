"""The import wizard's value page: unknown values listed once with counts, 空巢 pre-set, the
choice applied to the whole file and remembered with the mapping."""

from __future__ import annotations

from afc_desktop.services.register import get_person, search_person_ids
from afc_desktop.services.register.search import PersonQuery
from afc_desktop.ui.dialogs.import_dialog import VALUES_PAGE, ImportDialog


def test_wizard_asks_each_unknown_value_once_and_imports_everyone(qtbot, ctx, value_ledger):
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.choose_file(value_ledger)
    dialog.go_next()
    assert dialog.pages.currentIndex() == 1
    with qtbot.waitSignal(dialog.check_values().sig_finished, timeout=20000):
        pass
    assert dialog.pages.currentIndex() == VALUES_PAGE
    shown = {
        (dialog.values_table.item(r, 1).text(), dialog.values_table.item(r, 2).text())
        for r in range(dialog.values_table.rowCount())
    }
    assert shown == {("空巢", "2"), ("与老伴同住", "1"), ("孤寡", "1")}
    row = next(r for r in range(3) if dialog.values_table.item(r, 1).text() == "空巢")
    assert dialog.values_table.cellWidget(row, 3).currentText() == "类别：空巢"
    dialog.choose_value("living_arrangement", "与老伴同住", "code:with_spouse")
    dialog.choose_value("categories", "孤寡", "category:alone")
    dialog._collect_values()
    with qtbot.waitSignal(dialog.run_preview().sig_finished, timeout=20000):
        pass
    assert dialog.pages.currentIndex() == 2
    assert dialog.plan.clean and dialog.plan.counts()["new"] == 12
    assert "表尾签名行 2 行" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.sig_imported, timeout=30000):
        dialog.go_next()
    person = get_person(ctx, search_person_ids(ctx, PersonQuery("顾六"))[0])
    assert person.living_arrangement == "with_spouse"

    # the next ledger of the same shape opens with the values as mapped
    again = ImportDialog(ctx)
    qtbot.addWidget(again)
    assert again.choose_file(value_ledger)
    again.go_next()
    assert again.current_mapping().values["categories"] == {"孤寡": "category:alone"}
