"""Sample ledger (样品台账): samples with their numbers, storage and status, and the chain of
custody that records who took each sample (领取人) and where it went."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, sort_indexes, utcnow

if TYPE_CHECKING:
    from labdesk.models.orders import Order
    from labdesk.models.people import Person


class Retention(StrEnum):
    RETAIN = "retain"
    DISPOSE = "dispose"
    RETURN_TO_CUSTOMER = "return_to_customer"


class SampleStatus(StrEnum):
    RECEIVED = "received"
    STORED = "stored"
    IN_TESTING = "in_testing"
    RETURNED = "returned"
    RETAINED = "retained"
    DISPOSED = "disposed"


class CustodyAction(StrEnum):
    RECEIVE = "receive"
    STORE = "store"
    TAKE = "take"
    RETURN = "return"
    RETAIN = "retain"
    DISPOSE = "dispose"


class SampleType(LedgerMixin, Base):
    """A kind of sample the lab receives (混凝土试块, 钢筋, …) with the short code that numbers it when
    the sample coding rule keeps a sequence per type (``{type}`` in the pattern)."""

    __tablename__ = "sample_types"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    storage_condition: Mapped[str | None] = mapped_column(String(500))  # the form's default
    # Retired, never deleted: samples keep the name they were registered with.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def __repr__(self) -> str:
        return f"SampleType(code={self.code!r}, name={self.name!r})"


class Sample(LedgerMixin, Base):
    """A sample received on an order; ``sample_no`` comes from the sample coding rule."""

    __tablename__ = "samples"
    __table_args__ = sort_indexes("samples", "name", "sample_type", "status", "location", "received_at")

    # NULL only on an order waiting in the intake queue (see Order.order_no).
    sample_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sample_type: Mapped[str | None] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    unit: Mapped[str | None] = mapped_column(String(32))
    specification: Mapped[str | None] = mapped_column(String(500))
    storage_condition: Mapped[str | None] = mapped_column(String(500))
    retention: Mapped[str] = mapped_column(
        String(32), default=Retention.DISPOSE.value, server_default=Retention.DISPOSE.value
    )
    retain_until: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(
        String(32),
        default=SampleStatus.RECEIVED.value,
        server_default=SampleStatus.RECEIVED.value,
    )
    location: Mapped[str | None] = mapped_column(String(200))
    # Who holds the sample now (领取人); denormalized from the latest custody event for the ledger.
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship(back_populates="samples")
    holder: Mapped[Person | None] = relationship()
    custody_events: Mapped[list[CustodyEvent]] = relationship(
        back_populates="sample", cascade="all, delete-orphan", order_by="CustodyEvent.at"
    )

    def __repr__(self) -> str:
        return f"Sample(id={self.id!r}, sample_no={self.sample_no!r})"


class CustodyEvent(LedgerMixin, Base):
    """One hand-over or move of a sample (chain of custody)."""

    __tablename__ = "custody_events"

    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    comment: Mapped[str | None] = mapped_column(String(500))

    sample: Mapped[Sample] = relationship(back_populates="custody_events")
    from_person: Mapped[Person | None] = relationship(foreign_keys=[from_person_id])
    to_person: Mapped[Person | None] = relationship(foreign_keys=[to_person_id])
    by: Mapped[Person | None] = relationship(foreign_keys=[by_id])
