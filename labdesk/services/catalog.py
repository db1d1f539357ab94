"""The test catalogue as the pricing engine and the choosers need it.

* :func:`catalogue_snapshot` / :func:`price_list_for` read what :func:`labdesk.services.pricing.price_order`
  takes: every item and package (retired ones too, since an old draft may still name them) in two
  queries, and the price list in force for a customer or contract on a day in two more.
* :func:`load_pricing` is the UI-facing wrapper (one read session); :func:`offered_items` and
  :func:`offered_packages` list what may be put on a new line (not retired), with search.

Which price list applies on a day: only lists valid on that day (``valid_from`` / ``valid_until``
inclusive, empty = open-ended) count; a list bound to the order's contract wins over the customer's
general lists (those with no contract); among equals, the one that started latest, then the newest.

The Excel import of the catalogue is in :mod:`labdesk.services.catalog_import`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, or_, select
from sqlalchemy.orm import Session

from labdesk.models import PriceList, PriceListEntry, TestItem, TestPackage, TestPackageItem
from labdesk.models.catalog import PricingUnit
from labdesk.services.database import Database
from labdesk.services.ledgers.search import escape_like
from labdesk.services.pricing import CatalogueSnapshot, ItemPrice, PackagePrice, PriceListSnapshot
from labdesk.services.units import reading

CHOOSER_LIMIT = 200  # rows a chooser shows; the user narrows with the search text beyond that


def catalogue_snapshot(session: Session) -> CatalogueSnapshot:
    """Every test item and package with what pricing needs (two queries, columns only, no ORM objects)."""
    items = {
        row.id: ItemPrice(
            row.id, row.code, row.name, row.unit_price, PricingUnit(row.pricing_unit), bool(row.retired)
        )
        for row in session.execute(
            select(
                TestItem.id,
                TestItem.code,
                TestItem.name,
                TestItem.unit_price,
                TestItem.pricing_unit,
                TestItem.retired,
            )
        )
    }
    packages = {
        row.id: PackagePrice(row.id, row.code, row.name, row.price, bool(row.retired))
        for row in session.execute(
            select(TestPackage.id, TestPackage.code, TestPackage.name, TestPackage.price, TestPackage.retired)
        )
    }
    return CatalogueSnapshot(items, packages)


def _valid_on(day: dt.date) -> ColumnElement[bool]:
    return and_(
        or_(PriceList.valid_from.is_(None), PriceList.valid_from <= day),
        or_(PriceList.valid_until.is_(None), PriceList.valid_until >= day),
    )


def price_list_for(
    session: Session, customer_id: int | None, contract_id: int | None, on: dt.date
) -> PriceListSnapshot | None:
    """The price list in force for this customer / contract on ``on`` (see the module docstring)."""
    owners = []
    if contract_id is not None:
        owners.append(PriceList.contract_id == contract_id)
    if customer_id is not None:
        owners.append(and_(PriceList.customer_id == customer_id, PriceList.contract_id.is_(None)))
    if not owners:
        return None
    order: list[ColumnElement[Any]] = [PriceList.valid_from.desc().nulls_last(), PriceList.id.desc()]
    if contract_id is not None:
        order.insert(0, case((PriceList.contract_id == contract_id, 0), else_=1))
    chosen = session.execute(
        select(
            PriceList.id, PriceList.name, PriceList.discount_pct, PriceList.valid_from, PriceList.valid_until
        )
        .where(or_(*owners), _valid_on(on))
        .order_by(*order)
        .limit(1)
    ).first()
    if chosen is None:
        return None
    fixed = {
        item_id: price
        for item_id, price in session.execute(
            select(PriceListEntry.test_item_id, PriceListEntry.fixed_price).where(
                PriceListEntry.price_list_id == chosen.id
            )
        )
    }
    return PriceListSnapshot(
        chosen.id, chosen.name, chosen.discount_pct, fixed, chosen.valid_from, chosen.valid_until
    )


@dataclass(frozen=True)
class PricingInputs:
    catalogue: CatalogueSnapshot
    price_list: PriceListSnapshot | None


def load_pricing(
    database: Database, customer_id: int | None, contract_id: int | None, on: dt.date
) -> PricingInputs:
    """What an order form needs to re-price itself live without touching the database again."""
    with reading(database) as session:
        return PricingInputs(
            catalogue_snapshot(session), price_list_for(session, customer_id, contract_id, on)
        )


# -- choosers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferedItem:
    id: int
    code: str
    name: str
    standard: str | None
    parameter: str | None
    unit_price: Decimal
    pricing_unit: PricingUnit
    turnaround_days: int | None
    required_qualification: str | None
    department: str | None


@dataclass(frozen=True)
class OfferedPackage:
    id: int
    code: str
    name: str
    price: Decimal
    item_codes: tuple[str, ...]


def _like(text: str) -> str:
    return f"%{escape_like(text.strip())}%"


def offered_items(database: Database, search: str = "", limit: int = CHOOSER_LIMIT) -> list[OfferedItem]:
    """Test items that may go on a new line (not retired), by code; ``search`` matches code, name,
    standard, parameter or department, case-insensitively and literally (``%`` is no wildcard)."""
    query = select(
        TestItem.id,
        TestItem.code,
        TestItem.name,
        TestItem.standard,
        TestItem.parameter,
        TestItem.unit_price,
        TestItem.pricing_unit,
        TestItem.turnaround_days,
        TestItem.required_qualification,
        TestItem.department,
    ).where(TestItem.retired.is_(False))
    if search.strip():
        pattern = _like(search)
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        TestItem.code,
                        TestItem.name,
                        TestItem.standard,
                        TestItem.parameter,
                        TestItem.department,
                    )
                )
            )
        )
    with reading(database) as session:
        rows = session.execute(query.order_by(TestItem.code).limit(limit)).all()
    return [
        OfferedItem(
            r.id,
            r.code,
            r.name,
            r.standard,
            r.parameter,
            r.unit_price,
            PricingUnit(r.pricing_unit),
            r.turnaround_days,
            r.required_qualification,
            r.department,
        )
        for r in rows
    ]


def offered_packages(
    database: Database, search: str = "", limit: int = CHOOSER_LIMIT
) -> list[OfferedPackage]:
    """Packages that may go on a new line (not retired), by code, with their items' codes."""
    query = select(TestPackage.id, TestPackage.code, TestPackage.name, TestPackage.price).where(
        TestPackage.retired.is_(False)
    )
    if search.strip():
        pattern = _like(search)
        query = query.where(
            or_(TestPackage.code.ilike(pattern, escape="\\"), TestPackage.name.ilike(pattern, escape="\\"))
        )
    with reading(database) as session:
        rows = session.execute(query.order_by(TestPackage.code).limit(limit)).all()
        members: dict[int, list[str]] = {}
        if rows:
            for package_id, code in session.execute(
                select(TestPackageItem.package_id, TestItem.code)
                .join(TestItem, TestItem.id == TestPackageItem.test_item_id)
                .where(TestPackageItem.package_id.in_([r.id for r in rows]))
                .order_by(TestItem.code)
            ):
                members.setdefault(package_id, []).append(code)
    return [OfferedPackage(r.id, r.code, r.name, r.price, tuple(members.get(r.id, ()))) for r in rows]
