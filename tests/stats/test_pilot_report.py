"""The pilot report (试点报告): built from the figures, written as PDF and Excel, read back."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from afc_desktop.cli import main as afc
from afc_desktop.reports import write_report
from afc_desktop.reports.pilot_report import build_pilot_report, stage_code
from afc_desktop.services.context import ServiceError
from afc_desktop.services.stats import Period

YEAR = Period(date(2026, 1, 1), date(2026, 11, 28))


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_midterm_report_figures_and_targets(ctx, community):
    report = build_pilot_report(ctx, "中期评估", YEAR)
    assert report.stage == "midterm" and report.title == "梅巷社区老年友好社区建设试点中期评估报告"
    indicators = {i.name: i for i in report.indicators}
    rate = indicators["特殊困难老年人月探访率（2026年11月）"]
    assert (rate.value, rate.target, rate.status) == ("50.0%", "100%", "未达到")
    projects = indicators["2026年开展“微自治”项目"]
    assert (projects.value, projects.status) == ("1个", "未达到")
    headings = [s.heading for s in report.sections]
    assert headings[0] == "一、试点工作进展概述" and headings[-1].startswith("八、存在的问题")
    visits_section = next(s for s in report.sections if s.heading.startswith("四、"))
    assert "特殊困难老年人探访率50.0%（目标100%）" in visits_section.facts[0]
    assert all(s.prompts for s in report.sections)


def test_each_stage_has_its_own_skeleton(ctx, community):
    plan = build_pilot_report(ctx, "方案", YEAR)
    final = build_pilot_report(ctx, "final", YEAR)
    assert plan.title.endswith("建设方案") and final.title.endswith("结项评估报告")
    assert plan.sections[1].heading == "二、建设目标与主题"
    assert any("典型案例" in s.heading for s in final.sections)


def test_bad_stage_and_future_period_are_refused(ctx):
    with pytest.raises(ServiceError, match="未知的报告阶段“年终总结”"):
        stage_code("年终总结")
    with pytest.raises(ServiceError, match="不能晚于今天"):
        build_pilot_report(ctx, "中期评估", Period(date(2026, 1, 1), date(2027, 1, 1)))


def test_pdf_shows_headings_and_figures_in_an_embedded_font(ctx, community, tmp_path):
    out = write_report(build_pilot_report(ctx, "中期评估", YEAR), tmp_path / "r" / "中期.pdf")
    text = pdf_text(out)
    for expected in (
        "梅巷社区老年友好社区建设试点",
        "中期评估报告",
        "主要指标完成情况",
        "特殊困难老年人月探访率（2026年11月）",
        "50.0%",
        "表3 逐月探访情况",
        "六、老年人参与社区治理",
        "梅巷3幢楼道微更新",
        "第 1 页 / 共 5 页",
    ):
        assert "".join(expected.split()) in "".join(text.split()), expected
    fonts = pdf_fonts(out)
    assert fonts and all(f[-5] == "yes" for f in fonts), fonts  # every font embedded
    assert not any("STSong" in f[0] or f[0] == "Helvetica" for f in fonts)


def test_xlsx_reads_back_with_numbers_as_numbers(ctx, community, tmp_path):
    out = write_report(build_pilot_report(ctx, "结项评估", YEAR), tmp_path / "final.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["报告", "统计表", "文字部分"]
    summary = wb["报告"]
    assert summary["A1"].value == "梅巷社区老年友好社区建设试点结项评估报告"
    values = [c.value for row in summary.iter_rows() for c in row]
    assert "特殊困难老年人月探访率（2026年11月）" in values and "50.0%" in values
    tables = {row[0]: row[1:] for row in wb["统计表"].iter_rows(values_only=True) if row[0]}
    assert tables["老年人口（60岁及以上登记在册）"][0] == 4
    assert tables["独居"][0] == 1
    narrative = list(wb["文字部分"].iter_rows(values_only=True))
    assert narrative[0] == ("章节", "已知情况（系统生成）", "填写提示", "填写内容")
    assert any(r[0] == "九、经验总结与推广建议" for r in narrative)


def test_wrong_suffix_is_refused(ctx, community, tmp_path):
    with pytest.raises(ServiceError, match="扩展名应为 .pdf 或 .xlsx"):
        write_report(build_pilot_report(ctx, "方案", YEAR), tmp_path / "r.docx")


def test_unwritable_place_is_a_plain_refusal(ctx, community, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ServiceError, match="无法写入报告文件"):
        write_report(build_pilot_report(ctx, "方案", YEAR), blocker / "r.pdf")


def test_cli_report_and_stats(ctx, community, tmp_path, capsys):
    root = str(ctx.data_dir.root)
    ctx.db.dispose()
    out = tmp_path / "mid.pdf"
    status = afc(
        ["report", "pilot", "--data-dir", root, "--stage", "中期评估",
         "--from", "2026-01-01", "--to", "2026-11-28", "--out", str(out)]
    )  # fmt: skip
    assert status == 0 and out.stat().st_size > 10_000
    assert "已生成" in capsys.readouterr().out
    assert afc(["--data-dir", root, "stats", "--json", "--from", "2026-01-01"]) == 0
    import json

    figures = json.loads(capsys.readouterr().out)
    assert figures["people"]["elders"] == 4
    assert afc(["--data-dir", root, "report", "pilot", "--stage", "x", "--out", "a.pdf"]) == 1
    assert "未知的报告阶段" in capsys.readouterr().err
