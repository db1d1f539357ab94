"""The order form's live price: one quantity edit in a 200-line order, through the real widgets.

    QT_QPA_PLATFORM=offscreen python benchmarks/order_form.py [--samples 50] [--per-sample 4] [--rounds 50]

``benchmarks/pricing.py`` times the pricing engine alone; this times what the front desk waits for
after typing a quantity in the form: the lines model's setData, the form reading its draft back from
the tables, ``order_drafts.price_draft``, the breakdown panel and the lines' priced columns, and
Qt painting the dialog (offscreen) — everything until the new total is on screen.

The catalogue and price list are ``benchmarks/pricing.py``'s (500 items, a third each per sample /
parameter / point, 10 % off, 20 fixed prices) in a migrated SQLite file of its own.

Anchor, measured in the same run: ``price_draft`` alone on the same draft (the engine's share).
Reported: median and 95th percentile milliseconds per change.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pricing import DAY, _seed  # the same catalogue as the engine benchmark

from labdesk.services import order_drafts
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import open_database
from labdesk.services.migrations import upgrade
from labdesk.services.orders import CustomerChoice
from labdesk.ui.order_form import OrderFormDialog
from labdesk.ui.order_form_lines import QUANTITY, Choice
from labdesk.ui.order_form_samples import NAME


def _settle(app: QApplication, until: object = None) -> None:
    for _ in range(2000):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        done = until() if callable(until) else True
        if done and QThreadPool.globalInstance().activeThreadCount() == 0:
            return
    raise TimeoutError("the form did not settle")


def _row(name: str, ms: list[float]) -> str:
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) >= 2 else ms[0]
    return f"{name:<44}{statistics.median(ms):>10.2f}{p95:>10.2f}"


def run(app: QApplication, url: str, n_samples: int, per_sample: int, rounds: int) -> None:
    db = open_database(DatabaseTarget(url, UrlSource.CLI))
    try:
        customer_id, item_ids = _seed(db, 500)
        form = OrderFormDialog(db)
        form.resize(1400, 860)
        form.show()
        _settle(app, lambda: form.inputs is not None)
        form.picker.choose(CustomerChoice(customer_id, "BENCH-C", "基准客户", "active"))
        form.terms.received.set_value(DAY)
        _settle(app, lambda: form.inputs is not None and form._pricing_key is not None
                and form._pricing_key[0] == customer_id)
        for s in range(n_samples):
            row = form.samples.model.add()
            form.samples.edit_cell(row, NAME, f"样品 {s}")
            key = form.samples.model.rows[row].key
            picks = [item_ids[(s * per_sample + k) * 7 % len(item_ids)] for k in range(per_sample)]
            form.lines.add_choices([Choice(item, None) for item in picks], key)
        form.refresh()
        _settle(app)
        n_lines = len(form.lines.model.rows)
        assert form.breakdown is not None and form.breakdown.ok, form.breakdown

        changes: list[float] = []
        for n in range(rounds):
            start = time.perf_counter()
            form.lines.edit_cell(n % n_lines, QUANTITY, 1 + n % 5)
            app.processEvents()  # the repaint: until the new total is on screen
            changes.append((time.perf_counter() - start) * 1000)
        draft = form.current_draft()
        inputs = form.inputs
        assert inputs is not None
        engine: list[float] = []
        for _ in range(rounds):
            start = time.perf_counter()
            breakdown = order_drafts.price_draft(inputs, draft)
            engine.append((time.perf_counter() - start) * 1000)
        assert form.breakdown is not None and breakdown.final_price == form.breakdown.final_price
        print(f"order form, {n_samples} samples x {per_sample} tests = {n_lines} lines, {rounds} changes")
        print(f"{'case':<44}{'median ms':>10}{'p95 ms':>10}")
        print(_row("form: edit a quantity until the total shows", changes))
        print(_row("anchor: price_draft alone", engine))
        form.base = form.current_draft()  # nothing to ask about on close
        form.close()
        _settle(app)
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--per-sample", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        run(app, url, args.samples, args.per_sample, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
