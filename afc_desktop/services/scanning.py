"""Scan read-back (扫描回读): filled paper sheets become drafts of their forms.

``scan_paths`` opens a scanner's PDF or photos, finds each page by its QR code, reads its boxes
(``afc_desktop/scan``) at the places the layout that printed it gives (recomputed for the person
the QR code names), groups pages into sheets, and — for assessment and checklist forms — saves
each sheet as an assessment **draft** (草稿) with the answers read and the person's header
pre-filled; a visit record (探访记录表) becomes a **visit draft** through the visits service
(``domain/visit_sheet.py`` turns its ticks into visit content); a household visit record (入户探访
记录, QR subject ``H…``) becomes a **household visit draft** (``scan_households.py``; its box map
is recomputed from the household's elders). Each draft keeps its scanned pages as attachments
(role ``scan``). Nothing is finalised here: the worker confirms each draft beside its scan
(``finalize_scanned``, or the visit / household visit dialog). A page that cannot
be identified is listed with the reason, never guessed; items whose boxes were uncertain are
listed for the worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..attachments.images import Prepared, prepare_image
from ..domain import household_sheet as hs
from ..domain.formspec import FormRegistry, FormSpec, person_answers
from ..domain.visit_sheet import visit_from_sheet
from ..printing.marks import SheetCode
from ..printing.pagemap import PageMap, blank_page_map
from ..printing.records import PersonHeader
from ..scan.boxes import UNCERTAIN
from ..scan.images import ScanPage, open_pages, scan_files
from ..scan.locate import NotLocated
from ..scan.reader import PageReading, answers_from, plain_answers, read_page
from .assessments import (
    AssessmentInput,
    AssessmentView,
    finalize_assessment,
    forms_registry,
    person_header,
    save_draft,
)
from .attachments import add_attachment
from .context import AppContext, ServiceError
from .scan_households import SheetDoor, door_page_map, doubtful_labels, save_household_scan
from .scan_households import sheet_door as find_door
from .visits import VisitInput
from .visits import save_draft as save_visit_draft

DRAFT_KINDS = ("assessment", "checklist")
VISIT_FORM_ID = "visit-record"


@dataclass(frozen=True)
class ScannedBox:
    """One box as read, where it is in the picture (for highlighting)."""

    item: str
    value: Any
    state: str
    ink: float
    x: float
    y: float
    size: float


@dataclass
class ScannedPage:
    """One page of a sheet: the file and page it came from, and its boxes."""

    source: str
    source_page: int
    page: int
    boxes: list[ScannedBox] = field(default_factory=list)

    @property
    def uncertain(self) -> int:
        """How many of its boxes could not be read for sure."""
        return sum(1 for b in self.boxes if b.state == UNCERTAIN)


@dataclass
class ScannedSheet:
    """One printed document read back: its form, its person, its pages, the answers read."""

    form_id: str
    form_version: int
    form_title: str
    person_id: str
    person_name: str
    batch: str
    pages_total: int
    pages: list[ScannedPage] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    doubtful: list[str] = field(default_factory=list)
    draft_id: str = ""
    draft_kind: str = ""  # "assessment" | "visit" | "household_visit" once a draft is made
    note: str = ""
    household_id: str = ""  # a household visit record (入户探访记录) of this household
    doubtful_labels: list[str] = field(default_factory=list)  # for the worker (household sheets)

    @property
    def is_household(self) -> bool:
        """A household visit record (its draft is a household visit draft)."""
        return self.form_id == hs.FORM_ID

    @property
    def missing_pages(self) -> list[int]:
        """Pages of the document that were not in the scan."""
        have = {p.page for p in self.pages}
        return [n for n in range(1, self.pages_total + 1) if n not in have]


@dataclass(frozen=True)
class UnreadPage:
    """A page that was not read, and why (plain Chinese)."""

    source: str
    source_page: int
    reason: str


@dataclass
class ScanReport:
    """What one scan run found."""

    sheets: list[ScannedSheet] = field(default_factory=list)
    unread: list[UnreadPage] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0


class _Layouts:
    """Page maps and person headers by QR code, each computed once per run."""

    def __init__(self, ctx: AppContext, registry: FormRegistry) -> None:
        self.ctx = ctx
        self.registry = registry
        self._maps: dict[tuple[str, int, str], PageMap] = {}
        self._people: dict[str, PersonHeader] = {}
        self._doors: dict[str, SheetDoor] = {}

    def form(self, code: SheetCode) -> FormSpec:
        try:
            return self.registry.get(code.form_id, code.form_version)
        except KeyError:
            raise NotLocated(f"找不到表单 {code.form_id} 第{code.form_version}版的定义") from None

    def person(self, code: SheetCode) -> PersonHeader | None:
        if code.household_id:
            raise NotLocated("户级表格只有入户探访记录可以回读")
        if not code.person_id:
            return None
        if code.person_id not in self._people:
            try:
                self._people[code.person_id] = person_header(self.ctx, code.person_id)
            except ServiceError:
                raise NotLocated("表格所属人员不在登记册中（可能已删除）") from None
        return self._people[code.person_id]

    def door(self, code: SheetCode) -> SheetDoor:
        """The household (or lone elder) of a household visit record."""
        if code.subject not in self._doors:
            self._doors[code.subject] = find_door(self.ctx, code)
        return self._doors[code.subject]

    def page_map(self, code: SheetCode) -> PageMap:
        key = (code.form_id, code.form_version, code.subject)
        if key not in self._maps:
            if code.form_id == hs.FORM_ID:
                self._maps[key] = door_page_map(self.door(code), code)
            else:
                self._maps[key] = blank_page_map(self.form(code), self.person(code))
        return self._maps[key]

    def title_and_name(self, code: SheetCode) -> tuple[str, str]:
        """The sheet's title and whom it names (a person, or a household's address)."""
        if code.form_id == hs.FORM_ID:
            return hs.FORM_TITLE, self.door(code).address
        person = self.person(code)
        return self.form(code).title, person.name if person else ""


def _page_of(page: ScanPage, reading: PageReading) -> ScannedPage:
    boxes = [
        ScannedBox(r.box.item, r.box.value, r.state, round(r.ink, 3), *r.pixel, r.size)
        for r in reading.boxes
    ]
    return ScannedPage(str(page.source), page.number, reading.code.page, boxes)


def scan_paths(
    ctx: AppContext,
    paths: Sequence[Path | str],
    *,
    make_drafts: bool = True,
    forms: FormRegistry | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScanReport:
    """Read every page of ``paths`` (files or folders); save a draft per sheet when asked."""
    if make_drafts:
        ctx.require_user()
    started = time.perf_counter()
    layouts = _Layouts(ctx, forms_registry(forms))
    report = ScanReport()
    sheets: dict[tuple[str, str, str, int], ScannedSheet] = {}
    readings: dict[tuple[str, str, str, int], list[PageReading]] = {}
    pictures: dict[tuple[str, str, str, int], list[tuple[int, Prepared]]] = {}
    files = scan_files([Path(p) for p in paths])
    if not files:
        raise ServiceError("没有找到可读的扫描件（PDF、JPEG 或 PNG）", field="paths")
    for file in files:
        try:
            pages = list(open_pages(file))
        except Exception:  # a damaged or foreign file: say which, go on with the rest
            report.unread.append(
                UnreadPage(str(file), 1, "文件无法打开（不是图片或 PDF，或已损坏）")
            )
            continue
        for page in pages:
            report.pages += 1
            if progress is not None:
                progress(report.pages)
            try:
                reading = read_page(page.image, layouts.page_map)
                title, name = layouts.title_and_name(reading.code)
            except NotLocated as exc:
                report.unread.append(UnreadPage(str(page.source), page.number, str(exc)))
                continue
            code = reading.code
            key = (code.batch, code.subject, code.form_id, code.form_version)
            sheet = sheets.get(key)
            if sheet is None:
                sheet = sheets[key] = ScannedSheet(
                    form_id=code.form_id,
                    form_version=code.form_version,
                    form_title=title,
                    person_id=code.person_id,
                    person_name=name,
                    batch=code.batch,
                    pages_total=code.pages,
                    household_id=code.household_id,
                )
                readings[key] = []
            if any(p.page == code.page for p in sheet.pages):
                report.unread.append(
                    UnreadPage(
                        str(page.source), page.number, f"与前面的第{code.page}页重复，已跳过"
                    )
                )
                continue
            sheet.pages.append(_page_of(page, reading))
            readings[key].append(reading)
            if make_drafts:  # kept small (≤1600 px JPEG) for the draft's attachments
                pictures.setdefault(key, []).append((code.page, prepare_image(page.image)))
    for key, sheet in sheets.items():
        sheet.pages.sort(key=lambda p: p.page)
        boxes = [b for r in readings[key] for b in r.boxes]
        if sheet.missing_pages:
            missing = "、".join(str(n) for n in sheet.missing_pages)
            sheet.note = f"缺第{missing}页"
        scans = sorted(pictures.get(key, []), key=lambda p: p[0])
        if sheet.is_household:
            _household(ctx, layouts, sheet, boxes, make_drafts)
        else:
            form = layouts.registry.get(sheet.form_id, sheet.form_version)
            read = answers_from(form, boxes)
            sheet.answers, sheet.doubtful = read.answers, list(read.doubtful)
            if make_drafts:
                _save(ctx, layouts, form, sheet)
        if make_drafts:
            _keep_scans(ctx, sheet, scans)
        report.sheets.append(sheet)
    report.seconds = time.perf_counter() - started
    return report


def _household(
    ctx: AppContext, layouts: _Layouts, sheet: ScannedSheet, boxes: list[Any], make_draft: bool
) -> None:
    """A household visit record read back: answers by box item, a household visit draft."""
    read = plain_answers(boxes, hs.is_multi)
    sheet.answers, sheet.doubtful = read.answers, list(read.doubtful)
    code = SheetCode(sheet.form_id, sheet.form_version, _subject(sheet), 1, 1, sheet.batch)
    door = layouts.door(code)
    if make_draft:
        sheet.draft_id, sheet.doubtful, _notes = save_household_scan(
            ctx, door, sheet.answers, sheet.doubtful
        )
        sheet.draft_kind = "household_visit"
        sheet.note = "；".join(filter(None, [sheet.note, "探访日期暂填扫描当天，请按纸面修改"]))
    sheet.doubtful_labels = doubtful_labels(door, sheet.doubtful)


def _subject(sheet: ScannedSheet) -> str:
    return f"H{sheet.household_id}" if sheet.household_id else f"P{sheet.person_id}"


def _keep_scans(ctx: AppContext, sheet: ScannedSheet, pictures: list[tuple[int, Prepared]]) -> None:
    """Attach the scanned pages to the draft just made (the record keeps its paper)."""
    if not sheet.draft_id:
        return
    for number, picture in pictures:
        try:
            add_attachment(
                ctx,
                sheet.draft_kind,
                sheet.draft_id,
                picture,
                role="scan",
                caption=f"{sheet.form_title} 第{number}页/共{sheet.pages_total}页",
            )
        except ServiceError as exc:  # e.g. a full disk: the draft stands, the scan file remains
            sheet.note = "；".join(
                filter(None, [sheet.note, f"扫描页未能附在草稿上：{exc.message}"])
            )
            return


def _save_visit(ctx: AppContext, form: FormSpec, sheet: ScannedSheet) -> None:
    """A visit draft from a read-back visit record; the worker completes it in the visit dialog.

    The date is not read (handwriting): the draft takes the day of the scan, and the note says
    to correct it. Uncertain items are named in the draft's notes.
    """
    read = visit_from_sheet(sheet.answers, form)
    notes = [read.notes] if read.notes else []
    if sheet.doubtful:
        labels = "、".join(
            f"{i} {form.item(i).label}" if form.has_item(i) else i for i in sheet.doubtful
        )
        notes.append(f"纸质表回读时勾选不清，请按纸面核对：{labels}")
    data = VisitInput(
        person_id=sheet.person_id,
        visit_date=ctx.today(),
        mode=read.mode or "home",
        findings=read.findings,
        risk_flags=read.risk_flags,
        notes="\n".join(notes),
        started_from="scan",
    )
    view = save_visit_draft(ctx, data)
    sheet.draft_id, sheet.draft_kind = view.id, "visit"
    sheet.note = "；".join(filter(None, [sheet.note, "探访日期暂填扫描当天，请按纸面修改"]))


def _save(ctx: AppContext, layouts: _Layouts, form: FormSpec, sheet: ScannedSheet) -> None:
    """Save ``sheet`` as a draft; an answer the form refuses is dropped and left to the worker."""
    if form.id == VISIT_FORM_ID and sheet.person_id:
        _save_visit(ctx, form, sheet)
        return
    if form.kind not in DRAFT_KINDS or not sheet.person_id:
        why = "该表格不能回读为草稿" if sheet.person_id else "未指定人员的表格"
        sheet.note = "；".join(filter(None, [sheet.note, f"{why}，未生成草稿"]))
        return
    header = layouts.person(
        SheetCode(form.id, form.version, f"P{sheet.person_id}", 1, 1, sheet.batch)
    )
    answers = person_answers(form, header.fields()) if header else {}
    answers.update(sheet.answers)
    for _ in range(len(sheet.answers) + 1):
        try:
            view = save_draft(ctx, AssessmentInput(sheet.person_id, form.id, answers, form.version))
        except ServiceError as exc:
            if exc.field and exc.field in answers and exc.field in sheet.answers:
                answers.pop(exc.field)
                sheet.answers.pop(exc.field)
                sheet.doubtful.append(exc.field)
                continue
            raise
        sheet.draft_id, sheet.draft_kind = view.id, "assessment"
        return


def finalize_scanned(
    ctx: AppContext,
    sheet: ScannedSheet,
    answers: dict[str, Any],
    *,
    forms: FormRegistry | None = None,
) -> AssessmentView:
    """Finalise the draft of a scanned sheet with the answers the worker confirmed."""
    if not sheet.draft_id:
        raise ServiceError("这张表没有草稿，无法定稿", field="draft_id")
    if sheet.draft_kind == "visit":
        raise ServiceError("探访记录的草稿请在探访登记窗口中核对并登记", field="draft_id")
    if sheet.draft_kind == "household_visit":
        raise ServiceError("入户探访的草稿请在入户探访窗口中核对并登记", field="draft_id")
    data = AssessmentInput(sheet.person_id, sheet.form_id, answers, sheet.form_version)
    return finalize_assessment(ctx, data, sheet.draft_id, forms=forms)
