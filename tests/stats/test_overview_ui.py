"""The 统计 page: headline figures, clickable charts into the register, the pilot report job."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from afc_desktop.services import register
from afc_desktop.services.register import PersonQuery
from afc_desktop.services.stats import Period
from afc_desktop.ui.pages.overview_page import Page
from afc_desktop.ui.widgets.bar_chart import Bar, BarChart


def loaded_page(qtbot, ctx) -> Page:
    page = Page(ctx)
    qtbot.addWidget(page)
    page.resize(1246, 700)  # a 1366×768 screen less the navigation list and window chrome
    page.show()
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.on_shown()
    return page


def bar_point(chart: BarChart, label: str) -> QPoint:
    index = [b.label for b in chart.bars()].index(label)
    return chart._bar_rect(index).center().toPoint()


def test_headline_figures(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    assert page.tile_elders.value.text() == "4"
    assert page.tile_rate.value.text() == "50.0%"
    assert "目标 100%" in page.tile_rate.detail.text()
    assert page.tile_overdue.value.text() == "2 人"
    assert page.tile_projects.value.text() == "1 / 2"
    rate = {b.label: b.text for b in page.chart_rate.bars()}
    assert rate["特殊困难老年人"].startswith("50.0%")


def test_clicking_a_category_bar_opens_the_people_behind_it(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    chart = page.chart_categories
    with qtbot.waitSignal(page.sig_open_register) as opened:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar_point(chart, "独居"))
    assert opened.args == [{"categories": ["alone"]}]
    query = PersonQuery(categories=tuple(opened.args[0]["categories"]))
    assert len(register.search_person_ids(ctx, query)) == 1


def test_age_bars_are_reachable_by_keyboard(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    chart = page.chart_ages
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # from 60–69岁 to 70–79岁
    with qtbot.waitSignal(page.sig_open_register) as opened:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert opened.args == [{"age_band": "70-79"}]


def test_headline_tiles_open_the_area_behind_them(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    with qtbot.waitSignal(page.sig_open_area) as opened:
        qtbot.mouseClick(page.tile_overdue, Qt.MouseButton.LeftButton)
    assert opened.args == ["visits"]
    page.tile_needs.setFocus()
    with qtbot.waitSignal(page.sig_open_area) as opened:
        qtbot.keyClick(page.tile_needs, Qt.Key.Key_Return)
    assert opened.args == ["tasks"]


def test_bars_without_a_list_are_not_clickable(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    chart = page.chart_needs
    with qtbot.assertNotEmitted(page.sig_open_register):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar_point(chart, "助餐"))
    # ability grades are not a register filter (yet): shown, not clickable
    assert all(b.filter is None for b in page.chart_ability.bars())


def test_charts_fit_without_horizontal_scrolling(qtbot, ctx, community):
    page = loaded_page(qtbot, ctx)
    for chart in page.charts:
        assert chart.width() >= chart.minimumSizeHint().width()
        for i in range(len(chart.bars())):
            assert chart._bar_rect(i).right() <= chart.width()


def test_pilot_report_is_written_off_the_ui_thread(qtbot, ctx, community, tmp_path):
    page = loaded_page(qtbot, ctx)
    out = tmp_path / "中期.pdf"
    with qtbot.waitSignal(page.sig_report_written, timeout=30_000) as written:
        page.generate_report("midterm", Period(date(2026, 1, 1), date(2026, 11, 28)), out)
    assert written.args == [str(out)] and out.stat().st_size > 10_000
    assert page.message is not None and str(out) in page.message.text()
    page.message.close()


def test_report_refusal_is_shown_not_raised(qtbot, ctx, community, tmp_path):
    page = loaded_page(qtbot, ctx)
    job = page.generate_report(
        "midterm", Period(date(2026, 1, 1), date(2027, 1, 1)), tmp_path / "x.pdf"
    )
    with qtbot.waitSignal(job.sig_failed, timeout=30_000):
        pass
    assert page.message is not None and "不能晚于今天" in page.message.text()
    page.message.close()


def test_empty_chart_says_so(qtbot):
    chart = BarChart("需求")
    qtbot.addWidget(chart)
    chart.set_bars([], empty_text="没有未解决的需求")
    chart.show()
    assert chart.sizeHint().height() > 0
    chart.set_bars([Bar("甲", 3, "3", {"categories": ["alone"]})])
    assert chart.click_bar(0) and not chart.click_bar(5)


def test_large_text_scales_the_headline_numbers(qtbot, ctx, qapp):
    """大字显示: when the application font grows, the tiles' big numbers grow with it."""
    page = Page(ctx)
    qtbot.addWidget(page)
    before = page.tile_elders.value.font().pointSizeF()
    original = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(original.pointSizeF() * 1.3)
    try:
        qapp.setFont(bigger)
        qtbot.waitUntil(lambda: page.tile_elders.value.font().pointSizeF() > before * 1.2)
    finally:
        qapp.setFont(original)
