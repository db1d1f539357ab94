"""Label printing (标签打印): batch QR-label jobs for instruments and samples, with one row per
label so a paused or failed job resumes where it stopped and reprints are told apart."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, utcnow


class LabelKind(StrEnum):
    INSTRUMENT = "instrument"
    SAMPLE = "sample"


class PrintJobStatus(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    FAILED = "failed"


class LabelPrintJob(LedgerMixin, Base):
    """One batch print request."""

    __tablename__ = "label_print_jobs"

    kind: Mapped[str] = mapped_column(String(32), index=True)
    template_name: Mapped[str] = mapped_column(String(200))
    printer_name: Mapped[str] = mapped_column(String(200))
    copies: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Login of who asked, not an FK: print history survives staff changes untouched.
    requested_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(
        String(32),
        default=PrintJobStatus.RUNNING.value,
        server_default=PrintJobStatus.RUNNING.value,
        index=True,
    )
    error: Mapped[str | None] = mapped_column(String(500))

    items: Mapped[list[LabelPrintItem]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="LabelPrintItem.sequence"
    )


class LabelPrintItem(LedgerMixin, Base):
    """One label in a job; ``printed_at`` NULL means not printed yet."""

    __tablename__ = "label_print_items"

    job_id: Mapped[int] = mapped_column(ForeignKey("label_print_jobs.id", ondelete="CASCADE"), index=True)
    # The instrument code or sample number, not an FK: the label prints what the record said then.
    record_code: Mapped[str] = mapped_column(String(32), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    printed_at: Mapped[dt.datetime | None]
    is_reprint: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    job: Mapped[LabelPrintJob] = relationship(back_populates="items")


class LabelTemplateRecord(LedgerMixin, Base):
    """A custom label template (the built-in ones live in code): its JSON from ``template_to_json``."""

    __tablename__ = "label_templates"

    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)  # instrument | sample
    definition: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(String(500))
