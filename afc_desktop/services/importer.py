"""Importing the ledgers offices already keep (台账导入): a dry run first, then one transaction.

:func:`preview_import` reads the sheet and says what would happen — new people, updates to people
already registered (matched by ID number, else by name + birth date; shown old beside new),
duplicates inside the file and row errors (row number, column, reason) — and writes nothing.
:func:`commit_import` makes a backup of the database, then writes every row (or, by explicit
choice, only the valid rows) in one transaction through the store, so the change log records
each person. Cancelled, failed or killed half-way, it leaves the register as it was. An
:class:`~afc_desktop.store.models.imports.ImportReceipt` records the file.

The dry run and the commit share the work: a commit right after the dry run of the same file
(same SHA-256), sheet and mapping, on a register nobody changed in between, writes the dry run's
plan as it is — nothing is coerced or checked twice. Otherwise the commit plans again inside its
transaction.

Updates only touch the columns the sheet maps and fills: an empty cell never erases a value.
People living at the same address (现住址) share one household (家庭).

The parts: ``importing/model.py`` (the plan and its rows), ``importing/reading.py`` (file,
sheet, header, error report), ``importing/planner.py`` (the dry run), ``importing/writer.py``
(the commit's writes); the SQL they need is in ``store/bulk_sql.py``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..sheets.header import Header
from ..sheets.mapping import (
    ColumnMapping,
    MappingError,
    header_signature,
    mapping_from_json,
    mapping_to_json,
)
from ..store.bulk import gc_paused
from ..store.models import Setting
from ..store.models.imports import ImportReceipt
from . import audit
from .context import AppContext, ServiceError
from .importing.model import (
    BATCH,
    CancelFn,
    DuplicateRow,
    FieldChange,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    ImportSource,
    NewPerson,
    ProgressFn,
    ReceiptView,
    SheetPreview,
    UpdatedPerson,
)
from .importing.planner import plan_sheet, register_mark
from .importing.reading import file_sha256, inspect_sheet, save_error_report
from .importing.writer import write_plan
from .register import local_community_id

__all__ = [
    "BATCH",
    "CancelFn",
    "DuplicateRow",
    "FieldChange",
    "ImportCancelled",
    "ImportPlan",
    "ImportResult",
    "ImportSource",
    "NewPerson",
    "ProgressFn",
    "ReceiptView",
    "SheetPreview",
    "UpdatedPerson",
    "commit_import",
    "file_sha256",
    "inspect_sheet",
    "list_receipts",
    "preview_import",
    "remembered_mapping",
    "save_error_report",
]

# The latest dry run per database, for a commit that follows it (one plan kept, not a history).
_LAST_PLAN: dict[str, ImportPlan] = {}


def _plan_key(ctx: AppContext, source: ImportSource, sha256: str) -> tuple[Any, ...]:
    """What a plan depends on besides the register: the file, sheet, mapping, day and user."""
    mapping = (
        json.dumps(sorted(source.mapping.fields.items())) if source.mapping is not None else None
    )
    user = ctx.user.id if ctx.user is not None else None
    return (str(source.path.resolve()), sha256, source.sheet, mapping, ctx.today(), user)


def preview_import(
    ctx: AppContext,
    source: ImportSource,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ImportPlan:
    """The dry run (预览): what the import would do. Writes nothing."""
    ctx.require_user()
    sha = file_sha256(source.path) if source.path.exists() else ""
    with gc_paused(), ctx.session() as s:
        plan = plan_sheet(ctx, s, source, sha, progress, cancel)
        s.rollback()
    plan._key = _plan_key(ctx, source, sha)
    _LAST_PLAN[ctx.db.url] = plan
    return plan


def _reusable(
    ctx: AppContext, s: Session, source: ImportSource, sha: str, preview: ImportPlan | None
) -> ImportPlan | None:
    """The dry run's plan when it still holds: same file and choices, register unchanged."""
    if preview is None:
        last = _LAST_PLAN.get(ctx.db.url)
        if last is not None and last._key == _plan_key(ctx, source, sha):
            preview = last
    if preview is not None and preview.sha256 == sha and preview.register_mark == register_mark(s):
        return preview
    return None


def _refuse_unclean(plan: ImportPlan) -> None:
    if not plan.clean:
        raise ServiceError(
            f"有 {len(plan.error_rows)} 行错误、{len(plan.duplicates)} 行文件内重复，未导入任何数据。"
            "请修正后重新导入，或选择“只导入无误的行”"
        )


def commit_import(
    ctx: AppContext,
    source: ImportSource,
    *,
    valid_only: bool = False,
    expected_sha256: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    preview: ImportPlan | None = None,
) -> ImportResult:
    """Import the sheet in one transaction, after a backup of the database.

    With ``valid_only=False`` any row error or duplicate refuses the whole import; with
    ``valid_only=True`` those rows are left out (the user chose so explicitly). With
    ``expected_sha256`` (from the preview) a file changed since the preview is refused.
    Given the ``preview`` plan, its work is reused when neither the file nor the register has
    changed since (checked inside the transaction); otherwise the sheet is read again.
    """
    from .backup import make_backup  # the lead's backup service

    user = ctx.require_user()
    if not source.path.exists():
        raise ServiceError(f"找不到文件：{source.path}")
    if preview is not None:
        expected_sha256 = expected_sha256 or preview.sha256
        source = replace(source, sheet=preview.sheet, mapping=preview.mapping)
        if not valid_only:
            _refuse_unclean(preview)
    sha = file_sha256(source.path)
    if expected_sha256 and sha != expected_sha256:
        raise ServiceError("文件在预览之后被修改过，请重新预览后再导入")
    backup_file = ""
    if ctx.db.sqlite_path is not None:
        backup_file = make_backup(ctx, "pre-import").path.name
    with gc_paused(), ctx.session(write=True) as s:
        plan = _reusable(ctx, s, source, sha, preview) or plan_sheet(
            ctx, s, source, sha, progress, cancel
        )
        if not valid_only:
            _refuse_unclean(plan)

        written = write_plan(s, plan, local_community_id(s), progress, cancel)
        counts = plan.counts()
        header = plan.header
        receipt = ImportReceipt(
            file_name=plan.file_name,
            sha256=sha,
            sheet=plan.sheet,
            mapping=mapping_to_json(plan.mapping, header),
            valid_only=valid_only,
            rows_new=counts["new"],
            rows_updated=counts["updated"],
            rows_unchanged=counts["unchanged"],
            rows_duplicate=counts["duplicate"],
            rows_error=counts["error"],
            user_id=user.id,
            user_name=ctx.actor_name,
            backup_file=backup_file,
        )
        s.add(receipt)
        _remember(s, header, plan.mapping)
        s.flush()
        audit.record(
            s,
            ctx,
            "import_excel",
            target_table="import_receipt",
            target_id=receipt.id,
            detail={"file": plan.file_name, "sha256": sha, **counts},
        )
        _LAST_PLAN.pop(ctx.db.url, None)
        return ImportResult(plan, receipt.id, backup_file, written)


REMEMBERED = "上次确认的列对应"


def _mapping_key(header: Header) -> str:
    return f"import_mapping:{header_signature(header)}"


def _remember(s: Session, header: Header, mapping: ColumnMapping) -> None:
    value = mapping_to_json(mapping, header)
    row = s.get(Setting, _mapping_key(header))
    if row is None:
        s.add(Setting(key=_mapping_key(header), value=value))
    else:
        row.value = value


def remembered_mapping(ctx: AppContext, header: Header) -> ColumnMapping | None:
    """The mapping last imported with a sheet of this exact header shape, if any.

    Every committed import remembers its mapping (local setting), so next month's ledger of the
    same shape opens with the columns as the user confirmed them.
    """
    with ctx.session() as s:
        row = s.get(Setting, _mapping_key(header))
        if row is None:
            return None
        try:
            return mapping_from_json(row.value, header, REMEMBERED)
        except MappingError:
            return None


def list_receipts(ctx: AppContext, limit: int = 50) -> list[ReceiptView]:
    """The latest imports, newest first."""
    with ctx.session() as s:
        rows = s.scalars(select(ImportReceipt).order_by(ImportReceipt.at.desc()).limit(limit))
        return [
            ReceiptView(
                r.id,
                r.at,
                r.file_name,
                r.sha256,
                r.user_name,
                {
                    "new": r.rows_new,
                    "updated": r.rows_updated,
                    "unchanged": r.rows_unchanged,
                    "duplicate": r.rows_duplicate,
                    "error": r.rows_error,
                },
                r.valid_only,
            )
            for r in rows
        ]


# --- error report ----------------------------------------------------------------------------
