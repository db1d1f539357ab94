"""Live re-pricing of a 200-line order after one line changes: the engine beside a naive anchor.

    python benchmarks/pricing.py [--lines 200] [--items 500] [--rounds 50] [--url URL]

Without ``--url`` the benchmark builds a migrated SQLite file of its own in a temporary directory;
with ``--url`` (e.g. an empty PostgreSQL database) it adds its rows there and deletes them at the end.
The catalogue holds ``--items`` test items (a third each per sample / parameter / point) and one
customer price list (10 % off, fixed prices for 20 items); the order mixes all of them.

* **engine**: ``pricing.price_order`` on the snapshot ``catalog.load_pricing`` read once when the
  order was opened; each round changes one line's quantity and re-prices the whole order.
* **load**: ``catalog.load_pricing`` itself (what opening the order form costs, once).
* **naive**: what a straightforward ORM version does per change: for every line, ``session.get`` the
  test item and query the price list entry, then do the arithmetic (same rules), in a new session.

Reported: median and 95th percentile milliseconds per recalculation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, select

from labdesk.models import Customer, PriceList, PriceListEntry, TestItem
from labdesk.models.catalog import PricingUnit
from labdesk.services.catalog import load_pricing
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.migrations import upgrade
from labdesk.services.pricing import LineInput, OrderTerms, money, price_order

UNITS = (PricingUnit.PER_SAMPLE, PricingUnit.PER_PARAMETER, PricingUnit.PER_POINT)
DAY = dt.date(2026, 6, 1)
PREFIX = "BENCH-"


def _seed(db: Database, n_items: int) -> tuple[int, list[int]]:
    with db.session() as s:
        items = [
            TestItem(
                code=f"{PREFIX}{i:05d}",
                name=f"检测项目 {i}",
                unit_price=Decimal(50 + i % 400) + Decimal("0.35"),
                pricing_unit=UNITS[i % 3].value,
            )
            for i in range(n_items)
        ]
        customer = Customer(code=f"{PREFIX}C", name="基准客户")
        s.add_all([*items, customer])
        s.flush()
        price_list = PriceList(name="基准协议价", customer_id=customer.id, discount_pct=Decimal("10"))
        s.add(price_list)
        s.flush()
        s.add_all(
            PriceListEntry(price_list_id=price_list.id, test_item_id=t.id, fixed_price=t.unit_price - 5)
            for t in items[::25][:20]
        )
        return customer.id, [t.id for t in items]


def _naive(db: Database, customer_id: int, lines: list[LineInput], terms: OrderTerms) -> Decimal:
    """Per line: the item and its fixed price read through the ORM; the same rounding rules."""
    with db.read_session() as s:
        price_list = s.scalars(select(PriceList).where(PriceList.customer_id == customer_id)).first()
        subtotal = Decimal("0.00")
        for line in lines:
            item = s.get(TestItem, line.item_id)
            assert item is not None and price_list is not None
            fixed = s.scalar(
                select(PriceListEntry.fixed_price).where(
                    PriceListEntry.price_list_id == price_list.id, PriceListEntry.test_item_id == item.id
                )
            )
            units = int(line.quantity) * int(line.count)
            if fixed is not None:
                subtotal += fixed * units
            else:
                subtotal += money(item.unit_price * units * (100 - price_list.discount_pct) / 100)
            s.expire_all()  # a naive form re-reads each time rather than trusting a stale identity map
        surcharge = money(subtotal * terms.surcharge_pct / 100)
        return subtotal + surcharge + money((subtotal + surcharge) * terms.vat_rate)


def _time(rounds: int, step: Callable[[int], object]) -> list[float]:
    timings = []
    for n in range(rounds):
        start = time.perf_counter()
        step(n)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _row(name: str, ms: list[float]) -> str:
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) >= 2 else ms[0]
    return f"{name:<34}{statistics.median(ms):>10.3f}{p95:>10.3f}"


def run(db: Database, n_lines: int, n_items: int, rounds: int) -> None:
    customer_id, item_ids = _seed(db, n_items)
    picks = [(i * 7) % n_items for i in range(n_lines)]  # item k is priced UNITS[k % 3]
    lines = [LineInput(item_id=item_ids[k], quantity=1 + k % 3, count=1 if k % 3 == 0 else 4) for k in picks]
    terms = OrderTerms(Decimal("50"), Decimal("0.06"), DAY)
    inputs = load_pricing(db, customer_id, None, DAY)
    loads = _time(max(5, rounds // 5), lambda n: load_pricing(db, customer_id, None, DAY))

    def engine_step(n: int) -> object:
        lines[n % n_lines] = replace(lines[n % n_lines], quantity=1 + n % 5)
        return price_order(inputs.catalogue, lines, terms, inputs.price_list)

    def naive_step(n: int) -> object:
        lines[n % n_lines] = replace(lines[n % n_lines], quantity=1 + n % 5)
        return _naive(db, customer_id, lines, terms)

    engine = _time(rounds, engine_step)
    naive = _time(max(5, rounds // 5), naive_step)
    breakdown = price_order(inputs.catalogue, lines, terms, inputs.price_list)
    assert breakdown.ok, breakdown.problems
    same = breakdown.final_price == _naive(db, customer_id, lines, terms)
    print(f"{db.target.url.split('://')[0]}: {n_lines} lines, {n_items} catalogue items, {rounds} rounds")
    print(f"{'case':<34}{'median ms':>10}{'p95 ms':>10}")
    print(_row("engine: re-price after one change", engine))
    print(_row("load_pricing (once per form)", loads))
    print(_row("naive: ORM reads per line", naive))
    print(f"engine and naive agree on the final price: {same}")


def _cleanup(db: Database) -> None:
    with db.session() as s:
        ids = select(TestItem.id).where(TestItem.code.startswith(PREFIX))
        s.execute(delete(PriceListEntry).where(PriceListEntry.test_item_id.in_(ids)))
        s.execute(delete(PriceList).where(PriceList.name == "基准协议价"))
        s.execute(delete(TestItem).where(TestItem.code.startswith(PREFIX)))
        s.execute(delete(Customer).where(Customer.code == f"{PREFIX}C"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--url", help="an existing, migrated database to add the benchmark rows to")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            engine = make_engine(url)
            upgrade(engine)
            engine.dispose()
        db = open_database(DatabaseTarget(url, UrlSource.CLI))
        try:
            run(db, args.lines, args.items, args.rounds)
        finally:
            if args.url is not None:
                _cleanup(db)
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
