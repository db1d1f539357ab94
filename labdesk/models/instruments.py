"""Instrument & equipment ledger (仪器设备台账): equipment cards, calibration records (校准) from
which the calibration plan is generated, repair records, and the generic attachment store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, Money, sort_indexes, utcnow

if TYPE_CHECKING:
    from labdesk.models.people import Person


class InstrumentStatus(StrEnum):
    IN_SERVICE = "in_service"
    UNDER_REPAIR = "under_repair"
    OUT_FOR_CALIBRATION = "out_for_calibration"
    OUT_OF_SERVICE = "out_of_service"  # kept from use, ISO/IEC 17025 §6.4.9
    LOANED = "loaned"
    RETIRED = "retired"


class CalibrationMethod(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class CalibrationResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class Instrument(LedgerMixin, Base):
    """An equipment card (设备卡片). Every column the ledger sorts or filters on is indexed: the
    ledger is sized for a million rows and must page with an index scan, not a sort."""

    __tablename__ = "instruments"
    __table_args__ = sort_indexes(
        "instruments",
        "name",
        "model",
        "serial_number",
        "manufacturer",
        "category",
        "location",
        "status",
        "last_calibration_date",
        "next_due_date",
        "purchase_date",
    )

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    model: Mapped[str | None] = mapped_column(String(500))
    serial_number: Mapped[str | None] = mapped_column(String(500))
    manufacturer: Mapped[str | None] = mapped_column(String(500))
    category: Mapped[str | None] = mapped_column(String(500))
    location: Mapped[str | None] = mapped_column(String(500))
    custodian_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(
        String(32),
        default=InstrumentStatus.IN_SERVICE.value,
        server_default=InstrumentStatus.IN_SERVICE.value,
    )
    purchase_date: Mapped[dt.date | None]
    purchase_price: Mapped[Decimal | None] = mapped_column(Money())
    measuring_range: Mapped[str | None] = mapped_column(String(500))
    accuracy: Mapped[str | None] = mapped_column(String(500))
    calibration_interval_months: Mapped[int | None] = mapped_column(Integer)
    calibration_method: Mapped[str | None] = mapped_column(String(32))
    calibration_provider: Mapped[str | None] = mapped_column(String(500))
    last_calibration_date: Mapped[dt.date | None]
    # Derived (last_calibration_date + calibration_interval_months) by the services, but stored so the
    # calibration plan and the ledger can sort and filter on it through an index.
    next_due_date: Mapped[dt.date | None]
    certificate_no: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)

    custodian: Mapped[Person | None] = relationship()
    calibration_records: Mapped[list[CalibrationRecord]] = relationship(
        back_populates="instrument", cascade="all, delete-orphan", order_by="CalibrationRecord.calibrated_on"
    )
    repair_records: Mapped[list[RepairRecord]] = relationship(
        back_populates="instrument", cascade="all, delete-orphan", order_by="RepairRecord.reported_at"
    )

    def __repr__(self) -> str:
        return f"Instrument(id={self.id!r}, code={self.code!r})"


class CalibrationRecord(LedgerMixin, Base):
    """One calibration or verification and its certificate."""

    __tablename__ = "calibration_records"

    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id", ondelete="CASCADE"), index=True)
    calibrated_on: Mapped[dt.date] = mapped_column(index=True)
    provider: Mapped[str | None] = mapped_column(String(200))
    certificate_no: Mapped[str | None] = mapped_column(String(64), index=True)
    result: Mapped[str] = mapped_column(
        String(32), default=CalibrationResult.PASS.value, server_default=CalibrationResult.PASS.value
    )
    adjustments: Mapped[str | None] = mapped_column(Text)
    next_due_date: Mapped[dt.date | None]
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )

    instrument: Mapped[Instrument] = relationship(back_populates="calibration_records")
    recorded_by: Mapped[Person | None] = relationship()


class RepairRecord(LedgerMixin, Base):
    """A repair request (often started by scanning the instrument's label) and its outcome."""

    __tablename__ = "repair_records"

    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id", ondelete="CASCADE"), index=True)
    reported_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    fault: Mapped[str] = mapped_column(Text)
    # The webcam snapshot taken at the bench; small, so it lives in the row.
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    cost: Mapped[Decimal | None] = mapped_column(Money())
    result: Mapped[str | None] = mapped_column(Text)

    instrument: Mapped[Instrument] = relationship(back_populates="repair_records")
    reporter: Mapped[Person | None] = relationship()


class Attachment(LedgerMixin, Base):
    """A file attached to any record. Polymorphic by (owner_table, owner_id), so no foreign key:
    the owning service deletes its attachments together with the record."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner_table_owner_id", "owner_table", "owner_id"),)

    owner_table: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(500))
    content_type: Mapped[str | None] = mapped_column(String(200))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # Exactly one of the two is set: small files in the row, large ones in the archive directory.
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    store_path: Mapped[str | None] = mapped_column(String(500))
