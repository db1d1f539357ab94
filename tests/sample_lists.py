"""Sample-list import scenarios shared by the SQLite and PostgreSQL tests: workbooks, draft orders, checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labdesk.models import Customer, Order, Sample, TestItem
from labdesk.models.catalog import PricingUnit
from labdesk.models.numbering import CodingCounter, CodingRule
from labdesk.models.orders import OrderLine
from labdesk.services.database import Database
from labdesk.services.sample_import import ImportRejected, import_samples
from tests.custody_cases import demo_database
from tests.instrument_sheets import write_book

HEADERS: list[object] = [
    "name",
    "quantity",
    "specification",
    "sample_type",
    "storage_condition",
    "test_items",
]
ZH_HEADERS: list[object] = ["样品名称", "数量", "规格型号", "样品类型", "存放条件", "检测项目"]
HOSTILE = [
    "Robert'); DROP TABLE samples;--",
    'emoji 🧪 中文 "quotes" \\ back',
    "tab\tand\nnewline ^XZ~JA",  # an xlsx holds no ESC nor most C0 controls; XML turns CR into LF
    "z" * 200,  # exactly the limit of a sample name
]


def demo_with_sample_types(url: str) -> Database:
    """The small demo as the front desk; it keeps the seeded sample types (钢筋, 水泥, 砂 ...)."""
    return demo_database(url, "zhangwei")


def add_draft_order(engine: Engine, order_no: str) -> int:
    """A draft order for the demo's first customer (demo orders are mostly past the draft)."""
    with Session(engine) as session:
        customer_id = session.scalars(select(Customer.id).order_by(Customer.id).limit(1)).one()
        order = Order(
            order_no=order_no, customer_id=customer_id, status="draft", received_date=dt.date.today()
        )
        session.add(order)
        session.commit()
        return order.id


def item_codes(engine: Engine, n: int = 2) -> list[str]:
    """Codes of ``n`` current per-sample test items (their price is quantity x unit price)."""
    with Session(engine) as session:
        return list(
            session.scalars(
                select(TestItem.code)
                .where(TestItem.retired.is_(False), TestItem.pricing_unit == PricingUnit.PER_SAMPLE.value)
                .order_by(TestItem.id)
                .limit(n)
            )
        )


def retire_item(engine: Engine, code: str) -> None:
    with Session(engine) as session:
        session.scalars(select(TestItem).where(TestItem.code == code)).one().retired = True
        session.commit()


def set_per_type(engine: Engine, per_type: bool) -> None:
    with Session(engine) as session:
        rule = session.scalars(select(CodingRule).where(CodingRule.doc_type == "sample")).one()
        rule.per_type = per_type
        if per_type:
            rule.pattern = "{prefix}{type}{yyyy}-{seq}"
        session.commit()


def samples_of(engine: Engine, order_no: str) -> list[Sample]:
    with Session(engine) as session:
        rows = session.scalars(
            select(Sample)
            .join(Order, Sample.order_id == Order.id)
            .where(Order.order_no == order_no)
            .order_by(Sample.id)
        ).all()
        session.expunge_all()
        return list(rows)


def counts(engine: Engine) -> tuple[int, int, list[int]]:
    """(samples, order lines, counter values): what an all-or-nothing refusal must leave alone."""
    with Session(engine) as session:
        return (
            session.scalar(select(func.count()).select_from(Sample)) or 0,
            session.scalar(select(func.count()).select_from(OrderLine)) or 0,
            sorted(session.scalars(select(CodingCounter.last_value))),
        )


def check_import_prices_and_keeps_text(database: Database, engine: Engine, tmp_path: Path) -> None:
    """Hostile text verbatim, Chinese headers, a line per test item, the order priced."""
    add_draft_order(engine, "DRAFT-1")
    first, second = item_codes(engine)
    rows: list[list[object]] = [list(ZH_HEADERS)]
    rows += [[text, 2, text, "", text, f"{first}；{second}"] for text in HOSTILE]
    path = write_book(tmp_path / "list.xlsx", rows)
    result = import_samples(database, path, "DRAFT-1")
    assert len(result.sample_numbers) == len(HOSTILE) and len(set(result.sample_numbers)) == len(HOSTILE)
    assert result.lines == 2 * len(HOSTILE)
    stored = samples_of(engine, "DRAFT-1")
    assert [s.name for s in stored] == HOSTILE
    assert [s.specification for s in stored] == HOSTILE
    assert [s.storage_condition for s in stored] == HOSTILE
    assert [s.sample_no for s in stored] == result.sample_numbers
    assert all(s.quantity == 2 for s in stored)
    with Session(engine) as session:
        order = session.scalars(select(Order).where(Order.order_no == "DRAFT-1")).one()
        lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).all()
        prices = {code: price for code, price in session.execute(select(TestItem.code, TestItem.unit_price))}
        assert len(lines) == 2 * len(HOSTILE)
        assert {line.sample_id for line in lines} == {s.id for s in stored}
        assert all(line.quantity == 2 and line.amount > 0 for line in lines)
        expected = 2 * (prices[first] + prices[second]) * len(HOSTILE)
        assert sum((line.amount for line in lines), Decimal(0)) <= expected  # a price list may discount
        assert order.final_price > 0 and order.version > 1


def check_refusal_writes_nothing(database: Database, engine: Engine, tmp_path: Path) -> None:
    """Every problem listed, row by row, and nothing written (no sample, no line, no number)."""
    add_draft_order(engine, "DRAFT-2")
    good, retired = item_codes(engine)
    retire_item(engine, retired)
    before = counts(engine)
    rows: list[list[object]] = [
        HEADERS,
        ["fine", 1, "", "", "", good],
        ["", 0, "", "no such type", "", f"{good};NOPE-1;NOPE-2"],
        ["x" * 300, "1.5", "s" * 501, "", "", retired],
    ]
    path = write_book(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportRejected) as caught:
        import_samples(database, path, "DRAFT-2")
    texts = [p.text() for p in caught.value.report.problems]
    assert texts[0].startswith("row 3, column A: name is required")
    assert texts[1].startswith("row 3, column B: 0 is not a quantity")
    assert texts[2].startswith("row 3, column D: no such type is not a sample type in use. Use one of:")
    assert "NOPE-1, NOPE-2" in texts[3] and texts[3].startswith("row 3, column F")
    assert texts[4] == "row 4, column A: Too long: 300 characters; at most 200 are allowed."
    assert texts[5].startswith("row 4, column B: 1.5 is not a quantity")
    assert texts[6] == "row 4, column C: Too long: 501 characters; at most 500 are allowed."
    assert texts[7].startswith(f"row 4, column F: Test item(s) {retired} are retired")
    assert len(texts) == 8
    assert counts(engine) == before
