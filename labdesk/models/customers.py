"""Customer ledger (客户台账): customer cards, contacts, the contact log (客户联系记录) and the
customers' engineering projects (工程台账)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, utcnow

if TYPE_CHECKING:
    from labdesk.models.people import Person


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    BLACKLISTED = "blacklisted"
    MERGED = "merged"  # a duplicate folded into another card (merged_into_id); kept for old documents


class ContactChannel(StrEnum):
    VISIT = "visit"
    PHONE = "phone"
    WECHAT = "wechat"
    EMAIL = "email"


class EngineeringProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    FINISHED = "finished"


class Customer(LedgerMixin, Base):
    """A customer card (客户卡片)."""

    __tablename__ = "customers"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str | None] = mapped_column(String(200))
    customer_type: Mapped[str | None] = mapped_column(String(32), index=True)
    industry: Mapped[str | None] = mapped_column(String(200), index=True)
    # 统一社会信用代码 (18 characters); not unique: branches and legacy imports may share one.
    credit_code: Mapped[str | None] = mapped_column(String(32), index=True)
    address: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(64))
    sales_owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(
        String(32),
        default=CustomerStatus.ACTIVE.value,
        server_default=CustomerStatus.ACTIVE.value,
        index=True,
    )
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    # Denormalized from the latest contact log so the follow-up reminder is one indexed query.
    next_follow_up_date: Mapped[dt.date | None] = mapped_column(index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    sales_owner: Mapped[Person | None] = relationship()
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer", cascade="all, delete-orphan")
    contact_logs: Mapped[list[ContactLog]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="ContactLog.visited_at.desc()"
    )
    engineering_projects: Mapped[list[EngineeringProject]] = relationship(back_populates="customer")

    def __repr__(self) -> str:
        return f"Customer(id={self.id!r}, code={self.code!r})"


class Contact(LedgerMixin, Base):
    """A person at a customer."""

    __tablename__ = "contacts"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(200))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class ContactLog(LedgerMixin, Base):
    """One visit or call (客户联系记录); logging one sets the customer's next follow-up date."""

    __tablename__ = "contact_logs"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    # SET NULL: the log is history and outlives a deleted contact.
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    visited_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    channel: Mapped[str] = mapped_column(
        String(32), default=ContactChannel.VISIT.value, server_default=ContactChannel.VISIT.value
    )
    summary: Mapped[str | None] = mapped_column(Text)
    next_visit_date: Mapped[dt.date | None] = mapped_column(index=True)

    customer: Mapped[Customer] = relationship(back_populates="contact_logs")
    contact: Mapped[Contact | None] = relationship()
    person: Mapped[Person] = relationship()


class EngineeringProject(LedgerMixin, Base):
    """A customer's construction / engineering project (工程); contracts and orders point at it."""

    __tablename__ = "engineering_projects"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    # RESTRICT: contracts and orders hang off the project, so a customer with projects stays.
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), index=True)
    site_address: Mapped[str | None] = mapped_column(String(500))
    structure_type: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(
        String(32),
        default=EngineeringProjectStatus.ACTIVE.value,
        server_default=EngineeringProjectStatus.ACTIVE.value,
        index=True,
    )

    customer: Mapped[Customer] = relationship(back_populates="engineering_projects")
