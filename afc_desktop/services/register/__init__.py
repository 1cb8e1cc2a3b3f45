"""The elders-services register (养老服务基础底册): people and households.

One module per job: ``views`` (inputs and views), ``validation`` (checks, duplicates),
``people`` (add, edit), ``life`` (removal, re-registration, the notice), ``households``,
``reads`` (list rows, the person page, history) and ``search``. Import from here.
"""

from __future__ import annotations

from ..context import ServiceError
from ..daily_common import local_community_id
from .households import (
    compose_address,
    create_household,
    find_households,
    get_household,
    list_estates,
    update_household,
)
from .life import (
    REMOVAL_REASONS,
    NotInformed,
    RemovedPerson,
    list_removed,
    not_informed,
    record_informed,
    removal_reason_code,
    removal_reason_label,
    remove_person,
    reregister_person,
    resolve_removed,
    write_notice_pdf,
)
from .people import register_person, update_person
from .reads import get_person, person_history, person_rows
from .search import PersonQuery, count_people, search_person_ids
from .transfers import IncomingTransfer, accept_transfer, incoming_transfers, transfer_history
from .validation import find_duplicates, validate_person
from .views import (
    FIELD_LABELS,
    SEX_LABELS,
    DuplicateHint,
    EmergencyContact,
    FieldProblem,
    HistoryEntry,
    HouseholdInput,
    HouseholdView,
    PersonDetail,
    PersonInput,
    PersonRow,
    PossibleDuplicate,
    ValidationFailed,
)

__all__ = [
    "IncomingTransfer",
    "accept_transfer",
    "incoming_transfers",
    "transfer_history",
    "FIELD_LABELS",
    "REMOVAL_REASONS",
    "SEX_LABELS",
    "DuplicateHint",
    "EmergencyContact",
    "FieldProblem",
    "HistoryEntry",
    "HouseholdInput",
    "HouseholdView",
    "NotInformed",
    "PersonDetail",
    "PersonInput",
    "PersonQuery",
    "PersonRow",
    "PossibleDuplicate",
    "RemovedPerson",
    "ServiceError",
    "ValidationFailed",
    "compose_address",
    "count_people",
    "create_household",
    "find_duplicates",
    "find_households",
    "get_household",
    "get_person",
    "list_estates",
    "list_removed",
    "local_community_id",
    "not_informed",
    "person_history",
    "person_rows",
    "record_informed",
    "register_person",
    "removal_reason_code",
    "removal_reason_label",
    "remove_person",
    "reregister_person",
    "resolve_removed",
    "search_person_ids",
    "update_household",
    "update_person",
    "validate_person",
    "write_notice_pdf",
]
