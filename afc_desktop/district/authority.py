"""Authorisation at apply (写入授权): a site writes only its own community's records.

A record belongs to the community of the site that created it (its ``origin_site``, bound
to a roster entry by that site's key). For every event about to enter the hub's change log
(``apply.apply_events(..., authorise=...)``), in seq order:

- the record must belong to the sender's community; a record the hub has never seen may only
  be *created* (an update or delete of an unknown record is refused: its creation is missing);
- every link the event sets (``community_id``, ``person_id``, ``household_id`` …) must point
  to a record the hub knows, of the same community; ``referral.resource_id`` may point to
  another community's resource (an elder referred to a neighbour's facility);
- so must an attachment's ``owner_id`` (照片所属的记录), which names a row of the table its
  ``owner_kind`` says (person, visit, household visit, assessment): a site cannot hang a
  picture on another community's visit or assessment;
- an update may not move a record to another origin site.

Any failure refuses the whole bundle (``Unauthorised`` or ``SchemaInvalid``), naming the record
and field; the import's transaction rolls back, so nothing of it is applied.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from afc_desktop.district.roster import site_code
from afc_desktop.store import changes
from afc_desktop.store.bulk_sql import among
from afc_desktop.store.models import ChangeEvent
from afc_desktop.sync.errors import SchemaInvalid, Unauthorised

# String columns that name another synced record without a declared foreign key
EXTRA_LINKS: dict[tuple[str, str], str] = {
    ("visit", "household_id"): "household",
    ("need", "visit_id"): "visit",
    ("task", "visit_id"): "visit",
    ("task", "need_id"): "need",
    ("attachment", "person_id"): "person",
    ("attachment", "household_id"): "household",
}
CROSS_COMMUNITY_LINKS = frozenset({("referral", "resource_id")})
# attachment.owner_id names a row of the table its owner_kind says (docs/attachments.md)
ATTACHMENT_OWNERS: dict[str, str] = {
    "person": "person",
    "visit": "visit",
    "household_visit": "household_visit",
    "assessment": "assessment",
}
IN_CHUNK = 500

_UNKNOWN = object()


def record_links() -> dict[str, dict[str, str]]:
    """table → {field → linked table} for every link between synced tables."""
    models = changes.synced_models()
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for table, model in models.items():
        for col in model.__table__.columns:  # type: ignore[attr-defined]
            for fk in col.foreign_keys:
                if fk.column.table.name in models:
                    out[table][col.key] = fk.column.table.name
    for (table, field_), target in EXTRA_LINKS.items():
        if table in models:
            out[table][field_] = target
    return dict(out)


class Authority:
    """The ``authorise`` hook for one bundle from ``site_id`` of community ``code``."""

    def __init__(self, code: str, site_id: str, label: str) -> None:
        self.code = code
        self.site_id = site_id
        self.label = label
        self.models = changes.synced_models()
        self.links = record_links()
        self._origin: dict[tuple[str, str], Any] = {}  # (table, id) -> origin site | None
        self._codes: dict[str, str | None] = {site_id: code}

    # --- lookups ------------------------------------------------------------------------

    def _load_origins(self, s: Session, keys: set[tuple[str, str]]) -> None:
        todo: dict[str, list[str]] = defaultdict(list)
        for table, rid in keys:
            if (table, rid) not in self._origin and table in self.models:
                todo[table].append(rid)
        ce = ChangeEvent
        dialect = str(s.connection().dialect.name)
        step = IN_CHUNK if dialect != "postgresql" else 1 << 30  # PostgreSQL: one array
        for table, ids in todo.items():
            model = self.models[table]
            for i in range(0, len(ids), step):
                part = ids[i : i + step]
                found = dict(
                    s.execute(
                        select(model.id, model.origin_site).where(among(dialect, model.id, part))
                    ).all()
                )
                missing = [r for r in part if r not in found]
                if missing:
                    # stored but not yet materialised (a reference still missing): its creation
                    rows = s.execute(
                        select(ce.record_id, ce.site_id).where(
                            ce.table_name == table,
                            among(dialect, ce.record_id, missing),
                            ce.base_rev.is_(None),
                        )
                    )
                    for rid, site in rows:
                        found.setdefault(rid, site)
                for rid in part:
                    self._origin[(table, rid)] = found.get(rid)

    def _community_of_site(self, s: Session, site: str | None) -> str | None:
        if site is None:
            return None
        if site not in self._codes:
            self._codes[site] = site_code(s, site)
        return self._codes[site]

    # --- the check ----------------------------------------------------------------------

    def _owner_link(self, s: Session, row: dict[str, Any]) -> tuple[str, Any] | None:
        """(table, id) an attachment event hangs its picture on; None when it sets no owner."""
        fields = row["fields"]
        if row["table_name"] != "attachment" or not {"owner_kind", "owner_id"} & fields.keys():
            return None
        kind, owner_id = fields.get("owner_kind"), fields.get("owner_id")
        if "owner_kind" not in fields or "owner_id" not in fields:  # an edit: the stored half
            stored = s.get(self.models["attachment"], row["record_id"])
            kind = fields.get("owner_kind", getattr(stored, "owner_kind", None))
            owner_id = fields.get("owner_id", getattr(stored, "owner_id", None))
        target = ATTACHMENT_OWNERS.get(kind) if isinstance(kind, str) else None
        if target is None:
            raise SchemaInvalid(
                f"{self._where(row, 'owner_kind')}：照片所属记录的类型不对", self.label
            )
        return target, owner_id

    def __call__(self, s: Session, rows: list[dict[str, Any]]) -> None:
        wanted: set[tuple[str, str]] = set()
        for row in rows:
            wanted.add((row["table_name"], row["record_id"]))
            for field_, target in self.links.get(row["table_name"], {}).items():
                value = row["fields"].get(field_)
                if isinstance(value, str):
                    wanted.add((target, value))
            owner = self._owner_link(s, row)
            if owner is not None and isinstance(owner[1], str):
                wanted.add(owner)
        self._load_origins(s, wanted)
        for row in rows:
            self._check(s, row)

    def _where(self, row: dict[str, Any], field_: str | None = None) -> str:
        where = f"表 {row['table_name']}，记录 {row['record_id']}"
        return f"{where}，字段 {field_}" if field_ else where

    def _check(self, s: Session, row: dict[str, Any]) -> None:
        table, rid, fields = row["table_name"], row["record_id"], row["fields"]
        key = (table, rid)
        origin = self._origin.get(key)
        if origin is None:
            if row["base_rev"] is not None or row["op"] != "upsert":
                raise SchemaInvalid(
                    f"{self._where(row)}：要修改的记录在区级不存在"
                    "（它可能由本社区另一台电脑创建，请先导入那台电脑的同步包）",
                    self.label,
                )
            self._origin[key] = origin = self.site_id
        else:
            owner = self._community_of_site(s, origin)
            if owner != self.code:
                whose = f"社区 {owner}" if owner else "未入网的站点"
                raise Unauthorised(f"{self._where(row)}：记录属于{whose}", self.label)
            if "origin_site" in fields and fields["origin_site"] != origin:
                raise Unauthorised(
                    f"{self._where(row, 'origin_site')}：不能改变记录的来源站点", self.label
                )
        for field_, target in self.links.get(table, {}).items():
            value = fields.get(field_)
            if isinstance(value, str):
                self._check_link(s, row, field_, target, value)
        hung_on = self._owner_link(s, row)
        if hung_on is not None:
            target, value = hung_on
            if not isinstance(value, str):
                raise SchemaInvalid(
                    f"{self._where(row, 'owner_id')}：缺少照片所属的记录", self.label
                )
            self._check_link(s, row, "owner_id", target, value)

    def _check_link(
        self, s: Session, row: dict[str, Any], field_: str, target: str, value: str
    ) -> None:
        """``value`` (field ``field_``) names a ``target`` record the hub knows, of the sender's
        community unless the link may cross communities."""
        linked = self._origin.get((target, value))
        if linked is None:
            raise SchemaInvalid(
                f"{self._where(row, field_)}：指向的 {target} 记录在区级不存在", self.label
            )
        if (row["table_name"], field_) in CROSS_COMMUNITY_LINKS:
            return
        owner = self._community_of_site(s, linked)
        if owner != self.code:
            whose = f"社区 {owner}" if owner else "未入网的站点"
            raise Unauthorised(f"{self._where(row, field_)}：指向属于{whose}的记录", self.label)
