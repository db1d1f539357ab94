"""Contract ledger (合同台账): contracts through review (合同评审), receipts (收款) and invoice
requests (开票申请) tracked against collection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, Money

if TYPE_CHECKING:
    from labdesk.models.customers import Customer, EngineeringProject
    from labdesk.models.orders import Order
    from labdesk.models.people import Person


class ContractStatus(StrEnum):
    DRAFT = "draft"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    ARCHIVED = "archived"
    COMPLETED = "completed"
    TERMINATED = "terminated"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    CHEQUE = "cheque"
    CARD = "card"
    ONLINE = "online"
    OTHER = "other"


class InvoiceType(StrEnum):
    VAT_SPECIAL = "vat_special"  # 增值税专用发票
    VAT_NORMAL = "vat_normal"  # 增值税普通发票


class InvoiceRequestStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    ISSUED = "issued"
    REJECTED = "rejected"


class Contract(LedgerMixin, Base):
    """A contract card; created at review and the anchor for its orders, receipts and invoices."""

    __tablename__ = "contracts"

    contract_no: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), index=True)
    engineering_project_id: Mapped[int | None] = mapped_column(
        ForeignKey("engineering_projects.id", ondelete="SET NULL"), index=True
    )
    signed_date: Mapped[dt.date | None] = mapped_column(index=True)
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None] = mapped_column(index=True)
    amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"), server_default="0")
    status: Mapped[str] = mapped_column(
        String(32), default=ContractStatus.DRAFT.value, server_default=ContractStatus.DRAFT.value, index=True
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped[Customer] = relationship()
    engineering_project: Mapped[EngineeringProject | None] = relationship()
    owner: Mapped[Person | None] = relationship()
    receipts: Mapped[list[Receipt]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Receipt.received_date"
    )
    invoice_requests: Mapped[list[InvoiceRequest]] = relationship(
        back_populates="contract", cascade="all, delete-orphan"
    )
    orders: Mapped[list[Order]] = relationship(back_populates="contract")

    def __repr__(self) -> str:
        return f"Contract(id={self.id!r}, contract_no={self.contract_no!r})"


class Receipt(LedgerMixin, Base):
    """Money received against a contract (收款登记)."""

    __tablename__ = "receipts"

    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    received_date: Mapped[dt.date] = mapped_column(index=True)
    amount: Mapped[Decimal] = mapped_column(Money())
    method: Mapped[str] = mapped_column(
        String(32),
        default=PaymentMethod.BANK_TRANSFER.value,
        server_default=PaymentMethod.BANK_TRANSFER.value,
    )
    payer: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(200))
    registered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )

    contract: Mapped[Contract] = relationship(back_populates="receipts")
    registered_by: Mapped[Person | None] = relationship()


class InvoiceRequest(LedgerMixin, Base):
    """A request to issue an invoice (开票申请), against a contract and optionally one order."""

    __tablename__ = "invoice_requests"

    invoice_request_no: Mapped[str] = mapped_column(String(32), unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    amount: Mapped[Decimal] = mapped_column(Money())
    invoice_type: Mapped[str] = mapped_column(
        String(32), default=InvoiceType.VAT_NORMAL.value, server_default=InvoiceType.VAT_NORMAL.value
    )
    title: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(
        String(32),
        default=InvoiceRequestStatus.REQUESTED.value,
        server_default=InvoiceRequestStatus.REQUESTED.value,
        index=True,
    )
    invoice_no: Mapped[str | None] = mapped_column(String(64), index=True)
    issued_date: Mapped[dt.date | None] = mapped_column(index=True)

    contract: Mapped[Contract] = relationship(back_populates="invoice_requests")
    order: Mapped[Order | None] = relationship()
    requested_by: Mapped[Person | None] = relationship()
