"""Catalogue scenarios shared by the SQLite and PostgreSQL tests: snapshot loading, price list choice,
choosers and the Excel import, each run against a real migrated database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from labdesk.models import (
    AuditLog,
    Contract,
    Customer,
    PriceList,
    PriceListEntry,
    TestItem,
    TestPackage,
    TestPackageItem,
)
from labdesk.models.catalog import PricingUnit
from labdesk.services.catalog import load_pricing, offered_items, offered_packages
from labdesk.services.catalog_import import CatalogImportRejected, import_catalog
from labdesk.services.database import Database
from labdesk.services.pricing import LineInput, OrderTerms, PriceSource, price_order
from tests.instrument_sheets import write_book

D = Decimal
DAY = dt.date(2026, 6, 1)
HOSTILE = '架\t^XZ\'; DROP TABLE test_items;--🙂 "引号"'


def seed(db: Database) -> dict[str, int]:
    """Items, a package, two customers, a contract and four price lists; returns their ids by name."""
    with db.session() as s:
        c1 = TestItem(code="C01", name="混凝土抗压强度", standard="GB/T 50081-2019", unit_price=D("120.00"))
        r1 = TestItem(
            code="R01", name="钢筋拉伸", unit_price=D("85.50"), pricing_unit=PricingUnit.PER_PARAMETER
        )
        x1 = TestItem(code="X01", name="旧方法回弹 100%_match", unit_price=D("60.00"), retired=True)
        k1 = TestPackage(code="K01", name="混凝土全项", price=D("300.00"))
        k2 = TestPackage(code="K02", name="旧套餐", price=D("200.00"), retired=True)
        s.add_all([c1, r1, x1, k1, k2])
        s.flush()
        k1.items.append(TestPackageItem(test_item_id=c1.id))
        k1.items.append(TestPackageItem(test_item_id=r1.id))
        alpha, beta = Customer(code="CU1", name="甲公司"), Customer(code="CU2", name="乙公司")
        s.add_all([alpha, beta])
        s.flush()
        contract = Contract(contract_no="HT1", title="框架合同", customer_id=alpha.id)
        s.add(contract)
        s.flush()
        lists = {
            "old": PriceList(name="2025", customer_id=alpha.id, discount_pct=D("30"),
                             valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2025, 12, 31)),
            "general": PriceList(name="2026", customer_id=alpha.id, discount_pct=D("10"),
                                 valid_from=dt.date(2026, 1, 1), valid_until=dt.date(2026, 12, 31)),
            "open": PriceList(name="长期", customer_id=alpha.id, discount_pct=D("5")),
            "contract": PriceList(name="合同价", customer_id=alpha.id, contract_id=contract.id,
                                  discount_pct=D("15"), valid_from=dt.date(2026, 3, 1),
                                  valid_until=dt.date(2026, 8, 31)),
        }  # fmt: skip
        s.add_all(lists.values())
        s.flush()
        s.add(PriceListEntry(price_list_id=lists["contract"].id, test_item_id=r1.id, fixed_price=D("70.00")))
        ids = {"C01": c1.id, "R01": r1.id, "X01": x1.id, "K01": k1.id, "K02": k2.id}
        ids |= {"alpha": alpha.id, "beta": beta.id, "contract": contract.id}
        return ids | {f"list:{k}": v.id for k, v in lists.items()}


def check_snapshot_and_price_list_choice(db: Database) -> None:
    ids = seed(db)
    alpha, contract = ids["alpha"], ids["contract"]
    pricing = load_pricing(db, alpha, contract, DAY)
    items = pricing.catalogue.items
    assert set(items) == {ids["C01"], ids["R01"], ids["X01"]}  # retired ones too: old drafts price them
    assert items[ids["R01"]].pricing_unit is PricingUnit.PER_PARAMETER
    assert items[ids["X01"]].retired and pricing.catalogue.packages[ids["K02"]].retired
    assert pricing.price_list is not None and pricing.price_list.id == ids["list:contract"]
    assert pricing.price_list.fixed_prices == {ids["R01"]: D("70.00")}
    # The contract's list has ended on 2026-09-01: the customer's 2026 list (latest start) applies.
    assert _chosen(db, alpha, contract, dt.date(2026, 9, 1)) == ids["list:general"]
    assert _chosen(db, alpha, None, DAY) == ids["list:general"]  # no contract: not the contract's list
    assert _chosen(db, alpha, None, dt.date(2025, 6, 1)) == ids["list:old"]
    assert _chosen(db, alpha, None, dt.date(2027, 6, 1)) == ids["list:open"]  # only the open-ended one
    assert _chosen(db, ids["beta"], None, DAY) is None
    assert _chosen(db, None, None, DAY) is None
    # End to end: the loaded inputs price an order as the rules say.
    lines = [
        LineInput(item_id=ids["C01"]),
        LineInput(item_id=ids["R01"], count=2),
        LineInput(package_id=ids["K01"]),
    ]
    b = price_order(pricing.catalogue, lines, OrderTerms(D("0"), D("0.06"), DAY), pricing.price_list)
    assert [line.source for line in b.lines] == [PriceSource.DISCOUNT, PriceSource.FIXED, PriceSource.PACKAGE]
    # 120 less 15 % = 102.00; 2 x 70.00 = 140.00; package 300.00 -> 542.00; VAT 32.52
    assert (b.subtotal, b.tax_amount, b.final_price) == (D("542.00"), D("32.52"), D("574.52"))


def _chosen(db: Database, customer: int | None, contract: int | None, day: dt.date) -> int | None:
    chosen = load_pricing(db, customer, contract, day).price_list
    return chosen.id if chosen else None


def check_choosers(db: Database) -> None:
    seed(db)
    assert [i.code for i in offered_items(db)] == ["C01", "R01"]  # X01 retired: not offered
    assert [i.code for i in offered_items(db, "50081")] == ["C01"]  # by standard
    assert [i.code for i in offered_items(db, " 钢筋 ")] == ["R01"]
    assert offered_items(db, "100%_") == []  # wildcards match literally, and retired stays hidden
    assert offered_items(db, "'; DROP TABLE") == []
    packages = offered_packages(db)
    assert [(p.code, p.item_codes) for p in packages] == [("K01", ("C01", "R01"))]
    assert offered_packages(db, "旧") == []


CATALOG_HEADERS = [
    "项目编号",
    "项目名称",
    "检测标准",
    "参数",
    "单价",
    "计价单位",
    "周期（天）",
    "所需资质",
    "部门",
]


def check_import(db: Database, tmp_path: Path) -> None:
    good = write_book(
        tmp_path / "ok.xlsx",
        [
            CATALOG_HEADERS,
            ["T01", "抗压强度", "GB/T 50081-2019", "抗压", 120, "按样品", 3, "CMA", "建材室"],
            ["T02", HOSTILE, None, None, "85.50", "per_parameter", None, None, None],
            [None] * 9,  # blank rows are skipped
            [" T03 ", "平整度", None, None, 12.35, "按点", "7", None, None],
            ["T04", "z" * 200, None, None, 0, None, None, None, None],
        ],
    )
    report, added = import_catalog(db, good, dry_run=True)
    assert (len(report.rows), added) == (4, 0)
    assert _count(db) == 0
    report, added = import_catalog(db, good)
    assert added == 4
    with db.read_session() as s:
        rows = {t.code: t for t in s.scalars(select(TestItem))}
        assert rows["T02"].name == HOSTILE  # kept verbatim
        assert rows["T02"].pricing_unit == "per_parameter" and rows["T02"].unit_price == D("85.50")
        assert rows["T03"].unit_price == D("12.35") and rows["T03"].turnaround_days == 7
        assert rows["T04"].pricing_unit == "per_sample"  # the default
        assert rows["T01"].standard == "GB/T 50081-2019" and rows["T01"].department == "建材室"
        audited = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "test_items")
        )
        assert audited == 4


def check_import_refusals(db: Database, tmp_path: Path) -> None:
    seed(db)
    bad = write_book(
        tmp_path / "bad.xlsx",
        [
            ["code", "name", "unit_price", "pricing_unit", "turnaround_days"],
            ["N01", "好的一行", 10, None, None],
            ["N02", "三位小数", 10.005, None, None],
            ["N03", "负价", -1, None, None],
            ["C01", "已有编号", 1, None, None],
            ["N01", "重复编号", 1, "按批", 0],
            [None, None, "abc", None, 2.5],
        ],
    )
    with pytest.raises(CatalogImportRejected) as caught:
        import_catalog(db, bad)
    assert [p.text() for p in caught.value.report.problems] == [
        "row 3, column C: The price 10.005 has more than two decimals. Write it to the fen, such as 85.50.",
        "row 4, column C: The price -1 is negative or too large. Correct it.",
        "row 5: Code C01 is already in the catalogue. Use another code.",
        "row 6, column A: Code N01 is already used on row 2. Each code may appear once.",
        "row 6, column D: 按批 is not a pricing unit. Use 按样品, 按参数 or 按点.",
        "row 6, column E: 0 is not a turnaround in days. Use a whole number from 1 to 365.",
        "row 7, column A: code is required. Fill it in.",
        "row 7, column B: name is required. Fill it in.",
        "row 7, column C: abc is not a price. Write a number such as 120 or 85.50.",
        "row 7, column E: 2.5 is not a turnaround in days. Use a whole number from 1 to 365.",
    ]
    assert _count(db) == 3  # all or nothing: the good row N01 was not added either
    headers = write_book(tmp_path / "headers.xlsx", [["编号", "价格", "名称", "名称"], ["A", 1, "x", "y"]])
    with pytest.raises(CatalogImportRejected) as caught:
        import_catalog(db, headers, dry_run=True)
    assert [p.text() for p in caught.value.report.problems] == [
        "row 1: The sheet has no unit_price column. Use the catalogue's headers.",
        "row 1, column B: Unknown column header 价格. Use the catalogue's headers.",
        "row 1, column D: Column 名称 appears twice. Keep one.",
    ]


def _count(db: Database) -> int:
    with db.read_session() as s:
        return s.scalar(select(func.count()).select_from(TestItem)) or 0
