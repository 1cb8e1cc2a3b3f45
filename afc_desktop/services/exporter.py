"""Exports to Excel (导出): the register, visits due, open needs, the blank import template.

The register export takes the register's current filter (a ``PersonQuery``), the chosen columns
and masked or full ID numbers: full numbers only for administrators (管理员), because the file
leaves the application's access control. Its column titles are the import template's, so an
exported register can be edited and imported again. Every export is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..domain import people
from ..domain.idcard import age_on, mask_id_number
from ..sheets import exporter as sheets
from ..store.models import Household, Person
from . import audit
from .context import AppContext, ServiceError
from .register import SEX_LABELS, PersonQuery, search_person_ids

ProgressFn = Callable[[str, int, int], None]
CancelFn = Callable[[], bool]

DEFAULT_REGISTER_COLUMNS: tuple[str, ...] = sheets.REGISTER_KEYS


class ExportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导出")


def _values(p: Person, address: str, full_ids: bool, today: Any) -> dict[str, Any]:
    contact = (p.emergency_contacts or [{}])[0] if p.emergency_contacts else {}
    explicit = [c for c in p.categories or [] if c in people.EXPLICIT_CODES]
    return {
        "name": p.name,
        "sex": SEX_LABELS.get(p.sex or "", ""),
        "id_number": (p.id_number or "") if full_ids else mask_id_number(p.id_number),
        "birth_date": p.birth_date,
        "age": age_on(p.birth_date, today) if p.birth_date else None,
        "phone": p.phone,
        "address": address,
        "categories": "、".join(people.category_label(c) for c in explicit),
        "living_arrangement": people.living_arrangement_label(p.living_arrangement)
        if p.living_arrangement
        else "",
        "ability_grade": p.ability_grade,
        "ability_assessed_on": p.ability_assessed_on,
        "emergency_contact": contact.get("name", ""),
        "emergency_phone": contact.get("phone", ""),
        "notes": p.notes,
    }


def export_register(
    ctx: AppContext,
    out: str | Path,
    *,
    query: PersonQuery | None = None,
    columns: Sequence[str] = DEFAULT_REGISTER_COLUMNS,
    full_ids: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """Write the register (filtered by ``query``) to ``out`` (.xlsx); returns the people written.

    Categories are the typed ones only (高龄 is computed again on import, so it is not written).
    """
    user = ctx.require_user()
    if full_ids and not user.is_admin:
        raise ServiceError("导出完整身份证号需要管理员权限；社工导出时身份证号会打码")
    unknown = [c for c in columns if c not in sheets.REGISTER_COLUMNS]
    if unknown:
        raise ServiceError(f"未知的导出列：{'、'.join(unknown)}")
    ids = search_person_ids(ctx, query or PersonQuery(limit=None))
    today = ctx.today()
    cols = [sheets.REGISTER_COLUMNS[c] for c in columns]
    total = len(ids)

    with ctx.session() as s:

        def rows() -> Iterator[list[Any]]:
            for start in range(0, total, 500):
                if cancel is not None and cancel():
                    raise ExportCancelled()
                chunk = ids[start : start + 500]
                stmt = (
                    select(Person, Household.address_text)
                    .outerjoin(Household, Household.id == Person.household_id)
                    .where(Person.id.in_(chunk))
                )
                found = {p.id: (p, a or "") for p, a in s.execute(stmt)}
                for pid in chunk:
                    if pid in found:
                        values = _values(*found[pid], full_ids, today)
                        yield [values[c] for c in columns]
                if progress:
                    progress("导出", min(start + 500, total), total)

        written = sheets.write_table(out, cols, rows(), sheet="养老服务基础底册")
        audit.record(
            s,
            ctx,
            "export_register",
            detail={"file": Path(out).name, "rows": written, "full_ids": full_ids},
        )
    return written


def export_template(ctx: AppContext, out: str | Path) -> None:
    """Write the blank import template (导入模板) to ``out``."""
    sheets.write_template(out)


_DUE_COLUMNS = (
    sheets.Column("姓名", "text", 10),
    sheets.Column("年龄", "number", 6),
    sheets.Column("联系电话", "id", 15),
    sheets.Column("现住址", "text", 30),
    sheets.Column("人员类别", "text", 20),
    sheets.Column("走访要求", "text", 24),
    sheets.Column("上次走访", "date", 12),
    sheets.Column("应访日期", "date", 12),
    sheets.Column("逾期天数", "number", 8),
    sheets.Column("风险等级", "text", 10),
    sheets.Column("走访情况（手填）", "text", 30),
)


def export_due_visits(ctx: AppContext, out: str | Path, *, within_days: int | None = None) -> int:
    """The visits due (待走访清单), most overdue first, with a blank column to fill in by hand."""
    from .visits import due_list

    ctx.require_user()
    items = due_list(ctx, within_days=within_days)
    rows = (
        [
            i.name,
            i.age,
            i.phone,
            i.address,
            "、".join(i.categories),
            i.rule_text or i.rule_name,
            i.last_visit,
            i.due_date,
            i.days_overdue or None,
            i.risk_level,
            None,
        ]
        for i in items
    )
    title = f"待走访清单（{ctx.today():%Y年%m月%d日}导出）"
    n = sheets.write_table(out, _DUE_COLUMNS, rows, sheet="待走访清单", title=title)
    _audit(ctx, "export_visits", out, n)
    return n


_NEED_COLUMNS = (
    sheets.Column("姓名", "text", 10),
    sheets.Column("现住址", "text", 30),
    sheets.Column("需求类型", "text", 14),
    sheets.Column("需求描述", "text", 40),
    sheets.Column("紧急程度", "text", 8),
    sheets.Column("状态", "text", 8),
    sheets.Column("发现日期", "date", 12),
    sheets.Column("已过天数", "number", 8),
    sheets.Column("转介资源", "text", 30),
)


def export_open_needs(ctx: AppContext, out: str | Path) -> int:
    """The open needs (需求清单), oldest first, with the resources they were referred to."""
    from .needs import open_needs

    ctx.require_user()
    items = open_needs(ctx)
    rows = (
        [
            n.person_name,
            n.address,
            n.type_label,
            n.description,
            n.urgency_label,
            n.status_label,
            n.found_on,
            n.days_open,
            "、".join(r.resource_name for r in n.referrals),
        ]
        for n in items
    )
    title = f"需求清单（{ctx.today():%Y年%m月%d日}导出）"
    n = sheets.write_table(out, _NEED_COLUMNS, rows, sheet="需求清单", title=title)
    _audit(ctx, "export_needs", out, n)
    return n


def _audit(ctx: AppContext, action: str, out: str | Path, rows: int) -> None:
    with ctx.session() as s:
        audit.record(s, ctx, action, detail={"file": Path(out).name, "rows": rows})
