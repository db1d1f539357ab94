"""Project ledger (项目台账): a commission turned into an internal project (立项), its
subcontracting decision (分包决策) and the task assignments (任务分派) with their feedback (任务执行)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin

if TYPE_CHECKING:
    from labdesk.models.catalog import TestItem
    from labdesk.models.customers import Customer
    from labdesk.models.orders import Order
    from labdesk.models.people import Person
    from labdesk.models.samples import Sample


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class TaskStatus(StrEnum):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class Project(LedgerMixin, Base):
    """An internal project; its progress is rolled up from its tasks' feedback."""

    __tablename__ = "projects"
    __table_args__ = (CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_pct"),)

    project_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(
        String(32),
        default=ProjectStatus.PLANNED.value,
        server_default=ProjectStatus.PLANNED.value,
        index=True,
    )
    progress_pct: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    subcontracted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    subcontractor: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    order: Mapped[Order | None] = relationship()
    customer: Mapped[Customer] = relationship()
    manager: Mapped[Person | None] = relationship()
    tasks: Mapped[list[Task]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Task.task_no"
    )

    def __repr__(self) -> str:
        return f"Project(id={self.id!r}, project_no={self.project_no!r})"


class Task(LedgerMixin, Base):
    """One assignment with exactly one responsible person (任务分派)."""

    __tablename__ = "tasks"
    __table_args__ = (CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_pct"),)

    task_no: Mapped[str] = mapped_column(String(32), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id", ondelete="SET NULL"), index=True)
    test_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_items.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    assignee_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    # Free text on purpose: material-type projects name their own stages (制样, 养护, 试压 ...).
    stage: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(
        String(32), default=TaskStatus.ASSIGNED.value, server_default=TaskStatus.ASSIGNED.value, index=True
    )
    progress_pct: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    feedback: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="tasks")
    sample: Mapped[Sample | None] = relationship()
    test_item: Mapped[TestItem | None] = relationship()
    assignee: Mapped[Person] = relationship()
