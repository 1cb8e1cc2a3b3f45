"""Follow-up tasks (待办): created from visits and needs, or by hand; completed or cancelled.

Due visits themselves are not stored as tasks: they are computed from the cadence rules (see
``services.visits.due_list``), so a change of category or rule moves them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.schedule import due_window
from ..store.models.daily import Task
from .context import AppContext, ServiceError
from .daily_common import briefs, live_person, require_text

TASK_KINDS: dict[str, str] = {
    "follow_up": "走访跟进",
    "need": "需求跟进",
    "other": "其他",
}
TASK_STATUS: dict[str, str] = {"open": "待办", "done": "已完成", "cancelled": "已取消"}


@dataclass(frozen=True)
class TaskInput:
    """A task to create."""

    title: str
    due_date: date
    person_id: str | None = None
    kind: str = "follow_up"
    note: str = ""
    visit_id: str | None = None
    need_id: str | None = None


@dataclass(frozen=True)
class TaskView:
    """A task as the lists show it; ``window`` is overdue/today/week/month/later."""

    id: str
    title: str
    kind: str
    kind_label: str
    due_date: date
    status: str
    status_label: str
    person_id: str | None
    person_name: str
    note: str
    window: str
    visit_id: str | None
    need_id: str | None
    done_on: date | None


def add_task(s: Session, ctx: AppContext, data: TaskInput) -> Task:
    """Create a task inside the caller's transaction (used by visits and needs too)."""
    title = require_text(data.title, "待办内容", "title")
    if data.kind not in TASK_KINDS:
        raise ServiceError("未知的待办类型", field="kind")
    if data.due_date is None:
        raise ServiceError("请填写待办的截止日期", field="due_date")
    if data.due_date > ctx.today() + timedelta(days=366 * 2):
        raise ServiceError("截止日期不能晚于两年之后", field="due_date")
    if data.person_id:
        live_person(s, data.person_id)
    task = Task(
        title=title,
        kind=data.kind,
        due_date=data.due_date,
        person_id=data.person_id,
        note=data.note.strip(),
        visit_id=data.visit_id,
        need_id=data.need_id,
        assigned_to=ctx.actor_id,
        status="open",
    )
    s.add(task)
    return task


def _views(s: Session, tasks: list[Task], today: date) -> list[TaskView]:
    names = briefs(s, (t.person_id for t in tasks))
    return [
        TaskView(
            id=t.id,
            title=t.title,
            kind=t.kind,
            kind_label=TASK_KINDS.get(t.kind, t.kind),
            due_date=t.due_date,
            status=t.status,
            status_label=TASK_STATUS.get(t.status, t.status),
            person_id=t.person_id,
            person_name=names[t.person_id].name if t.person_id in names else "",
            note=t.note,
            window=due_window(t.due_date, today) if t.status == "open" else "",
            visit_id=t.visit_id,
            need_id=t.need_id,
            done_on=t.done_on,
        )
        for t in tasks
    ]


def create_task(ctx: AppContext, data: TaskInput) -> TaskView:
    """Add a follow-up task (新增待办)."""
    ctx.require_user()
    with ctx.session() as s:
        task = add_task(s, ctx, data)
        s.flush()
        return _views(s, [task], ctx.today())[0]


def _open_task(s: Session, task_id: str) -> Task:
    task = s.get(Task, task_id)
    if task is None or task.deleted:
        raise ServiceError("找不到该待办")
    if task.status != "open":
        raise ServiceError(f"该待办已{TASK_STATUS.get(task.status, task.status)}")
    return task


def complete_task(
    ctx: AppContext, task_id: str, on: date | None = None, note: str = ""
) -> TaskView:
    """Mark a task done (完成待办)."""
    ctx.require_user()
    with ctx.session() as s:
        task = _open_task(s, task_id)
        done = on or ctx.today()
        if done > ctx.today():
            raise ServiceError("完成日期不能晚于今天", field="on")
        task.status = "done"
        task.done_on = done
        if note.strip():
            task.note = (task.note + "\n" if task.note else "") + note.strip()
        s.flush()
        return _views(s, [task], ctx.today())[0]


def cancel_task(ctx: AppContext, task_id: str, reason: str) -> TaskView:
    """Cancel a task that is no longer needed; a reason is required."""
    ctx.require_user()
    if not reason.strip():
        raise ServiceError("请填写取消原因", field="reason")
    with ctx.session() as s:
        task = _open_task(s, task_id)
        task.status = "cancelled"
        task.note = (task.note + "\n" if task.note else "") + f"取消：{reason.strip()}"
        s.flush()
        return _views(s, [task], ctx.today())[0]


def list_tasks(
    ctx: AppContext,
    *,
    status: str = "open",
    within_days: int | None = None,
    person_id: str | None = None,
    limit: int = 5000,
) -> list[TaskView]:
    """Tasks by due date; open ones due within ``within_days`` (overdue included) if given."""
    with ctx.session() as s:
        stmt = select(Task).where(Task.deleted.is_(False))
        if status != "all":
            stmt = stmt.where(Task.status == status)
        if within_days is not None:
            stmt = stmt.where(Task.due_date <= ctx.today() + timedelta(days=within_days))
        if person_id:
            stmt = stmt.where(Task.person_id == person_id)
        tasks = list(s.scalars(stmt.order_by(Task.due_date, Task.created_at).limit(limit)))
        return _views(s, tasks, ctx.today())
