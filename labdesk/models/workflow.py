"""Workflow history (流程记录): every state transition of every document, insert-only, so each
approval step shows who did it and when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from labdesk.models.base import Base, IdMixin, utcnow


class WorkflowEvent(IdMixin, Base):
    """One transition of one document. Never updated, hence no ledger columns or version."""

    __tablename__ = "workflow_events"
    __table_args__ = (Index("ix_workflow_events_doc_type_record_id", "doc_type", "record_id"),)

    doc_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    # A login, not an FK: history must outlive the person record.
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    comment: Mapped[str | None] = mapped_column(Text)
