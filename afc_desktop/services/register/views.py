"""The register's inputs and views (人员与家庭的输入和视图): plain dataclasses the dialogs,
the importer and the CLI hand in, and what they get back. Views never carry ORM objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ...store.models import Household
from ..context import ServiceError

FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "id_number": "身份证号",
    "sex": "性别",
    "birth_date": "出生日期",
    "phone": "电话",
    "household_id": "所属家庭",
    "relation_to_head": "与户主关系",
    "is_elder": "是否老人",
    "living_arrangement": "居住情况",
    "categories": "人员类别",
    "emergency_contacts": "紧急联系人",
    "ability_grade": "能力等级",
    "ability_assessed_on": "评估日期",
    "consent": "知情同意",
    "consent_date": "同意日期",
    "registered_on": "登记日期",
    "removed_on": "移出日期",
    "removal_reason": "移出原因",
    "removal_note": "移出说明",
    "informed_on": "告知日期",
    "notes": "备注",
    "community_id": "所属社区",
    "deleted": "删除标记",
    "kind": "地址类型",
    "estate": "小区/自然村",
    "building": "楼栋/组",
    "unit": "单元",
    "room": "室/门牌",
    "address_text": "地址",
}
SEX_LABELS = {"M": "男", "F": "女"}


# --- inputs and views ------------------------------------------------------------------------


@dataclass(frozen=True)
class EmergencyContact:
    name: str
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PersonInput:
    """What the person dialog (or an import row) supplies."""

    name: str
    id_number: str = ""
    sex: str | None = None
    birth_date: date | None = None
    phone: str = ""
    household_id: str | None = None
    relation_to_head: str = ""
    is_elder: bool = True
    living_arrangement: str = ""
    categories: tuple[str, ...] = ()
    emergency_contacts: tuple[EmergencyContact, ...] = ()
    consent: bool = False
    consent_date: date | None = None
    notes: str = ""
    registered_on: date | None = None  # None: today on entry, unchanged on an edit
    informed_on: date | None = None  # the day the notice (告知书) was given


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class ValidationFailed(ServiceError):
    """One or more fields are wrong; ``problems`` names each."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__("；".join(p.message for p in problems), field=problems[0].field)
        self.problems = list(problems)


@dataclass(frozen=True)
class DuplicateHint:
    person_id: str
    name: str
    birth_date: date | None
    id_masked: str
    reason: str


class PossibleDuplicate(ServiceError):
    """The person may already be registered; repeat with ``confirm_duplicate=True`` to go on."""

    def __init__(self, hints: Sequence[DuplicateHint]) -> None:
        first = hints[0]
        super().__init__(f"可能重复登记：{first.name}（{first.reason}）")
        self.hints = list(hints)


@dataclass(frozen=True)
class PersonRow:
    """One line of the register list. The ID number is masked."""

    id: str
    name: str
    sex: str
    age: int | None
    id_masked: str
    phone: str
    address: str
    categories: tuple[str, ...]  # Chinese labels, derived ones included
    ability_grade: str


@dataclass(frozen=True)
class HouseholdView:
    id: str
    kind: str
    estate: str
    building: str
    unit: str
    room: str
    address_text: str
    phone: str
    notes: str
    member_count: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor_name: str
    op: str
    fields: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class PersonDetail:
    """Everything the person page shows, with the whole ID number."""

    id: str
    name: str
    id_number: str
    sex: str | None
    birth_date: date | None
    age: int | None
    phone: str
    household: HouseholdView | None
    relation_to_head: str
    is_elder: bool
    living_arrangement: str
    categories: tuple[str, ...]  # explicit codes
    derived_categories: tuple[str, ...]
    emergency_contacts: tuple[EmergencyContact, ...]
    ability_grade: str
    ability_assessed_on: date | None
    consent: bool
    consent_date: date | None
    notes: str
    household_members: tuple[PersonRow, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    registered_on: date | None = None
    informed_on: date | None = None
    removed_on: date | None = None
    removal_reason: str = ""

    def as_input(self) -> PersonInput:
        """The editable fields, for the edit dialog."""
        return PersonInput(
            name=self.name,
            id_number=self.id_number,
            sex=self.sex,
            birth_date=self.birth_date,
            phone=self.phone,
            household_id=self.household.id if self.household else None,
            relation_to_head=self.relation_to_head,
            is_elder=self.is_elder,
            living_arrangement=self.living_arrangement,
            categories=self.categories,
            emergency_contacts=self.emergency_contacts,
            consent=self.consent,
            consent_date=self.consent_date,
            notes=self.notes,
            registered_on=self.registered_on,
            informed_on=self.informed_on,
        )


@dataclass(frozen=True)
class HouseholdInput:
    kind: str = "urban"  # urban: 小区/楼栋/单元/室 ; rural: 自然村/组/门牌
    estate: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    phone: str = ""
    notes: str = ""


def household_view(h: Household, members: int = 0) -> HouseholdView:
    return HouseholdView(
        h.id,
        h.kind,
        h.estate,
        h.building,
        h.unit,
        h.room,
        h.address_text,
        h.phone,
        h.notes,
        members,
    )
