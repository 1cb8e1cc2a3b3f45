"""Real PDFs read back with poppler (pdftotext, pdffonts): labels, scores, grades, fonts, layout."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from afc_desktop.domain.formspec import FormRegistry, load_forms, person_answers
from afc_desktop.printing import (
    AssessmentDoc,
    AssessmentRecord,
    BatchCancelled,
    BlankDoc,
    PersonHeader,
    VisitDoc,
    VisitRecord,
    write_assessment_pdf,
    write_batch_pdf,
    write_blank_pdf,
    write_visit_record_pdf,
)
from afc_desktop.printing.fonts import missing_glyphs
from afc_desktop.printing.layout import MARGIN_X, PAGE_W

FORMS = Path(__file__).resolve().parents[2] / "forms"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

PERSON = PersonHeader(
    name="王秀英",
    sex="F",
    id_number="320508194003150029",
    birth_date=date(1940, 3, 15),
    address="姑苏区双塔街道定慧寺巷 12 号 3 室",
    community="定慧寺巷社区",
    phone="13800001234",
)


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *(args or ("-layout",)), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def flat(text: str) -> str:
    """Text without whitespace (table cells may break lines anywhere)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def forms() -> FormRegistry:
    registry = load_forms(FORMS)
    assert registry.errors == []
    return registry


def ability_record(forms: FormRegistry, status: str = "final") -> AssessmentRecord:
    form = forms.get("gbt42195-2022-ability")
    answers: dict = {i.id: i.max_score for i in form.items() if i.scored}
    answers.update({"B.1.3": 2, "B.2.4": 1, "B.3.4": 2, "B.4.4": 0, "B.1.6": 2, "B.3.9": 1})
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update({"A.2.14.1": 2, "A.4.1": [1, 21], "A.5.11": 1, "A.1.2": "2026-11-20"})
    answers.update({"A.1.3": 1, "S.1": "李娜", "S.2": "陈晓东"})
    answers.update(person_answers(form, PERSON.fields()))
    return AssessmentRecord(
        form_id=form.id,
        form_version=form.version,
        person=PERSON,
        answers=answers,
        assessed_on=date(2026, 11, 20),
        assessors=("李娜", "陈晓东"),
        status=status,
    )


def test_filled_report_shows_labels_scores_and_grades(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    pdf = write_assessment_pdf(form, ability_record(forms), tmp_path / "report.pdf")
    text = flat(pdftotext(pdf))
    for expected in (
        "老年人能力评估表",
        "王秀英",
        "320508194003150029",
        "B.1.1",
        "进食",
        "2分：需要他人协助，但以自身完成为主",
        "自理能力小计28/32",
        "基础运动能力小计13/15",
        "精神状态小计25/28",
        "感知觉与社会参与小计12/15",
        "总分78/90分",
        "初步等级能力轻度受损（轻度失能）",
        "C.4.2",
        "C.4.3",
        "最终等级能力重度受损（重度失能）",
        "评估员签名：李娜",
        "日期：2026年11月20日",
        "第1页/共",
    ):
        assert expected in text, expected
    # Paper carries the form's wording only: notes for the form's maintainers stay off it.
    for developer_note in ("（暂定）", "本程序所加", "有一份转录", "见notes", "未经核实"):
        assert developer_note not in text, developer_note


def test_fonts_are_embedded_truetype(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    pdf = write_assessment_pdf(form, ability_record(forms), tmp_path / "report.pdf")
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "TrueType" in row and re.search(r"\byes\s+yes\s+yes\b", row), row
    assert "STSong" not in out and "Helvetica" not in out


def test_every_character_of_every_form_has_a_glyph(forms: FormRegistry) -> None:
    for form in forms.forms.values():
        texts = [form.title, form.subtitle, form.source, *(n.text for n in form.notes)]
        for section in form.sections:
            texts += [section.title, section.note, *(r.label for r in section.rows)]
            texts += [c.label for c in section.columns]
            for item in section.items:
                texts += [item.label, item.definition, item.hint, *(o.label for o in item.options)]
        texts += ["□■第页共（暂定）年月日得分小计评估结果合订打印日期"]
        missing = set().union(*(missing_glyphs(t) for t in texts))
        assert missing == set(), (form.id, missing)


def words_right_edge(pdf: Path) -> float:
    html = pdftotext(pdf, "-bbox")
    return max(float(x) for x in re.findall(r'xMax="([\d.]+)"', html))


def test_no_text_beyond_the_right_margin(forms: FormRegistry, tmp_path: Path) -> None:
    limit = PAGE_W - MARGIN_X + 0.5
    form = forms.get("gbt42195-2022-ability")
    pdfs = [
        write_blank_pdf(form, tmp_path / "blank.pdf", PERSON),
        write_assessment_pdf(form, ability_record(forms), tmp_path / "report.pdf"),
        write_blank_pdf(forms.get("home-modification-2020"), tmp_path / "home.pdf"),
    ]
    for pdf in pdfs:
        assert words_right_edge(pdf) <= limit, pdf.name


def test_long_option_texts_wrap(tmp_path: Path) -> None:
    long_label = "很长的选项说明" * 30 + "结尾标记"
    forms_dir = tmp_path / "forms"
    forms_dir.mkdir()
    (forms_dir / "long.yaml").write_text(
        f"""format: afc-form
format_version: 1
id: long
version: 1
title: 长文本测试
sections:
  - id: L.1
    title: 长选项
    items:
      - id: L.1.1
        label: 长题目
        type: choice
        scored: true
        options:
          - {{value: 1, label: {long_label}}}
          - {{value: 0, label: 短}}
""",
        encoding="utf-8",
    )
    form = load_forms(forms_dir).get("long")
    pdf = write_blank_pdf(form, tmp_path / "long.pdf")
    text = pdftotext(pdf)
    assert "结尾标记" in flat(text)
    lines_with_label = [ln for ln in text.splitlines() if "很长的选项说明" in ln]
    assert len(lines_with_label) >= 3  # wrapped onto several lines
    assert words_right_edge(pdf) <= PAGE_W - MARGIN_X + 0.5


def test_blank_form_lists_every_option_with_its_score(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    pdf = write_blank_pdf(form, tmp_path / "blank.pdf", PERSON)
    text = flat(pdftotext(pdf))
    assert "□4分独立使用器具将食物送进口中并咽下，没有呛咳" in text
    assert "□3分可独立上下楼梯（连续上下10个~15个台阶），不需要协助" in text
    assert "____/32" in text and "______/90分" in text  # totals left to fill in by hand
    assert "□能力完好" in text and "□C.4.1" in text
    assert "王秀英" in text  # header pre-filled for the visit route
    empty = flat(pdftotext(write_blank_pdf(form, tmp_path / "empty.pdf")))
    assert "王秀英" not in empty and "□男□女" in empty


def test_draft_is_marked(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    pdf = write_assessment_pdf(form, ability_record(forms, "draft"), tmp_path / "d.pdf")
    assert "老年人能力评估表（草稿）" in flat(pdftotext(pdf))


def test_a_record_is_printed_only_with_its_own_form_version(
    forms: FormRegistry, tmp_path: Path
) -> None:
    record = ability_record(forms)
    wrong = AssessmentRecord(**{**record.__dict__, "form_version": 9})
    with pytest.raises(ValueError, match="第9版"):
        write_assessment_pdf(forms.get("gbt42195-2022-ability"), wrong, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def visit() -> VisitRecord:
    return VisitRecord(
        person=PERSON,
        visited_on=date(2026, 11, 21),
        mode="home",
        visitor="李娜",
        met_in_person=True,
        health="右膝疼痛加重，行走需扶墙。",
        safety="卫生间地面湿滑，无扶手。",
        risk_flags=("跌倒", "独居无人照应", "煤气灶老化"),
        needs=("居家适老化改造", "助餐"),
        follow_up="已申请适老化改造补助。",
        answers={"V.4.2": 2},
    )


def test_visit_record_prints_the_five_areas(forms: FormRegistry, tmp_path: Path) -> None:
    pdf = write_visit_record_pdf(forms.get("visit-record"), visit(), tmp_path / "v.pdf")
    text = flat(pdftotext(pdf))
    for expected in (
        "特殊困难老年人探访记录表",
        "健康方面",
        "经济方面",
        "家庭赡养扶养",
        "居住安全",
        "服务需求",
        "入户走访",
        "右膝疼痛加重",
        "跌倒、独居无人照应、其他",
        "其他风险：煤气灶老化",
        "居家适老化改造、助餐",
        "偶尔",
        "探访人签名：",
    ):
        assert expected in text, expected


def test_batch_numbers_pages_per_document_and_overall(forms: FormRegistry, tmp_path: Path) -> None:
    ability = forms.get("gbt42195-2022-ability")
    docs = [
        AssessmentDoc(ability, ability_record(forms)),
        BlankDoc(forms.get("visit-record"), PERSON),
        VisitDoc(forms.get("visit-record"), visit()),
    ]
    done: list[int] = []
    result = write_batch_pdf(docs, tmp_path / "batch.pdf", progress=done.append)
    assert (result.documents, done) == (3, [1, 2, 3])
    info = subprocess.run(["pdfinfo", str(result.path)], capture_output=True, text=True).stdout
    assert f"Pages:          {result.pages}" in info or f"Pages: {result.pages}" in " ".join(
        info.split()
    )
    text = flat(pdftotext(result.path))
    assert text.count("第1页/共") == 3  # each document starts its own numbering
    assert f"合订第{result.pages}/{result.pages}页" in text
    single = write_assessment_pdf(ability, ability_record(forms), tmp_path / "one.pdf")
    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", str(single)], capture_output=True, text=True).stdout,
        ).group(1)
    )
    assert f"第{pages}页/共{pages}页" in text


def test_cancelled_batch_writes_no_file(forms: FormRegistry, tmp_path: Path) -> None:
    docs = [BlankDoc(forms.get("visit-record"), PERSON)] * 3
    calls = iter([False, True])
    with pytest.raises(BatchCancelled):
        write_batch_pdf(docs, tmp_path / "c.pdf", cancelled=lambda: next(calls))
    assert not (tmp_path / "c.pdf").exists()


def test_recorded_pages_match_the_pdf(forms: FormRegistry, tmp_path: Path) -> None:
    """The Qt preview replays recorded pages: same page count and the same words as the PDF."""
    from afc_desktop.printing.recorder import record
    from afc_desktop.printing.report import draw_assessment

    form = forms.get("gbt42195-2022-ability")
    rec = ability_record(forms)
    pdf = write_assessment_pdf(form, rec, tmp_path / "r.pdf")
    pages = record(lambda c: draw_assessment(c, form, rec))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert len(pages) == int(re.search(r"Pages:\s+(\d+)", info).group(1))
    recorded = flat("".join(op[4] for page in pages for op in page if op[0] == "text"))
    for expected in ("最终等级", "能力重度受损（重度失能）", f"第{len(pages)}页/共{len(pages)}页"):
        assert expected in recorded


def test_visit_from_the_visits_service_findings(forms: FormRegistry, tmp_path: Path) -> None:
    from afc_desktop.domain import visit_content as vc
    from afc_desktop.printing.visit_record import visit_record_from_findings

    findings = vc.Findings(
        {
            "health": vc.AreaFinding("attention", ("mobility", "hospital"), "上月因肺炎住院"),
            "economy": vc.AreaFinding("problem", ("medical_cost",), ""),
            "safety": vc.AreaFinding("problem", ("gas", "slippery"), "燃气软管老化"),
            "services": vc.AreaFinding("attention", ("meals", "medical"), ""),
            "family": vc.AreaFinding("ok", (), ""),
        }
    )
    visit = visit_record_from_findings(
        PERSON, date(2026, 11, 22), "phone", "李娜", findings, risk_flags=("fall", "safety_hazard")
    )
    pdf = write_visit_record_pdf(forms.get("visit-record"), visit, tmp_path / "v.pdf")
    text = flat(pdftotext(pdf))
    for expected in (
        "电话视频探访",
        "情况：需关注；问题：行动不便、近期住院；上月因肺炎住院",
        "行动能力有困难",
        "近期住院或急诊",
        "燃气软管老化",
        "助餐、助医",
        "跌倒、安全隐患",
    ):
        assert expected in text, expected
