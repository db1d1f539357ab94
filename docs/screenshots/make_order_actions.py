"""Regenerate order-actions.png (an order's workflow dialog with its history) and intake-queue.png
(the intake queue with three pending external orders), in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_order_actions.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's front
desk clerk (zhangwei, 张伟). Pending orders are added through ``order_workflow.submit_external_order``
(what a customer portal would call) until the queue holds three.
"""

from __future__ import annotations

import shutil
import sys

from shots import demo_database, save, scratch_environment, settle

_scratch = scratch_environment("zhangwei")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from labdesk.models import Customer, Order, WorkflowEvent  # noqa: E402
from labdesk.services import catalog, order_workflow, orders  # noqa: E402
from labdesk.services.database import Database  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.order_drafts import LineDraft, OrderDraft, SampleDraft  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.intake_queue import IntakeQueueDialog  # noqa: E402
from labdesk.ui.order_actions import OrderActionsDialog  # noqa: E402

REQUESTS = (  # customer's note, samples (name, quantity), test items
    ("官网提交：外墙砖 2 组，请于周五前出报告。", (("外墙砖 300×600", 2), ("外墙砖 200×400", 1)), 2),
    ("送样人：刘工 138-0000-0000；样品自取。", (("C30 混凝土试块", 3),), 1),
    ("", (("防水卷材 SBS", 1), ("防水涂料 JS", 1)), 3),
)


def fill_queue(database: Database) -> None:
    """Three pending orders from outside, unless the demo already seeded them."""
    missing = 3 - len(order_workflow.intake_queue(database))
    items = catalog.offered_items(database, "", 10)
    kinds = orders.sample_types(database)
    with database.read_session() as session:
        customers = session.scalars(select(Customer.id).where(Customer.status == "active")
                                    .order_by(Customer.id).limit(3)).all()
    for n, (note, samples, item_count) in enumerate(REQUESTS[:max(missing, 0)]):
        sample_drafts = tuple(SampleDraft(f"s{k}", name, kinds[k % len(kinds)].name if kinds else "",
                                          quantity) for k, (name, quantity) in enumerate(samples))
        lines = tuple(LineDraft(item_id=items[(n + k) % len(items)].id) for k in range(item_count))
        draft = OrderDraft(customer_id=customers[n % len(customers)], notes=note, samples=sample_drafts,
                           lines=lines)
        order_workflow.submit_external_order(database, draft)


def order_with_history(database: Database) -> int:
    """A fee-confirmed order (the front desk may accept or cancel it) with the longest history."""
    with database.read_session() as session:
        steps = (select(func.count()).where(WorkflowEvent.doc_type == order_workflow.ORDER_WORKFLOW.doc_type,
                                            WorkflowEvent.record_id == Order.id).scalar_subquery())
        return session.scalars(select(Order.id).where(Order.status == "finance_confirmed")
                               .order_by(steps.desc(), Order.id).limit(1)).one()


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=10, orders=60, samples=80))
    try:
        order_id = order_with_history(database)
        dialog = OrderActionsDialog(database, order_id)
        dialog.resize(900, 520)
        dialog.show()
        settle(app, lambda: dialog.summary is not None)
        save(dialog, "order-actions.png")
        dialog.close()

        fill_queue(database)
        queue = IntakeQueueDialog(database)
        queue.resize(980, 380)
        queue.show()
        settle(app, lambda: len(queue.rows) >= 3)
        queue.table.selectRow(0)
        settle(app)
        save(queue, "intake-queue.png")
        queue.close()
    finally:
        database.dispose()
        shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
