"""Coding rules (编号规则): configurable document numbers and their per-period counters. The
counter row is taken in the same transaction as the new record, so numbers are unique and gapless
across workstations."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, IdMixin, LedgerMixin


class DocType(StrEnum):
    ORDER = "order"
    SAMPLE = "sample"
    INSTRUMENT = "instrument"
    CONTRACT = "contract"
    REPORT = "report"
    INVOICE = "invoice"
    CUSTOMER = "customer"
    PROJECT = "project"
    TASK = "task"


class CounterReset(StrEnum):
    NEVER = "never"
    YEARLY = "yearly"
    MONTHLY = "monthly"
    DAILY = "daily"


class CodingRule(LedgerMixin, Base):
    """How one document type is numbered, e.g. pattern ``{prefix}{yyyy}{mm}-{seq}``."""

    __tablename__ = "coding_rules"

    doc_type: Mapped[str] = mapped_column(String(32), unique=True)
    prefix: Mapped[str] = mapped_column(String(32), default="", server_default="")
    pattern: Mapped[str] = mapped_column(String(200))
    seq_width: Mapped[int] = mapped_column(Integer, default=4, server_default="4")
    reset: Mapped[str] = mapped_column(
        String(32), default=CounterReset.YEARLY.value, server_default=CounterReset.YEARLY.value
    )
    # True: a separate sequence per type code (e.g. per sample type), filled into {type} in the pattern.
    per_type: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    counters: Mapped[list[CodingCounter]] = relationship(back_populates="rule", cascade="all, delete-orphan")


class CodingCounter(IdMixin, Base):
    """The last number handed out for one rule, period and type code.

    No ledger columns and no version: nobody edits it by hand, and the row lock taken while
    incrementing (SELECT ... FOR UPDATE) is the concurrency control.
    """

    __tablename__ = "coding_counters"
    __table_args__ = (UniqueConstraint("rule_id", "period", "type_code"),)

    rule_id: Mapped[int] = mapped_column(ForeignKey("coding_rules.id", ondelete="CASCADE"))
    # '' rather than NULL, so the unique constraint holds (NULLs never collide in a unique constraint).
    period: Mapped[str] = mapped_column(String(16), default="", server_default="")
    type_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    last_value: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    rule: Mapped[CodingRule] = relationship(back_populates="counters")
