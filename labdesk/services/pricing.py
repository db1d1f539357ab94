"""The price of an order, from a catalogue snapshot, a price list snapshot and the order's lines.

Pure and fast: frozen dataclasses in, a :class:`PriceBreakdown` out; no database, no Qt. The UI calls
:func:`price_order` on every change of a line (200 lines take well under a millisecond, see
``benchmarks/pricing.py``), the order service stores the breakdown, the demo builds its orders with it.
The rules, with worked examples, are in ``docs/pricing.md``.

What ``quantity`` and ``count`` multiply (a line's *billed units* = quantity x count):

* per-sample item (按样品): ``quantity`` = number of samples; ``count`` must be 1.
* per-parameter item (按参数): ``quantity`` = number of samples, ``count`` = parameters per sample.
* per-point item (按点): ``quantity`` = number of samples (or locations), ``count`` = points on each.
* package (套餐): ``quantity`` = number of packages sold; ``count`` must be 1.

``OrderLine.quantity`` stores the billed units, so ``unit_price x quantity = amount`` holds on the
stored line whatever the pricing unit.

Unit price of a line, and why (:class:`PriceSource`):

* a fixed price of the price list for that item wins over everything (FIXED);
* otherwise the catalogue price less the list's discount % (DISCOUNT), or the plain catalogue price
  when no list applies or its discount is 0 (CATALOGUE);
* a package costs its package price (PACKAGE): a package is already a deal, so the list's discount %
  does not apply to it.

Rounding (Decimal, ROUND_HALF_UP to 0.01 yuan), at exactly these steps:

1. line list amount = catalogue price x billed units (exact: prices have at most 2 decimals);
2. line amount = list amount x (100 - discount %) / 100, rounded per line (DISCOUNT lines only;
   FIXED = fixed price x units and PACKAGE = package price x units are exact);
3. list price = sum of the list amounts; subtotal = sum of the line amounts;
   discount = list price - subtotal (no rounding: sums of rounded amounts);
4. surcharge = subtotal x urgency surcharge % / 100, rounded;
5. tax = (subtotal + surcharge) x VAT rate, rounded;
6. final price = subtotal + surcharge + tax.

So the printed breakdown always adds up to the fen. Rounding per line (not once on the total) is what
lets each line print its own amount and the lines sum to the subtotal.

Validation: every refused line gets an ERROR :class:`LineProblem` and counts as zero; the breakdown is
``ok`` only when no ERROR exists. A retired item is refused on a new line, but a line that was already
on the order (``LineInput.on_order``, e.g. a draft saved before the retirement) keeps its price with a
WARNING. A price (catalogue, package or fixed) with more than two decimals is refused, never rounded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.catalog import PricingUnit
from labdesk.services.problems import Problem

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def money(value: Decimal) -> Decimal:
    """Round to the fen, half up, as Chinese invoices do."""
    return value.quantize(CENT, ROUND_HALF_UP)


def has_fen_precision(value: Decimal) -> bool:
    """Whether ``value`` is a whole number of fen (1.230 is; 1.235 is not)."""
    return value.is_finite() and value == value.quantize(CENT, ROUND_HALF_UP)


# -- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemPrice:
    """One test item as the catalogue prices it."""

    id: int
    code: str
    name: str
    unit_price: Decimal
    pricing_unit: PricingUnit = PricingUnit.PER_SAMPLE
    retired: bool = False


@dataclass(frozen=True)
class PackagePrice:
    id: int
    code: str
    name: str
    price: Decimal
    retired: bool = False


@dataclass(frozen=True)
class CatalogueSnapshot:
    items: Mapping[int, ItemPrice] = field(default_factory=dict)
    packages: Mapping[int, PackagePrice] = field(default_factory=dict)


@dataclass(frozen=True)
class PriceListSnapshot:
    id: int
    name: str
    discount_pct: Decimal = ZERO  # 15.00 = 15 % off the catalogue price
    fixed_prices: Mapping[int, Decimal] = field(default_factory=dict)  # test item id -> fixed price
    valid_from: dt.date | None = None  # None: no limit on that side
    valid_until: dt.date | None = None  # inclusive

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class LineInput:
    """One line as the user entered it; exactly one of ``item_id`` and ``package_id`` is set.

    ``quantity`` and ``count`` are typed loosely on purpose: a form may hand over 2.5 or -1, and the
    engine says what is wrong instead of crashing."""

    item_id: int | None = None
    package_id: int | None = None
    quantity: int | Decimal = 1
    count: int | Decimal = 1  # parameters or points per sample; 1 for per-sample items and packages
    on_order: bool = False  # already saved on the order (a draft from before a retirement keeps it)


@dataclass(frozen=True)
class OrderTerms:
    surcharge_pct: Decimal = ZERO  # urgency surcharge, 50.00 = +50 %
    vat_rate: Decimal = Decimal("0.06")  # a fraction: 0.06 = 6 % VAT on testing services
    on: dt.date | None = None  # pricing date for the price list's validity; None: today


# -- outputs ------------------------------------------------------------------------------------


class PriceSource(StrEnum):
    CATALOGUE = "catalogue"
    DISCOUNT = "discount"  # catalogue price less the price list's discount %
    FIXED = "fixed"  # the price list's fixed price for the item
    PACKAGE = "package"


class Severity(StrEnum):
    ERROR = "error"  # the line is refused and counts as zero
    WARNING = "warning"  # priced, but the user should look


@dataclass(frozen=True)
class LineProblem:
    line: int | None  # 0-based index into the lines; None for the order's terms
    severity: Severity
    problem: Problem


@dataclass(frozen=True)
class PricedLine:
    description: str
    source: PriceSource | None  # None: refused line
    units: int  # billed units = quantity x count (what OrderLine.quantity stores)
    list_unit_price: Decimal  # catalogue or package price
    unit_price: Decimal  # the price per unit used: catalogue, fixed or package price
    discount_pct: Decimal  # applied to this line (DISCOUNT lines only, else 0)
    list_amount: Decimal
    amount: Decimal  # what the customer pays for the line before surcharge and VAT


@dataclass(frozen=True)
class PriceBreakdown:
    lines: tuple[PricedLine, ...]
    price_list: PriceListSnapshot | None  # the list actually applied (None if none or not valid)
    list_price: Decimal
    discount_amount: Decimal
    subtotal: Decimal
    surcharge_pct: Decimal
    surcharge_amount: Decimal
    vat_rate: Decimal
    tax_amount: Decimal
    final_price: Decimal
    problems: tuple[LineProblem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def order_columns(self) -> dict[str, Decimal]:
        """The values of the ``orders`` price columns this breakdown fills in."""
        return {
            "list_price": self.list_price,
            "discount_amount": self.discount_amount,
            "surcharge_pct": self.surcharge_pct,
            "surcharge_amount": self.surcharge_amount,
            "vat_rate": self.vat_rate,
            "tax_amount": self.tax_amount,
            "final_price": self.final_price,
        }


# -- the engine ---------------------------------------------------------------------------------

_REFUSED = PricedLine("", None, 0, ZERO, ZERO, ZERO, ZERO, ZERO)


def _whole(value: int | Decimal) -> int | None:
    """``value`` as a whole number >= 1, or None."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    if isinstance(value, Decimal) and (not value.is_finite() or value != value.to_integral_value()):
        return None
    number = int(value)
    return number if number >= 1 else None


def _bad_price(price: Decimal, code: str) -> Problem | None:
    """Why a catalogue, package or fixed price cannot be used as it is, or None."""
    if not has_fen_precision(price):
        return Problem(
            N(
                "Problem",
                "The price {price} of {code} has more than two decimals. "
                "Correct it in the catalogue or price list to whole fen.",
            ),
            {"code": code, "price": str(price)},
        )
    if price < 0:
        return Problem(
            N(
                "Problem",
                "The price {price} of {code} is negative. Correct it in the catalogue or price list.",
            ),
            {"code": code, "price": str(price)},
        )
    return None


def _price_line(
    line: LineInput,
    index: int,
    catalogue: CatalogueSnapshot,
    price_list: PriceListSnapshot | None,
    problems: list[LineProblem],
) -> PricedLine:
    def refuse(problem: Problem) -> PricedLine:
        problems.append(LineProblem(index, Severity.ERROR, problem))
        return _REFUSED

    if (line.item_id is None) == (line.package_id is None):
        return refuse(Problem(N("Problem", "Choose a test item or a package for this line.")))
    quantity, count = _whole(line.quantity), _whole(line.count)
    if quantity is None:
        return refuse(
            Problem(
                N("Problem", "The quantity {value} is not a whole number of 1 or more. Correct it."),
                {"value": str(line.quantity)},
            )
        )
    if count is None:
        return refuse(
            Problem(
                N("Problem", "The count {value} is not a whole number of 1 or more. Correct it."),
                {"value": str(line.count)},
            )
        )
    if line.package_id is not None:
        package = catalogue.packages.get(line.package_id)
        if package is None:
            return refuse(Problem(N("Problem", "This package is not in the catalogue. Choose another.")))
        code, name, retired, list_unit = package.code, package.name, package.retired, package.price
        per_sample = True
    else:
        item = catalogue.items.get(line.item_id or 0)
        if item is None:
            return refuse(Problem(N("Problem", "This test item is not in the catalogue. Choose another.")))
        code, name, retired, list_unit = item.code, item.name, item.retired, item.unit_price
        per_sample = item.pricing_unit is PricingUnit.PER_SAMPLE
    if retired and not line.on_order:
        return refuse(
            Problem(
                N("Problem", "{code} {name} is retired and no longer offered. Choose another."),
                {"code": code, "name": name},
            )
        )
    if retired:
        problems.append(
            LineProblem(
                index,
                Severity.WARNING,
                Problem(
                    N(
                        "Problem",
                        "{code} {name} was retired after this line was added. It keeps its price; "
                        "replace it if the laboratory no longer does this test.",
                    ),
                    {"code": code, "name": name},
                ),
            )
        )
    if per_sample and count != 1:
        return refuse(
            Problem(
                N("Problem", "{code} is priced per sample or per package: set the count to 1."),
                {"code": code},
            )
        )
    bad = _bad_price(list_unit, code)
    if bad is not None:
        return refuse(bad)
    units = quantity * count
    list_amount = list_unit * units
    description = f"{code} {name}"
    if line.package_id is not None:
        return PricedLine(
            description, PriceSource.PACKAGE, units, list_unit, list_unit, ZERO, list_amount, list_amount
        )
    fixed = price_list.fixed_prices.get(line.item_id or 0) if price_list else None
    if fixed is not None:
        bad = _bad_price(fixed, code)
        if bad is not None:
            return refuse(bad)
        return PricedLine(
            description, PriceSource.FIXED, units, list_unit, fixed, ZERO, list_amount, fixed * units
        )
    pct = price_list.discount_pct if price_list else ZERO
    if pct == 0:
        return PricedLine(
            description, PriceSource.CATALOGUE, units, list_unit, list_unit, ZERO, list_amount, list_amount
        )
    amount = money(list_amount * (HUNDRED - pct) / HUNDRED)
    return PricedLine(
        description, PriceSource.DISCOUNT, units, list_unit, list_unit, pct, list_amount, amount
    )


def _terms_problems(terms: OrderTerms, price_list: PriceListSnapshot | None) -> list[LineProblem]:
    found: list[Problem] = []
    if not terms.surcharge_pct.is_finite() or not 0 <= terms.surcharge_pct <= 500:
        found.append(
            Problem(
                N("Problem", "The urgency surcharge {value} % is not between 0 and 500. Correct it."),
                {"value": str(terms.surcharge_pct)},
            )
        )
    if not terms.vat_rate.is_finite() or not 0 <= terms.vat_rate < 1:
        found.append(
            Problem(
                N("Problem", "The VAT rate {value} is not a fraction from 0 to 1 (0.06 = 6 %). Correct it."),
                {"value": str(terms.vat_rate)},
            )
        )
    if price_list is not None and (
        not price_list.discount_pct.is_finite() or not 0 <= price_list.discount_pct <= 100
    ):
        found.append(
            Problem(
                N("Problem", "The discount {value} % of price list {name} is not between 0 and 100."),
                {"value": str(price_list.discount_pct), "name": price_list.name},
            )
        )
    return [LineProblem(None, Severity.ERROR, p) for p in found]


def price_order(
    catalogue: CatalogueSnapshot,
    lines: Sequence[LineInput],
    terms: OrderTerms = OrderTerms(),
    price_list: PriceListSnapshot | None = None,
) -> PriceBreakdown:
    """The price breakdown of ``lines``; see the module docstring for the rules.

    A ``price_list`` not valid on ``terms.on`` (default today) is ignored, as if none were given.
    When the terms themselves are wrong (a negative surcharge, a 600 % discount) the totals are zero.
    """
    day = terms.on or dt.date.today()
    applied = price_list if price_list is not None and price_list.valid_on(day) else None
    problems = _terms_problems(terms, applied)
    priced = tuple(_price_line(line, i, catalogue, applied, problems) for i, line in enumerate(lines))
    if any(p.line is None for p in problems):
        return PriceBreakdown(
            priced, applied, ZERO, ZERO, ZERO, terms.surcharge_pct, ZERO, terms.vat_rate, ZERO, ZERO,
            tuple(problems),
        )  # fmt: skip
    list_price = sum((p.list_amount for p in priced), ZERO)
    subtotal = sum((p.amount for p in priced), ZERO)
    surcharge = money(subtotal * terms.surcharge_pct / HUNDRED)
    tax = money((subtotal + surcharge) * terms.vat_rate)
    return PriceBreakdown(
        lines=priced,
        price_list=applied,
        list_price=list_price,
        discount_amount=list_price - subtotal,
        subtotal=subtotal,
        surcharge_pct=terms.surcharge_pct,
        surcharge_amount=surcharge,
        vat_rate=terms.vat_rate,
        tax_amount=tax,
        final_price=subtotal + surcharge + tax,
        problems=tuple(problems),
    )
