"""Commission ledger (委托台账): orders (委托单) with their priced lines, and the fee ledger
(委托收费台账) where finance confirms and batch-edits each order's charge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, Money

if TYPE_CHECKING:
    from labdesk.models.catalog import TestItem, TestPackage
    from labdesk.models.contracts import Contract
    from labdesk.models.customers import Contact, Customer, EngineeringProject
    from labdesk.models.people import Person
    from labdesk.models.samples import Sample


class OrderStatus(StrEnum):
    PENDING = "pending"  # submitted from outside, waiting in the intake queue; no number yet
    REJECTED = "rejected"  # refused at intake, with the reason in cancel_reason
    DRAFT = "draft"
    SUBMITTED = "submitted"
    FINANCE_CONFIRMED = "finance_confirmed"
    ACCEPTED = "accepted"
    IN_TESTING = "in_testing"
    COMPLETED = "completed"
    REPORTED = "reported"
    CANCELLED = "cancelled"


class OrderChannel(StrEnum):
    INTERNAL = "internal"  # registered by staff on the customer's behalf
    EXTERNAL = "external"  # filled in by the customer through the intake portal


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    EXPRESS = "express"


class DeliveryMethod(StrEnum):
    COLLECT = "collect"
    POST = "post"
    EMAIL = "email"


def _money() -> Mapped[Decimal]:
    """A required amount that starts at zero until the pricing service fills it in."""
    return mapped_column(Money(), default=Decimal("0.00"), server_default="0")


class Order(LedgerMixin, Base):
    """A commission (委托单). Price columns are the calculated breakdown, frozen on submission."""

    __tablename__ = "orders"

    # NULL only while an external order waits in the intake queue: it is numbered when accepted, so
    # refused requests never use up order numbers.
    order_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="SET NULL"), index=True
    )
    engineering_project_id: Mapped[int | None] = mapped_column(
        ForeignKey("engineering_projects.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(
        String(32), default=OrderStatus.DRAFT.value, server_default=OrderStatus.DRAFT.value, index=True
    )
    channel: Mapped[str] = mapped_column(
        String(32),
        default=OrderChannel.INTERNAL.value,
        server_default=OrderChannel.INTERNAL.value,
        index=True,
    )
    urgency: Mapped[str] = mapped_column(
        String(32), default=Urgency.NORMAL.value, server_default=Urgency.NORMAL.value, index=True
    )
    # Percent, e.g. 50.00 for an urgent job at +50 %.
    surcharge_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0.00"), server_default="0")
    # Fraction, e.g. 0.0600 for 6 % VAT on testing services.
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 4), default=Decimal("0.0600"), server_default="0.06")
    delivery_method: Mapped[str] = mapped_column(
        String(32), default=DeliveryMethod.COLLECT.value, server_default=DeliveryMethod.COLLECT.value
    )
    received_date: Mapped[dt.date | None] = mapped_column(index=True)
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    list_price: Mapped[Decimal] = _money()
    discount_amount: Mapped[Decimal] = _money()
    surcharge_amount: Mapped[Decimal] = _money()
    tax_amount: Mapped[Decimal] = _money()
    final_price: Mapped[Decimal] = _money()
    cancel_reason: Mapped[str | None] = mapped_column(String(500))  # also an intake rejection's reason
    notes: Mapped[str | None] = mapped_column(Text)
    registered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )

    customer: Mapped[Customer] = relationship()
    contact: Mapped[Contact | None] = relationship()
    contract: Mapped[Contract | None] = relationship(back_populates="orders")
    engineering_project: Mapped[EngineeringProject | None] = relationship()
    registered_by: Mapped[Person | None] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )
    samples: Mapped[list[Sample]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Sample.sample_no"
    )
    fee: Mapped[OrderFee | None] = relationship(back_populates="order", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"Order(id={self.id!r}, order_no={self.order_no!r})"


class OrderLine(LedgerMixin, Base):
    """One priced line: a test item or a package, optionally for one sample."""

    __tablename__ = "order_lines"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id", ondelete="SET NULL"), index=True)
    test_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_items.id", ondelete="RESTRICT"), index=True
    )
    package_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_packages.id", ondelete="RESTRICT"), index=True
    )
    # Copied from the catalogue at pricing time so the order reads the same after the catalogue changes.
    description: Mapped[str] = mapped_column(String(500), default="", server_default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    unit_price: Mapped[Decimal] = _money()
    amount: Mapped[Decimal] = _money()

    order: Mapped[Order] = relationship(back_populates="lines")
    sample: Mapped[Sample | None] = relationship()
    test_item: Mapped[TestItem | None] = relationship()
    package: Mapped[TestPackage | None] = relationship()


class OrderFee(LedgerMixin, Base):
    """The fee-ledger row of one order (委托收费台账); outstanding = final_price - amount_received,
    derived and never stored so it cannot drift."""

    __tablename__ = "order_fees"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    list_price: Mapped[Decimal] = _money()
    discount_amount: Mapped[Decimal] = _money()
    final_price: Mapped[Decimal] = _money()
    # Three states on purpose: NULL = finance has not confirmed yet, True = charged, False = free of charge.
    charged: Mapped[bool | None] = mapped_column(Boolean, index=True)
    # No Python-side default: the front desk opens the row with an INSERT that names only the price
    # columns it is granted, and the server fills in zero (order_workflow.open_fee_row).
    amount_received: Mapped[Decimal] = mapped_column(Money(), server_default="0")
    note: Mapped[str | None] = mapped_column(String(500))
    confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(index=True)

    order: Mapped[Order] = relationship(back_populates="fee")
    confirmed_by: Mapped[Person | None] = relationship()
