"""The import wizard: file → mapping → preview tabs → import valid rows, off the UI thread."""

from __future__ import annotations

from sqlalchemy import func, select

from afc_desktop.store.models import Person
from afc_desktop.ui.dialogs.import_dialog import ImportDialog


def test_wizard_previews_and_imports_only_valid_rows(qtbot, ctx, messy_xlsx, tmp_path):
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.next_button.isEnabled()
    assert dialog.choose_file(messy_xlsx)
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == [
        "台账",
        "说明",
    ]
    dialog.go_next()
    assert dialog.pages.currentIndex() == 1
    assert "第 4-5 行" in dialog.header_label.text()
    assert dialog.current_mapping().column_for("emergency_phone") == 9
    assert dialog.next_button.isEnabled()

    # unmapping the name column is caught before anything is read
    combo = dialog.mapping_table.cellWidget(1, 3)
    combo.setCurrentIndex(0)
    assert "姓名" in dialog.mapping_problems.text()
    assert not dialog.next_button.isEnabled()
    dialog.apply_mapping(dialog.preview_info.suggested)
    assert dialog.next_button.isEnabled()
    assert dialog.mapping_source.text() == "已按列名自动识别"
    notes = dialog.mapping_table.cellWidget(10, 3)  # 备注: the user chooses not to import it
    notes.setCurrentIndex(0)

    with qtbot.waitSignal(dialog.run_preview().sig_finished, timeout=20000):
        pass
    assert dialog.pages.currentIndex() == 2
    assert dialog.new_table.rowCount() == 3
    assert dialog.error_table.rowCount() >= 7
    assert dialog.tabs.tabText(0) == "新增（3）"
    # errors: "import all" is not possible until the user explicitly chooses valid rows only
    assert not dialog.next_button.isEnabled()
    dialog.valid_only.setChecked(True)
    assert dialog.next_button.isEnabled()

    report = tmp_path / "report.xlsx"
    assert dialog.save_report(report) == 7

    with qtbot.waitSignal(dialog.sig_imported, timeout=30000):
        dialog.go_next()
    assert dialog.pages.currentIndex() == 3
    assert "新增 3 人" in dialog.done_label.text()
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 3

    # next time the same ledger opens with the mapping as the user confirmed it
    again = ImportDialog(ctx)
    qtbot.addWidget(again)
    again.choose_file(messy_xlsx)
    again.go_next()
    assert again.mapping_source.text() == "已套用上次确认的列对应"
    assert 10 not in again.current_mapping().fields
    assert again.current_mapping().column_for("name") == 1


def test_unreadable_file_is_explained(qtbot, ctx, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"oops")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.choose_file(bad)
    assert "无法读取" in dialog.file_error.text()
    assert not dialog.next_button.isEnabled()
