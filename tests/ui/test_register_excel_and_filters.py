"""The register page reaches the Excel import wizard and export, and opens the list behind an
overview bar."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from afc_desktop.services import register as reg
from afc_desktop.ui.dialogs.import_dialog import ImportDialog
from afc_desktop.ui.main_window import AREAS, MainWindow


def _people(ctx) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    alone = reg.register_person(
        ctx, reg.PersonInput(name="独居老人", birth_date=date(1940, 1, 1), categories=("alone",))
    ).id
    other = reg.register_person(
        ctx, reg.PersonInput(name="其他老人", birth_date=date(1955, 1, 1))
    ).id
    return alone, other


def test_export_writes_what_the_filters_show(qtbot, ctx, tmp_path) -> None:
    _people(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_area("register")
    page.apply_filter({"categories": ["alone"]})
    out = tmp_path / "登记册.xlsx"
    page.export_current(str(out))
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "已导出" in page.count_label.text(), timeout=10000)
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    names = [r[0] for r in rows[1:] if r and r[0]]
    assert names == ["独居老人"]


def test_import_wizard_opens_from_the_register(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.show_area("register").open_import()
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.reject()


def test_overview_bar_opens_the_register_filtered(qtbot, ctx) -> None:
    alone, _ = _people(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    overview = window.show_area("overview")
    overview.sig_open_register.emit({"categories": ["alone"]})
    register_page = window.page("register")
    index = [a.name for a in AREAS].index("register")
    assert window.stack.currentIndex() == index or window.nav.currentRow() == index
    qtbot.waitUntil(lambda: register_page.model.rowCount() == 1, timeout=5000)
    assert register_page.model.person_id(0) == alone
