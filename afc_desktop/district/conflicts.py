"""Conflicts in plain Chinese (冲突说明): whose record, which field, both values, who and when.

A ``SyncConflict`` row names a table, a record id and a column. The bureau reads instead:
"人员 张秀英（梅巷社区）的「电话」：梅巷社区 王芳 2026-11-02 改为 139…；梅巷社区 李强
2026-11-03 改为 138…；已采用后者". ID numbers stay masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from afc_desktop.district import figures
from afc_desktop.domain.idcard import mask_id_number
from afc_desktop.store import changes
from afc_desktop.store.db import Database
from afc_desktop.store.models import ChangeEvent, Household, Person
from afc_desktop.store.models.district import DistrictCommunity
from afc_desktop.store.models.sync_state import SyncConflict

TABLE_LABELS = {
    "person": "人员",
    "household": "家庭",
    "community": "社区信息",
    "visit": "探访记录",
    "need": "需求",
    "task": "待办",
    "referral": "转介",
    "project": "微自治项目",
    "participation": "活动参与",
    "service_log": "养老顾问服务",
    "assessment": "评估表",
    "resource": "资源",
    "cadence_rule": "探访周期规则",
}

FIELD_LABELS = {
    "name": "姓名",
    "id_number": "身份证号",
    "sex": "性别",
    "birth_date": "出生日期",
    "phone": "电话",
    "living_arrangement": "居住情况",
    "categories": "人员类别",
    "emergency_contacts": "紧急联系人",
    "ability_grade": "能力等级",
    "ability_assessed_on": "能力评估日期",
    "consent": "知情同意",
    "notes": "备注",
    "is_elder": "是否老年人",
    "household_id": "所属家庭",
    "relation_to_head": "与户主关系",
    "address_text": "地址",
    "estate": "小区/自然村",
    "building": "楼栋/组",
    "unit": "单元",
    "room": "室/门牌",
    "visit_date": "探访日期",
    "mode": "探访方式",
    "status": "状态",
    "risk_level": "风险等级",
    "findings": "探访发现",
    "need_type": "需求类型",
    "description": "说明",
    "urgency": "紧急程度",
    "due_date": "期限",
    "deleted": "删除",
    "is_pilot": "试点",
    "code": "社区代码",
    "street_name": "街道",
}

PERSON_LINKED = frozenset({"visit", "need", "task", "referral", "service_log", "assessment"})


@dataclass
class ConflictText:
    """One conflict as the bureau reads it."""

    id: str
    status: str
    table_label: str
    record_label: str  # the person's name, the address, …
    community: str  # community of the record (display name)
    field_label: str
    value_a: str
    who_a: str  # community and worker who wrote it
    when_a: str  # local date and time
    value_b: str
    who_b: str
    when_b: str
    winner: str  # "a" | "b"
    resolution: str
    sentence: str


def value_text(field_: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field_ == "id_number" and isinstance(value, str):
        return mask_id_number(value)
    if isinstance(value, list):
        return "、".join(value_text("", v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{value_text('', v)}" for k, v in value.items())
    return str(value)


def _when(db: Database, at: datetime | None) -> str:
    return f"{db.clock.local(at):%Y-%m-%d %H:%M}" if at is not None else "时间不详"


def describe(db: Database, include_resolved: bool = False) -> list[ConflictText]:
    """Open (or all) conflicts, oldest first, in plain Chinese."""
    out = []
    with db.session(replaying=True) as s:
        codes = figures.site_codes(s)
        roster = list(s.scalars(select(DistrictCommunity)))
        shown = figures.display_names([(c.code, c.name, c.street) for c in roster])

        def community_of(site: str | None) -> str:
            code = codes.get(site or "")
            return shown.get(code, "未入网的站点") if code else "未入网的站点"

        q = select(SyncConflict).order_by(SyncConflict.created_at, SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.status == "open")
        models = changes.synced_models()
        for c in s.scalars(q):
            record_label, owner = _record(s, models, c.table_name, c.record_id, community_of)
            ev_a = s.get(ChangeEvent, c.event_a)
            ev_b = s.get(ChangeEvent, c.event_b)
            table_label = TABLE_LABELS.get(c.table_name, c.table_name)
            field_label = (
                "删除与修改同时发生" if c.kind == "deleted" else FIELD_LABELS.get(c.field, c.field)
            )
            who_a = f"{community_of(c.site_a)} {ev_a.actor_name if ev_a else ''}".strip()
            who_b = f"{community_of(c.site_b)} {ev_b.actor_name if ev_b else ''}".strip()
            when_a = _when(db, ev_a.at if ev_a else None)
            when_b = _when(db, ev_b.at if ev_b else None)
            va, vb = value_text(c.field, c.value_a), value_text(c.field, c.value_b)
            winner = "a" if c.winner_event == c.event_a else "b"
            sentence = (
                f"{table_label}「{record_label}」（{owner}）的「{field_label}」："
                f"{who_a} 于 {when_a} 填为「{va}」，{who_b} 于 {when_b} 填为「{vb}」；"
                f"目前采用{'前者' if winner == 'a' else '后者'}"
            )
            out.append(
                ConflictText(
                    id=c.id,
                    status=c.status,
                    table_label=table_label,
                    record_label=record_label,
                    community=owner,
                    field_label=field_label,
                    value_a=va,
                    who_a=who_a,
                    when_a=when_a,
                    value_b=vb,
                    who_b=who_b,
                    when_b=when_b,
                    winner=winner,
                    resolution=c.resolution,
                    sentence=sentence,
                )
            )
    return out


def _record(
    s: Any, models: dict[str, Any], table: str, record_id: str, community_of: Any
) -> tuple[str, str]:
    """(what the record is called, its community) without an ID number."""
    model = models.get(table)
    row = s.get(model, record_id) if model is not None else None
    if row is None:
        return f"记录 {record_id[:8]}", "未知社区"
    owner = community_of(row.origin_site)
    if isinstance(row, Person):
        return row.name, owner
    if isinstance(row, Household):
        return row.address_text or f"家庭 {record_id[:8]}", owner
    if table in PERSON_LINKED and getattr(row, "person_id", None):
        person = s.get(Person, row.person_id)
        if person is not None:
            return person.name, owner
    name = getattr(row, "name", None)
    return (str(name) if name else f"记录 {record_id[:8]}"), owner
