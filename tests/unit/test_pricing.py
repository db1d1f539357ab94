"""The pricing rules as a table of worked examples (each expected figure worked out by hand, see
docs/pricing.md), plus the properties every breakdown must have."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from labdesk.models.catalog import PricingUnit
from labdesk.services.pricing import (
    CatalogueSnapshot,
    ItemPrice,
    LineInput,
    OrderTerms,
    PackagePrice,
    PriceBreakdown,
    PriceListSnapshot,
    PriceSource,
    Severity,
    money,
    price_order,
)

D = Decimal
ON = dt.date(2026, 6, 1)
S, P, T = PricingUnit.PER_SAMPLE, PricingUnit.PER_PARAMETER, PricingUnit.PER_POINT
CATALOGUE = CatalogueSnapshot(
    items={
        1: ItemPrice(1, "C01", "混凝土抗压强度", D("120.00"), S),
        2: ItemPrice(2, "R01", "钢筋拉伸", D("85.50"), P),
        3: ItemPrice(3, "F01", "平整度", D("12.35"), T),
        4: ItemPrice(4, "X01", "旧方法回弹", D("60.00"), S, retired=True),
        5: ItemPrice(5, "B01", "错价项目", D("10.005"), S),  # a price typed with three decimals
        6: ItemPrice(6, "V01", "含水率", D("33.75"), S),
        7: ItemPrice(7, "W01", "细度", D("10.05"), S),
    },
    packages={
        1: PackagePrice(1, "K01", "混凝土全项", D("300.00")),
        2: PackagePrice(2, "K02", "旧套餐", D("200.00"), retired=True),
    },
)
PL15 = PriceListSnapshot(
    1, "协议价2026", D("15.00"), {2: D("70.00")}, dt.date(2026, 1, 1), dt.date(2026, 12, 31)
)
PL10 = PriceListSnapshot(2, "九折", D("10.00"))
EXPIRED = PriceListSnapshot(
    3, "协议价2025", D("20.00"), {1: D("50.00")}, dt.date(2025, 1, 1), dt.date(2025, 12, 31)
)
BAD_FIXED = PriceListSnapshot(4, "错价", D("0"), {1: D("99.999")})


def item(
    item_id: int, quantity: int | Decimal = 1, count: int | Decimal = 1, *, old: bool = False
) -> LineInput:
    return LineInput(item_id=item_id, quantity=quantity, count=count, on_order=old)


def package(package_id: int, quantity: int = 1) -> LineInput:
    return LineInput(package_id=package_id, quantity=quantity)


@dataclass(frozen=True)
class Case:
    name: str
    lines: list[LineInput]
    # per line: (source or None if refused, billed units, unit price used, amount)
    expected_lines: list[tuple[PriceSource | None, int, str, str]]
    # list price, discount, subtotal, surcharge, tax, final
    totals: tuple[str, str, str, str, str, str]
    problems: list[tuple[int | None, Severity]] = ()  # type: ignore[assignment]  # an empty default
    price_list: PriceListSnapshot | None = None
    surcharge_pct: str = "0"
    applied: bool = True  # whether price_list is in force on ON


CE, CA, DI, FX, PK = PriceSource.CATALOGUE, None, PriceSource.DISCOUNT, PriceSource.FIXED, PriceSource.PACKAGE
ERR, WARN = Severity.ERROR, Severity.WARNING
CASES = [
    # 3 samples x 120.00 = 360.00; VAT 360.00 x 0.06 = 21.60
    Case("per-sample item x 3", [item(1, 3)], [(CE, 3, "120.00", "360.00")],
         ("360.00", "0.00", "360.00", "0.00", "21.60", "381.60")),
    # 2 samples x 3 parameters = 6 units x 85.50 = 513.00; VAT 30.78
    Case("per-parameter item", [item(2, 2, 3)], [(CE, 6, "85.50", "513.00")],
         ("513.00", "0.00", "513.00", "0.00", "30.78", "543.78")),
    # 7 points x 12.35 = 86.45; VAT 5.187 -> 5.19
    Case("per-point item", [item(3, 1, 7)], [(CE, 7, "12.35", "86.45")],
         ("86.45", "0.00", "86.45", "0.00", "5.19", "91.64")),
    # 2 packages x 300.00; VAT 36.00
    Case("package", [package(1, 2)], [(PK, 2, "300.00", "600.00")],
         ("600.00", "0.00", "600.00", "0.00", "36.00", "636.00")),
    # 120.00 less 15 % = 102.00; discount 18.00; VAT 6.12
    Case("price list discount 15 %", [item(1)], [(DI, 1, "120.00", "102.00")],
         ("120.00", "18.00", "102.00", "0.00", "6.12", "108.12"), price_list=PL15),
    # R01 fixed 70.00 x 2 parameters = 140.00 (list 171.00, not 15 % off); package not discounted: 300.00
    # list 471.00, subtotal 440.00, discount 31.00; VAT 26.40
    Case("fixed price beats discount; package keeps its price", [item(2, 1, 2), package(1)],
         [(FX, 2, "70.00", "140.00"), (PK, 1, "300.00", "300.00")],
         ("471.00", "31.00", "440.00", "0.00", "26.40", "466.40"), price_list=PL15),
    # the 2025 list (20 % off, C01 fixed at 50.00) has expired on 2026-06-01: catalogue price
    Case("expired price list ignored", [item(1)], [(CE, 1, "120.00", "120.00")],
         ("120.00", "0.00", "120.00", "0.00", "7.20", "127.20"), price_list=EXPIRED, applied=False),
    # 120.00 + 3 x 12.35 = 157.05; +50 % = 78.525 -> 78.53; VAT 235.58 x 0.06 = 14.1348 -> 14.13
    Case("urgency 50 %", [item(1), item(3, 1, 3)], [(CE, 1, "120.00", "120.00"), (CE, 3, "12.35", "37.05")],
         ("157.05", "0.00", "157.05", "78.53", "14.13", "249.71"), surcharge_pct="50"),
    # VAT 33.75 x 0.06 = 2.025 exactly: half-up gives 2.03 (banker's rounding would give 2.02)
    Case("VAT 6 % half-up at .005", [item(6)], [(CE, 1, "33.75", "33.75")],
         ("33.75", "0.00", "33.75", "0.00", "2.03", "35.78")),
    # 10.05 less 10 % = 9.045 -> 9.05 per line; two lines 18.10 (18.09 if rounded once on 20.10)
    Case("discount rounded per line", [item(7), item(7)], [(DI, 1, "10.05", "9.05")] * 2,
         ("20.10", "2.00", "18.10", "0.00", "1.09", "19.19"), price_list=PL10),
    Case("no lines", [], [], ("0.00", "0.00", "0.00", "0.00", "0.00", "0.00")),
    # X01 retired after the draft was saved: kept at 60.00 with a warning; VAT 3.60
    Case("retired item on an old draft", [item(4, old=True)], [(CE, 1, "60.00", "60.00")],
         ("60.00", "0.00", "60.00", "0.00", "3.60", "63.60"), [(0, WARN)]),
    Case("retired item or package on a new line", [item(4), package(2)], [(CA, 0, "0.00", "0.00")] * 2,
         ("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), [(0, ERR), (1, ERR)]),
    # B01 costs 10.005: refused, not rounded; C01 still priced
    Case("price with three decimals refused", [item(5), item(1)], [(CA, 0, "0.00", "0.00"),
         (CE, 1, "120.00", "120.00")], ("120.00", "0.00", "120.00", "0.00", "7.20", "127.20"), [(0, ERR)]),
    Case("fixed price with three decimals refused", [item(1)], [(CA, 0, "0.00", "0.00")],
         ("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), [(0, ERR)], price_list=BAD_FIXED),
    Case("zero, negative and fractional quantities refused",
         [item(1, 0), item(1, -2), item(1, D("2.5")), item(3, 1, 0), item(1, 1, 2), package(1, -1)],
         [(CA, 0, "0.00", "0.00")] * 6, ("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
         [(i, ERR) for i in range(6)]),
    Case("a line with both an item and a package refused", [LineInput(item_id=1, package_id=1), LineInput()],
         [(CA, 0, "0.00", "0.00")] * 2, ("0.00",) * 6, [(0, ERR), (1, ERR)]),
    # 200 x (120.00 less 15 % = 102.00) = 20,400.00; +50 % = 10,200.00; VAT 30,600.00 x 0.06 = 1,836.00
    Case("200 lines", [item(1)] * 200, [(DI, 1, "120.00", "102.00")] * 200,
         ("24000.00", "3600.00", "20400.00", "10200.00", "1836.00", "32436.00"), price_list=PL15,
         surcharge_pct="50"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_worked_example(case: Case) -> None:
    breakdown = price_order(
        CATALOGUE, case.lines, OrderTerms(D(case.surcharge_pct), D("0.06"), ON), case.price_list
    )
    got_lines = [(p.source, p.units, str(p.unit_price), str(p.amount)) for p in breakdown.lines]
    assert got_lines == [(s, u, price, amount) for s, u, price, amount in case.expected_lines]
    got = (
        breakdown.list_price, breakdown.discount_amount, breakdown.subtotal,
        breakdown.surcharge_amount, breakdown.tax_amount, breakdown.final_price,
    )  # fmt: skip
    assert tuple(str(v) for v in got) == case.totals
    assert [(p.line, p.severity) for p in breakdown.problems] == list(case.problems)
    assert breakdown.ok == all(s is not ERR for _, s in case.problems)
    assert breakdown.price_list == (case.price_list if case.applied else None)
    _adds_up(breakdown)


def _adds_up(b: PriceBreakdown) -> None:
    """What every printed breakdown must satisfy, whatever the inputs."""
    for v in (b.list_price, b.discount_amount, b.subtotal, b.surcharge_amount, b.tax_amount, b.final_price):
        assert v == money(v) and v.as_tuple().exponent == -2
    assert b.list_price - b.discount_amount == b.subtotal == sum((p.amount for p in b.lines), D(0))
    assert b.final_price == b.subtotal + b.surcharge_amount + b.tax_amount
    for line in b.lines:
        assert line.list_amount == line.list_unit_price * line.units


def test_problem_sentences_name_the_item_and_the_fix() -> None:
    b = price_order(CATALOGUE, [item(4), item(4, old=True), item(5), item(1, 0)], OrderTerms(on=ON))
    texts = [str(p.problem) for p in b.problems]
    assert texts[0] == "X01 旧方法回弹 is retired and no longer offered. Choose another."
    assert texts[1].startswith("X01 旧方法回弹 was retired after this line was added. It keeps its price")
    assert texts[2] == (
        "The price 10.005 of B01 has more than two decimals. "
        "Correct it in the catalogue or price list to whole fen."
    )
    assert texts[3] == "The quantity 0 is not a whole number of 1 or more. Correct it."


@pytest.mark.parametrize(
    ("terms", "price_list"),
    [
        (OrderTerms(D("-5"), D("0.06"), ON), None),
        (OrderTerms(D("0"), D("6"), ON), None),  # 6 typed for 6 %: refused, not 600 % VAT
        (OrderTerms(D("0"), D("0.06"), ON), replace(PL10, discount_pct=D("120"))),
    ],
)
def test_wrong_terms_refuse_the_order(terms: OrderTerms, price_list: PriceListSnapshot | None) -> None:
    b = price_order(CATALOGUE, [item(1)], terms, price_list)
    assert not b.ok and [p.line for p in b.problems] == [None]
    assert b.final_price == D("0.00")


def test_price_list_validity_bounds_are_inclusive() -> None:
    for day, applied in ((dt.date(2025, 12, 31), False), (dt.date(2026, 1, 1), True),
                         (dt.date(2026, 12, 31), True), (dt.date(2027, 1, 1), False)):  # fmt: skip
        b = price_order(CATALOGUE, [item(1)], OrderTerms(on=day), PL15)
        assert b.subtotal == (D("102.00") if applied else D("120.00")), day
