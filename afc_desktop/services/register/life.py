"""A person's life on the register (人员变动): removal with a reason and a date, re-registration,
and the personal-information notice (告知书).

A removal tombstones the record (``deleted``) and, in the same write, records ``removed_on`` and
``removal_reason``, so the one change event the district receives carries both. The record stays:
reports for a period before the removal still count the person (``services/stats.py`` reads the
state as of the period), and the person can be registered again, with a new registration date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ...domain.idcard import mask_to_last_four
from ...store.models import Person
from .. import audit
from ..context import AppContext, ServiceError
from .reads import detail
from .views import PersonDetail

REMOVAL_REASONS: dict[str, str] = {
    "died": "去世",
    "moved_out": "迁出本区",
    "moved_within": "迁往本区其他社区",
    "other": "其他",
}
_BY_LABEL = {label: code for code, label in REMOVAL_REASONS.items()}


def removal_reason_code(text: str) -> str:
    """Accept a code or its Chinese label (去世 …); a plain refusal otherwise."""
    value = text.strip()
    if value in REMOVAL_REASONS:
        return value
    if value in _BY_LABEL:
        return _BY_LABEL[value]
    labels = "、".join(REMOVAL_REASONS.values())
    raise ServiceError(f"移出原因只能是：{labels}", field="reason")


def removal_reason_label(code: str) -> str:
    """去世 … for a stored code ("" stays "")."""
    return REMOVAL_REASONS.get(code, code)


@dataclass(frozen=True)
class RemovedPerson:
    """One line of the list of people taken off the register."""

    id: str
    name: str
    removed_on: date | None
    reason: str
    reason_label: str
    note: str


def check_community_code(text: str) -> str:
    """A receiving community's 12-digit 统计用区划代码, or a plain refusal."""
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 12):
        raise ServiceError("接收社区代码应为12位数字（统计用区划代码）", field="to_community")
    return value


def remove_person(
    ctx: AppContext,
    person_id: str,
    reason: str,
    on: date | None = None,
    note: str = "",
    *,
    to_community: str = "",
) -> None:
    """Take a person off the register (移出登记册) for ``reason`` (去世, 迁出本区, 迁往本区其他
    社区, 其他) on day ``on`` (today when not given). 其他 needs a note saying what happened.

    ``to_community`` (迁往本区其他社区 only): the receiving community's 12-digit code; the
    removal then travels to the district as a move, which hands the person to that community
    (docs/district-moves.md)."""
    ctx.require_user()
    code = removal_reason_code(reason)
    moved_to = check_community_code(to_community) if to_community.strip() else ""
    if moved_to and code != "moved_within":
        raise ServiceError("只有“迁往本区其他社区”才填写接收社区", field="to_community")
    day = on or ctx.today()
    if day > ctx.today():
        raise ServiceError("移出日期不能晚于今天", field="on")
    note = " ".join(note.split())
    if code == "other" and not note:
        raise ServiceError("移出原因为“其他”时请写明情况", field="note")
    if len(note) > 200:
        raise ServiceError("移出说明太长（最多200个字）", field="note")
    with ctx.session(write=True) as s:
        person = s.get(Person, person_id)
        if person is None or person.deleted:
            raise ServiceError("找不到该人员（可能已移出登记册）", field="person_id")
        if person.registered_on is not None and day < person.registered_on:
            raise ServiceError(
                f"移出日期不能早于登记日期（{person.registered_on:%Y-%m-%d}）", field="on"
            )
        person.deleted = True
        person.removed_on = day
        person.removal_reason = code
        person.removal_note = note
        person.moved_to = moved_to
        audit.record(
            s,
            ctx,
            "remove_person",
            target_table="person",
            target_id=person_id,
            detail={
                "reason": code,
                "on": day.isoformat(),
                **({"to": moved_to} if moved_to else {}),
            },
        )


def reregister_person(ctx: AppContext, person_id: str, on: date | None = None) -> PersonDetail:
    """Put a removed person back on the register (重新登记), registered from ``on`` (today).

    The record, its history, visits and assessments come back; the removal is kept in the
    change history."""
    user = ctx.require_user()
    day = on or ctx.today()
    if day > ctx.today():
        raise ServiceError("登记日期不能晚于今天", field="on")
    with ctx.session(write=True) as s:
        person = s.get(Person, person_id)
        if person is None:
            raise ServiceError("找不到该人员", field="person_id")
        if not person.deleted:
            raise ServiceError("该人员仍在登记册中，无需重新登记")
        if person.removal_reason == "died" and not user.is_admin:
            raise ServiceError("该人员已登记为去世；如登记有误，请由管理员重新登记")
        if person.removed_on is not None and day < person.removed_on:
            raise ServiceError("重新登记日期不能早于移出日期", field="on")
        person.deleted = False
        person.registered_on = day
        person.removed_on = None
        person.removal_reason = ""
        person.removal_note = ""
        person.moved_to = ""
        s.flush()
        audit.record(s, ctx, "reregister_person", target_table="person", target_id=person_id)
        return detail(s, person, ctx.today())


def list_removed(ctx: AppContext, limit: int = 1000) -> list[RemovedPerson]:
    """People taken off the register, most recent removal first."""
    with ctx.session() as s:
        rows = s.execute(
            select(
                Person.id, Person.name, Person.removed_on, Person.removal_reason,
                Person.removal_note,
            )
            .where(Person.deleted.is_(True))
            .order_by(Person.removed_on.desc(), Person.name)
            .limit(limit)
        ).all()  # fmt: skip
    return [
        RemovedPerson(pid, name, day, code or "", removal_reason_label(code or ""), note or "")
        for pid, name, day, code, note in rows
    ]


# --- the personal-information notice (告知书) ----------------------------------------------------


@dataclass(frozen=True)
class NotInformed:
    """An elder on the register who has not yet been given the notice."""

    id: str
    name: str
    registered_on: date | None


def record_informed(
    ctx: AppContext, person_id: str, on: date | None = None, *, consent: bool | None = None
) -> PersonDetail:
    """Record that the person received the notice (告知) on ``on`` and, when ``consent`` is
    given, that they agreed (同意) or withdrew (撤回) on that day."""
    ctx.require_user()
    day = on or ctx.today()
    if day > ctx.today():
        raise ServiceError("告知日期不能晚于今天", field="on")
    with ctx.session(write=True) as s:
        person = s.get(Person, person_id)
        if person is None or person.deleted:
            raise ServiceError("找不到该人员（可能已移出登记册）", field="person_id")
        person.informed_on = day
        if consent is not None:
            person.consent = consent
            person.consent_date = day
        s.flush()
        audit.record(
            s,
            ctx,
            "record_informed",
            target_table="person",
            target_id=person_id,
            detail={"on": day.isoformat(), "consent": consent},
        )
        return detail(s, person, ctx.today())


def not_informed(ctx: AppContext, limit: int = 5000) -> list[NotInformed]:
    """Elders on the register who have not been given the notice yet, earliest registered
    first (the register's "未告知" list)."""
    with ctx.session() as s:
        rows = s.execute(
            select(Person.id, Person.name, Person.registered_on)
            .where(
                Person.deleted.is_(False),
                Person.is_elder.is_(True),
                Person.informed_on.is_(None),
            )
            .order_by(Person.registered_on, Person.pinyin_full)
            .limit(limit)
        ).all()
    return [NotInformed(pid, name, day) for pid, name, day in rows]


NOTICE_FORM = "privacy-notice"


def write_notice_pdf(ctx: AppContext, person_id: str, out: str | Path) -> Path:
    """Print the personal-information notice (告知书) for one person, header filled in, from
    the form definition ``forms/privacy-notice.*.yaml`` (its latest version)."""
    from ...printing import write_blank_pdf
    from ..assessments import forms_registry, person_header

    try:
        form = forms_registry().get(NOTICE_FORM)
    except KeyError as exc:
        raise ServiceError(str(exc).strip("'\"")) from None
    header = person_header(ctx, person_id)
    # the resident keeps this paper: the ID number shows its last four characters only
    header = replace(header, id_number=mask_to_last_four(header.id_number))
    return write_blank_pdf(form, out, header, printed_on=ctx.today())


def resolve_removed(ctx: AppContext, key: str) -> str:
    """A removed person's record id from the record id or the ID number (for scripts)."""
    from ...domain.idcard import normalize

    text = key.strip()
    with ctx.session() as s:
        person = s.get(Person, text)
        if person is not None and person.deleted:
            return person.id
        found = s.scalars(
            select(Person.id).where(Person.id_number == normalize(text), Person.deleted.is_(True))
        ).all()
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ServiceError(f"身份证号 {text} 对应多条已移出的记录，请改用记录编号")
    raise ServiceError(f"找不到已移出登记册的人员：{text}")
