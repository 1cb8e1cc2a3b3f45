"""Plain records the printing functions take (打印用数据), so that printing needs no database.

The service layer builds these from the store; tests and scripts build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from afc_desktop.domain.formspec import ScoreResult

SEX_TEXT = {"M": "男", "F": "女"}


@dataclass(frozen=True)
class PersonHeader:
    """The person block printed at the top of a sheet (人员信息)."""

    name: str = ""
    sex: str = ""  # "M" / "F" (or already Chinese)
    id_number: str = ""
    birth_date: date | None = None
    address: str = ""
    community: str = ""
    phone: str = ""
    person_id: str = ""  # the register's id: printed (in the QR code) so a scan finds the person
    household_id: str = ""  # set instead for a household's sheet

    @property
    def subject(self) -> str:
        """Whom a sheet is for, as the QR code says it: "P<id>", "H<id>" or ""."""
        if self.person_id:
            return f"P{self.person_id}"
        return f"H{self.household_id}" if self.household_id else ""

    @property
    def sex_text(self) -> str:
        """男 / 女 / ""."""
        return SEX_TEXT.get(self.sex, self.sex)

    def fields(self) -> dict[str, Any]:
        """The fields keyed like ``FormSpec.person_fields`` (for pre-filling answers)."""
        return {
            "name": self.name,
            "sex": self.sex,
            "id_number": self.id_number,
            "birth_date": self.birth_date,
            "address": self.address,
            "community": self.community,
            "phone": self.phone,
        }


@dataclass(frozen=True)
class AssessmentRecord:
    """A filled assessment sheet (评估记录) as printed."""

    form_id: str
    form_version: int
    person: PersonHeader
    answers: dict[str, Any]
    result: ScoreResult | None = None  # None: computed from the answers when printing
    assessed_on: date | None = None
    assessors: tuple[str, ...] = ()
    status: str = "final"  # draft | final
    record_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    pictures: tuple[Any, ...] = ()  # printing.pictures.PrintedPicture: photos of the record
