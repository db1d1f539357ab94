"""People ledger (人员): staff, their job roles and their test-item qualifications.

Job roles mirror the PostgreSQL group roles the database grants rights to; qualifications are the
staff-competence records ISO/IEC 17025 §6.2 asks for and the subcontracting decision (分包决策) reads.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, ForeignKey, String, Table, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin

if TYPE_CHECKING:
    from labdesk.models.catalog import TestItem


class JobRoleKey(StrEnum):
    FRONT_DESK = "front_desk"
    TECHNICIAN = "technician"
    EQUIPMENT_MANAGER = "equipment_manager"
    FINANCE = "finance"
    SIGNATORY = "signatory"
    SALES = "sales"
    ADMIN = "admin"


# Pure association: no ledger columns, a row exists or it does not.
person_roles = Table(
    "person_roles",
    Base.metadata,
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey("job_roles.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Person(LedgerMixin, Base):
    """A member of staff; ``login`` is also their PostgreSQL role name in shared mode."""

    __tablename__ = "people"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(200), index=True)
    # People are deactivated, never deleted: documents keep pointing at who signed them.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true(), index=True)

    roles: Mapped[list[JobRole]] = relationship(secondary=person_roles, back_populates="people")
    qualifications: Mapped[list[Qualification]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Person(id={self.id!r}, login={self.login!r})"


class JobRole(LedgerMixin, Base):
    """A job role (front desk, technician, ...); ``key`` is one of :class:`JobRoleKey`."""

    __tablename__ = "job_roles"

    key: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    people: Mapped[list[Person]] = relationship(secondary=person_roles, back_populates="roles")


class Qualification(LedgerMixin, Base):
    """Authorization of one person for one test item (ISO/IEC 17025 §6.2)."""

    __tablename__ = "qualifications"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    test_item_id: Mapped[int] = mapped_column(ForeignKey("test_items.id", ondelete="RESTRICT"), index=True)
    level: Mapped[str | None] = mapped_column(String(32))
    certificate_no: Mapped[str | None] = mapped_column(String(64))
    valid_from: Mapped[dt.date | None]
    # Indexed: the subcontracting decision filters on "still valid on the due date".
    valid_until: Mapped[dt.date | None] = mapped_column(index=True)

    person: Mapped[Person] = relationship(back_populates="qualifications")
    test_item: Mapped[TestItem] = relationship()
