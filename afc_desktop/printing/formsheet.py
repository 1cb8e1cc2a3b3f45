"""Draw any form definition as an A4 sheet (表单版面): filled or blank.

One renderer serves the filled assessment report, the blank paper form and the visit record:

- a title block and the person header;
- scored sections as a table 编号 | 项目 | 评估内容 | 得分 with a subtotal row;
- table sections (checklists) as a grid of rows x columns;
- other sections as 编号 | 项目 | 内容 rows (two short items share a row);
- the scoring summary (for GB/T 42195: 附录C C.1–C.5) before the signatures;
- signature and date lines, then the form's notes.

Paper goes to residents and offices: it carries the form's wording, not notes meant for the
people who maintain the form. Provisional notes (unverified wording, choices made where sources
disagree) and the （暂定） marks stay in the form definition, the app and the docs; a printed
sheet leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from afc_desktop.domain.formspec import (
    FormSpec,
    Item,
    ScoreResult,
    Section,
    answer_text,
    is_answered,
    is_visible,
)
from afc_desktop.printing.layout import CONTENT_W, GREY, Cell, Para, Sheet
from afc_desktop.printing.records import PersonHeader

BOX, TICK = "□", "■"
BLANK_DATE = "______年____月____日"

# Column widths (points) of the tables; the content width is about 493 pt.
W_ID = 40.0
W_SCORE = 38.0
W_LABEL_SCORED = 84.0
W_LABEL = 118.0


@dataclass(frozen=True)
class SheetOptions:
    """How to draw a form."""

    blank: bool = False  # True: every option with a box, for paper collection
    title_suffix: str = ""  # e.g. "（草稿）"
    number_line: str = ""  # e.g. "评估编号：… 评估日期：…"
    sign_date: date | None = None  # printed on the signature lines of a filled sheet


def fmt_date(value: date | str | None) -> str:
    """YYYY年M月D日 for print ("" when unknown)."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            return fmt_date(date.fromisoformat(value))
        except ValueError:
            return value
    return f"{value.year}年{value.month}月{value.day}日"


def running_header(form: FormSpec, person: PersonHeader | None) -> str:
    """The small line at the top of continuation pages."""
    parts = [form.title]
    if person and person.name:
        parts.append(f"姓名：{person.name}")
    if person and person.id_number:
        parts.append(f"身份证号：{person.id_number}")
    return "    ".join(parts)


def footer_left(form: FormSpec) -> str:
    """Footer text naming the form and its version."""
    return f"{form.title}（{form.id} 第{form.version}版）"


def draw_form(
    sheet: Sheet,
    form: FormSpec,
    *,
    answers: dict[str, Any] | None = None,
    person: PersonHeader | None = None,
    result: ScoreResult | None = None,
    options: SheetOptions | None = None,
) -> None:
    """Draw ``form`` onto ``sheet`` (one document; the caller ends it with ``sheet.finish``)."""
    opts = options or SheetOptions()
    values = answers or {}
    sheet.title(form.title + opts.title_suffix, form.subtitle)
    if opts.number_line:
        sheet.paragraph(opts.number_line, 8.5, color=GREY)
        sheet.space(3)
    person_block(sheet, person)
    if form.body:
        sheet.space(8)
        for paragraph in form.body:
            sheet.paragraph(paragraph, 10)
            sheet.space(3)
    summary_done = form.scoring is None
    for section in form.sections:
        if (
            not opts.blank
            and section.visible_if is not None
            and not is_visible_section(form, section, values)
        ):
            continue
        only_signatures = all(i.type == "signature" for i in section.items)
        if only_signatures and not summary_done:
            _scoring_summary(sheet, form, result, opts.blank)
            summary_done = True
        sheet.space(6)
        if only_signatures:
            _signature_section(sheet, section, values, opts)
        elif section.is_table:
            _table_section(sheet, section, values, opts.blank)
        elif all(i.scored for i in section.items):
            _scored_section(sheet, form, section, values, result, opts.blank)
        else:
            _plain_section(sheet, form, section, values, opts)
    if not summary_done:
        _scoring_summary(sheet, form, result, opts.blank)
    _notes(sheet, form)


def is_visible_section(form: FormSpec, section: Section, answers: dict[str, Any]) -> bool:
    """Whether a section is shown for these answers."""
    return any(is_visible(form, item, answers) for item in section.items)


def _label(item: Item) -> str:
    return item.label


def person_block(sheet: Sheet, person: PersonHeader | None) -> None:
    """The 人员信息 table every sheet starts with (also the person sheet's body)."""
    p = person or PersonHeader()
    label_w, value_w = 62.0, CONTENT_W / 2 - 62.0
    widths = [label_w, value_w, label_w, value_w]

    def lab(text: str) -> Cell:
        return Cell.of(text, 9, align="center", fill=(0.95, 0.95, 0.95))

    birth = fmt_date(p.birth_date)
    sheet.begin_table(None, widths)
    sheet.row([lab("姓名"), Cell.of(p.name, 10), lab("性别"), Cell.of(p.sex_text, 10)], widths)
    sheet.row(
        [lab("身份证号"), Cell.of(p.id_number, 10), lab("出生日期"), Cell.of(birth, 10)], widths
    )
    sheet.row([lab("所属社区"), Cell.of(p.community), lab("联系电话"), Cell.of(p.phone)], widths)
    sheet.row([lab("住址"), Cell.of(p.address)], [label_w, CONTENT_W - label_w])


def _choice_boxes(item: Item, value: Any = None) -> str:
    chosen = value if isinstance(value, list) else [value]
    parts = []
    for opt in item.options:
        mark = TICK if any(opt.value == v and type(opt.value) is type(v) for v in chosen) else BOX
        parts.append(f"{mark}{opt.label}")
    return "  ".join(parts)


def _blank_value(item: Item) -> str:
    if item.type in ("choice", "multi"):
        return _choice_boxes(item)
    if item.type == "bool":
        return f"{BOX}是  {BOX}否"
    if item.type == "date":
        return BLANK_DATE
    if item.type == "number":
        return f"{' ' * 16}{item.unit}" if item.unit else ""
    return ""


BoxKeys = tuple[tuple[str, Any], ...]


def _blank_keys(item: Item, values: dict[str, Any], blank: bool) -> BoxKeys:
    """What the boxes of ``_blank_value`` stand for, in order (none when not drawn)."""
    if not blank or is_answered(values.get(item.id)):
        return ()
    if item.type in ("choice", "multi"):
        return tuple((item.id, o.value) for o in item.options)
    if item.type == "bool":
        return ((item.id, True), (item.id, False))
    return ()


def _value_text(item: Item, values: dict[str, Any], blank: bool) -> str:
    value = values.get(item.id)
    if blank and not is_answered(value):
        return _blank_value(item)
    if item.type == "date":
        return fmt_date(value) if is_answered(value) else ""
    return answer_text(item, value)


def _section_title(section: Section) -> str:
    return f"{section.id} {section.title}" if "." in section.id else section.title


def _plain_section(
    sheet: Sheet, form: FormSpec, section: Section, values: dict[str, Any], opts: SheetOptions
) -> None:
    blank = opts.blank
    sheet.section_bar(_section_title(section), section.note)
    half_label = 80.0
    half_value = CONTENT_W / 2 - W_ID - half_label
    single = [W_ID, W_LABEL, CONTENT_W - W_ID - W_LABEL]
    paired = [W_ID, half_label, half_value] * 2
    sheet.begin_table(None, single)
    items = [
        i for i in section.items if i.type != "signature" and (blank or is_visible(form, i, values))
    ]
    pending: tuple[Item, str] | None = None

    def cells(item: Item, text: str, label_w: float) -> list[Cell]:
        label = Cell([Para(_label(item), 9)])
        if item.hint and blank and label_w == W_LABEL:
            label.paras.append(Para(item.hint, 7, color=GREY))
        min_lines = 3 if item.type == "text" and (item.max_length or 0) >= 200 and blank else 1
        keys = _blank_keys(item, values, blank)
        value = Cell.of(text, 9, min_lines=min_lines, boxes=keys)
        return [Cell.of(item.id, 8, align="center"), label, value]

    def fits(item: Item, text: str) -> bool:
        return (
            len(sheet.lines(_label(item), 9, half_label - 6)) == 1
            and len(sheet.lines(text or " ", 9, half_value - 6)) == 1
            and not (item.type == "text" and (item.max_length or 0) > 60)
        )

    for item in items:
        text = _value_text(item, values, blank)
        if fits(item, text):
            if pending is None:
                pending = (item, text)
                continue
            sheet.row(cells(*pending, half_label) + cells(item, text, half_label), paired)
            pending = None
            continue
        if pending is not None:
            sheet.row(cells(*pending, W_LABEL), single)
            pending = None
        sheet.row(cells(item, text, W_LABEL), single)
    if pending is not None:
        sheet.row(cells(*pending, W_LABEL), single)
    sheet.end_table()
    signatures = [i for i in section.items if i.type == "signature"]
    if signatures:
        _signature_lines(sheet, signatures, values, opts.sign_date)


def _scored_section(
    sheet: Sheet,
    form: FormSpec,
    section: Section,
    values: dict[str, Any],
    result: ScoreResult | None,
    blank: bool,
) -> None:
    sheet.section_bar(_section_title(section), section.note)
    w_content = CONTENT_W - W_ID - W_LABEL_SCORED - W_SCORE
    widths = [W_ID, W_LABEL_SCORED, w_content, W_SCORE]
    head = [
        Cell.of("编号", 9, bold=True, align="center"),
        Cell.of("项目", 9, bold=True, align="center"),
        Cell.of("评估内容（分值）" if blank else "评估结果", 9, bold=True, align="center"),
        Cell.of("得分", 9, bold=True, align="center"),
    ]
    sheet.begin_table(head, widths)
    subtotal = 0
    complete = True
    for item in section.items:
        label = Cell([Para(_label(item), 9.5, bold=True)])
        if item.definition:
            label.paras.append(Para(item.definition, 7.5, color=GREY))
        value = values.get(item.id)
        opt = item.option(value) if is_answered(value) else None
        if blank:
            content = Cell(
                [
                    Para(f"{BOX} {o.score}分  {o.label}", 8.5, boxes=((item.id, o.value),))
                    for o in item.options
                ]
            )
            points = ""
        elif opt is not None:
            content = Cell([Para(f"{opt.score}分：{opt.label}", 9)])
            points = str(opt.score)
            subtotal += opt.score or 0
        else:
            content = Cell([Para("（未评）", 9, color=GREY)])
            points = ""
            complete = False
        sheet.row(
            [
                Cell.of(item.id, 8.5, align="center"),
                label,
                content,
                Cell.of(points, 11, bold=True, align="center"),
            ],
            widths,
        )
    sub = next(
        (s for s in (form.scoring.subtotals if form.scoring else ()) if s.id == section.id), None
    )
    if sub is not None:
        if result is not None and not blank:
            got = next((s.score for s in result.subtotals if s.id == sub.id), subtotal)
            text = f"{got} / {sub.max}"
        elif not blank and complete:
            text = f"{subtotal} / {sub.max}"
        else:
            text = f"____ / {sub.max}"
        sheet.row(
            [
                Cell.of(
                    f"{sub.label} 小计", 9.5, bold=True, align="right", fill=(0.95, 0.95, 0.95)
                ),
                Cell.of(text, 10, bold=True, align="center", fill=(0.95, 0.95, 0.95)),
            ],
            [CONTENT_W - W_SCORE - 30, W_SCORE + 30],
        )
    sheet.end_table()


def _table_section(sheet: Sheet, section: Section, values: dict[str, Any], blank: bool) -> None:
    sheet.section_bar(_section_title(section), section.note)
    col_widths: list[float] = []
    for col in section.columns:
        if col.type == "choice":
            text = "  ".join(f"{BOX}{o.label}" for o in col.options)
            col_widths.append(min(150.0, sheet_text_width(sheet, text) + 8))
        elif col.type == "bool":
            col_widths.append(max(54.0, sheet_text_width(sheet, col.label) + 8))
        elif col.type == "date":
            col_widths.append(78.0)
        else:
            col_widths.append(0.0)
    label_w = 150.0
    flexible = [i for i, w in enumerate(col_widths) if w == 0.0]
    rest = CONTENT_W - label_w - sum(col_widths)
    if flexible:
        for i in flexible:
            col_widths[i] = rest / len(flexible)
    else:
        label_w += rest
    widths = [label_w, *col_widths]
    head = [Cell.of("项目", 9, bold=True, align="center")] + [
        Cell.of(c.label, 9, bold=True, align="center") for c in section.columns
    ]
    sheet.begin_table(head, widths)
    for row in section.rows:
        label = Cell([Para(f"{row.id.split('.')[-1]}. {row.label}", 9)])
        tags = "、".join(row.tags)
        if tags:
            label.paras.append(Para(tags, 7, color=GREY))
        cells = [label]
        for col in section.columns:
            item_id = f"{row.id}.{col.key}"
            value = values.get(item_id)
            keys: BoxKeys = ()
            if blank and not is_answered(value):
                if col.type == "choice":
                    text = "  ".join(f"{BOX}{o.label}" for o in col.options)
                    keys = tuple((item_id, o.value) for o in col.options)
                elif col.type == "bool":
                    text = f"{BOX}是 {BOX}否"
                    keys = ((item_id, True), (item_id, False))
                else:
                    text = ""
            elif col.type == "bool":
                text = "" if value is None else ("是" if value else "否")
            elif col.type == "choice":
                opt = next((o for o in col.options if o.value == value), None)
                text = opt.label if opt else ""
            else:
                text = str(value or "")
            align = "left" if col.type in ("text",) else "center"
            cells.append(Cell.of(text, 8.5, align=align, boxes=keys))
        sheet.row(cells, widths)
    sheet.end_table()


def sheet_text_width(sheet: Sheet, text: str, size: float = 8.5) -> float:
    """Width of ``text`` in the sheet's font."""
    from afc_desktop.printing.layout import text_width

    return text_width(text, size, sheet.font)


def _signature_lines(
    sheet: Sheet, items: list[Item], values: dict[str, Any], sign_date: date | None
) -> None:
    date_text = fmt_date(sign_date)
    entries = [(i.label, str(values.get(i.id) or ""), date_text) for i in items]
    sheet.signature_pairs(entries)


def _signature_section(
    sheet: Sheet, section: Section, values: dict[str, Any], opts: SheetOptions
) -> None:
    sheet.ensure(70)
    sheet.section_bar(_section_title(section), section.note if opts.blank else "")
    _signature_lines(sheet, list(section.items), values, opts.sign_date)


def _scoring_summary(sheet: Sheet, form: FormSpec, result: ScoreResult | None, blank: bool) -> None:
    scoring = form.scoring
    if scoring is None:
        return
    sheet.space(6)
    sheet.section_bar(
        "评估结果", "依据附录C 老年人能力评估报告" if form.id.startswith("gbt42195") else ""
    )
    left = 150.0
    widths = [W_ID, left - W_ID, CONTENT_W - left]
    sheet.begin_table(None, widths)
    shaded = (0.95, 0.95, 0.95)

    def line(code: str, label: str, value: str, *, bold: bool = False, size: float = 10) -> None:
        sheet.row(
            [
                Cell.of(code, 8.5, align="center", fill=shaded),
                Cell.of(label, 9.5, bold=True, fill=shaded),
                Cell.of(value, size, bold=bold),
            ],
            widths,
        )

    show = result if (result is not None and not blank) else None
    for i, sub in enumerate(scoring.subtotals, start=1):
        got = next((s.score for s in show.subtotals if s.id == sub.id), None) if show else None
        text = f"{got} / {sub.max} 分" if got is not None else f"______ / {sub.max} 分"
        line(f"C.1.{i}", f"{sub.label}得分", text)
    line(
        "C.2",
        scoring.total_label,
        f"{show.total} / {scoring.total_max} 分" if show else f"______ / {scoring.total_max} 分",
        bold=True,
    )
    grade_boxes = "  ".join(f"{BOX}{g.label}" for g in scoring.grades)
    line(
        "C.3",
        "初步等级",
        show.preliminary_grade if show else grade_boxes,
        size=9.5 if show else 8.5,
    )
    if show:
        if show.adjustments:
            adjust = "\n".join(
                f"{a.id} {a.text}（{scoring.grades[a.level_before].label} → "
                f"{scoring.grades[a.level_after].label}）"
                for a in show.adjustments
            )
        else:
            adjust = "无"
    else:
        adjust = "\n".join(f"{BOX}{a.id} {a.text}" for a in scoring.adjustments) or "无"
    line("C.4", "能力等级变更依据", adjust, size=8.5)
    line(
        "C.5",
        "最终等级",
        show.final_grade if show else grade_boxes,
        bold=bool(show),
        size=11 if show else 8.5,
    )
    sheet.end_table()


def printed_notes(form: FormSpec) -> list[str]:
    """The notes a printed sheet carries: the form's own, not the provisional ones."""
    return [n.text for n in form.notes if not n.provisional]


def _notes(sheet: Sheet, form: FormSpec) -> None:
    notes = printed_notes(form)
    if not notes and not form.source:
        return
    sheet.space(10)
    sheet.paragraph("说明", 8.5, bold=True)
    if form.source:
        sheet.paragraph(f"来源：{form.source}", 7.5, color=GREY)
    for i, text in enumerate(notes, start=1):
        sheet.paragraph(f"{i}. {text}", 7.5, indent=0, color=GREY)
