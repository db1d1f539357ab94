"""Test catalogue (检测项目/参数): priced test items, packages of items and customer price lists,
from which an order's price is calculated automatically."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, Money

if TYPE_CHECKING:
    from labdesk.models.contracts import Contract
    from labdesk.models.customers import Customer


class PricingUnit(StrEnum):
    PER_SAMPLE = "per_sample"
    PER_PARAMETER = "per_parameter"
    PER_POINT = "per_point"


class TestItem(LedgerMixin, Base):
    """A test item / parameter with its method standard and list price."""

    __tablename__ = "test_items"
    __test__ = False  # the name starts with "Test": keep pytest from collecting it

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    standard: Mapped[str | None] = mapped_column(String(200), index=True)
    parameter: Mapped[str | None] = mapped_column(String(200))
    unit_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"), server_default="0")
    pricing_unit: Mapped[str] = mapped_column(
        String(32), default=PricingUnit.PER_SAMPLE.value, server_default=PricingUnit.PER_SAMPLE.value
    )
    turnaround_days: Mapped[int | None] = mapped_column(Integer)
    required_qualification: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200), index=True)
    # Retired, never deleted: old orders and reports still name the item.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)

    def __repr__(self) -> str:
        return f"TestItem(id={self.id!r}, code={self.code!r})"


class TestPackage(LedgerMixin, Base):
    """A bundle of test items sold at one package price."""

    __tablename__ = "test_packages"
    __test__ = False

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"), server_default="0")
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)

    items: Mapped[list[TestPackageItem]] = relationship(
        back_populates="package", cascade="all, delete-orphan"
    )


class TestPackageItem(LedgerMixin, Base):
    """One test item in a package."""

    __tablename__ = "test_package_items"
    __test__ = False
    __table_args__ = (UniqueConstraint("package_id", "test_item_id"),)

    package_id: Mapped[int] = mapped_column(ForeignKey("test_packages.id", ondelete="CASCADE"), index=True)
    test_item_id: Mapped[int] = mapped_column(ForeignKey("test_items.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    package: Mapped[TestPackage] = relationship(back_populates="items")
    test_item: Mapped[TestItem] = relationship()


class PriceList(LedgerMixin, Base):
    """Negotiated prices: a general discount plus fixed prices, for a customer or a contract."""

    __tablename__ = "price_lists"

    name: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    # Percent off list price, e.g. 15.00 = 15 % off.
    discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0.00"), server_default="0")
    valid_from: Mapped[dt.date | None] = mapped_column(index=True)
    valid_until: Mapped[dt.date | None] = mapped_column(index=True)

    customer: Mapped[Customer | None] = relationship()
    contract: Mapped[Contract | None] = relationship()
    entries: Mapped[list[PriceListEntry]] = relationship(
        back_populates="price_list", cascade="all, delete-orphan"
    )


class PriceListEntry(LedgerMixin, Base):
    """A fixed price for one test item; wins over the list's discount."""

    __tablename__ = "price_list_entries"
    __table_args__ = (UniqueConstraint("price_list_id", "test_item_id"),)

    price_list_id: Mapped[int] = mapped_column(ForeignKey("price_lists.id", ondelete="CASCADE"), index=True)
    test_item_id: Mapped[int] = mapped_column(ForeignKey("test_items.id", ondelete="RESTRICT"), index=True)
    fixed_price: Mapped[Decimal] = mapped_column(Money())

    price_list: Mapped[PriceList] = relationship(back_populates="entries")
    test_item: Mapped[TestItem] = relationship()
