"""Regenerate order-form.png: the order form (委托单) filled in as the front desk would — a customer,
three samples, six test lines, urgent terms — with its live price breakdown, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_order_form.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's
front desk clerk (zhangwei, 张伟). The order is saved, so the form shows its order and sample numbers.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys

from shots import HERE, demo_database, scratch_environment, settle

_scratch = scratch_environment("zhangwei")

from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services import catalog, order_drafts, orders  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.order_form import OrderFormDialog  # noqa: E402
from labdesk.ui.order_form_lines import COUNT, Choice  # noqa: E402
from labdesk.ui.order_form_samples import NAME, QUANTITY, RETENTION, SPEC, TYPE, UNIT  # noqa: E402

SAMPLES = [  # name, type, quantity, unit, specification, retention
    ("C30 混凝土抗压试块", "混凝土", 3, "组", "150×150×150 mm，28 d", "dispose"),
    ("HRB400E 钢筋原材", "钢筋", 2, "组", "Φ20，每组 2 根", "retain"),
    ("P.O 42.5 水泥", "水泥", 1, "袋", "12 kg", "return_to_customer"),
]


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=10, orders=20, samples=20))
    try:
        form = OrderFormDialog(database)
        form.resize(1400, 860)
        form.show()
        settle(app, lambda: form.inputs is not None)
        found = orders.find_customers(database, "公司") or orders.find_customers(database, "")
        today = dt.date.today()
        # a customer with a price list in force, so the discount shows (else the first one)
        customer = next((c for c in found if catalog.load_pricing(database, c.id, None, today).price_list),
                        found[0])
        form.picker.choose(customer)
        settle(app, lambda: form.inputs is not None and form._pricing_key is not None
               and form._pricing_key[0] == customer.id)
        for row_data in SAMPLES:
            name, kind, quantity, unit, spec, retention = row_data
            row = form.samples.model.add()
            for column, value in ((NAME, name), (TYPE, kind), (QUANTITY, quantity), (UNIT, unit),
                                  (SPEC, spec), (RETENTION, retention)):
                form.samples.edit_cell(row, column, value)
        keys = [s.key for s in form.samples.model.rows]
        for key, (_name, kind, *_rest) in zip(keys, SAMPLES, strict=True):
            matching = catalog.offered_items(database, kind)[:2] or catalog.offered_items(database)[:2]
            form.lines.add_choices([Choice(item.id, None) for item in matching], key)
            counted = [i for i, item in enumerate(matching) if item.pricing_unit.value != "per_sample"]
            for offset in counted:
                form.lines.edit_cell(len(form.lines.model.rows) - len(matching) + offset, COUNT, 3)
        packages = catalog.offered_packages(database)
        if packages:
            form.lines.add_choices([Choice(None, packages[0].id)], None)
        settle(app)
        for combo in (form.terms.contact, form.terms.project):
            combo.setCurrentIndex(min(1, combo.count() - 1))
        form.terms.due.set_value(today + dt.timedelta(days=5))
        form.terms.urgency.setCurrentIndex(form.terms.urgency.findData("urgent"))
        form.terms.notes.setPlainText("报告一式三份；钢筋试样检测后留样 30 天。")
        settle(app)
        form.refresh()
        problems = order_drafts.draft_problems(form.current_draft())
        assert form.breakdown is not None and form.breakdown.ok, problems
        form.save()  # numbered: the form shows the order and sample numbers and can print
        settle(app, lambda: form.last_saved is not None and not form.saving)
        form.samples.table.clearSelection()
        settle(app)
        out = HERE / "order-form.png"
        form.grab().save(str(out))
        print(out)
        form.base = form.current_draft()  # nothing to ask about on close
        form.close()
        settle(app)
    finally:
        database.dispose()
        shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
