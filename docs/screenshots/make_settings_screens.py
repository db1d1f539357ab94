"""Regenerate coding-rules.png, coding-rules-invalid.png and users.png: the Settings screens, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_settings_screens.py

Uses throwaway config and data directories and a small demo database (its counters give the preview).
"""

from __future__ import annotations

import shutil
import sys

from shots import demo_database, save, scratch_environment, settle

_scratch = scratch_environment()

from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services.coding_rules import CounterReset, DocType  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.ui.coding_rules_dialog import YEARS, CodingRulesDialog  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.users_dialog import UsersDialog  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    translators = install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=80, orders=40, samples=100))

    dialog = CodingRulesDialog(database)
    dialog.show()
    settle(app, lambda: bool(dialog.views))
    dialog.list.setCurrentRow(list(DocType).index(DocType.SAMPLE))
    dialog.year.setCurrentIndex(YEARS.index("{yy}"))
    dialog.month.setChecked(True)
    dialog.per_type.setChecked(True)
    dialog.type_example.setText("SW")
    dialog.reset.setCurrentIndex(dialog.reset.findData(CounterReset.MONTHLY.value))
    settle(app)
    save(dialog, "coding-rules.png")

    dialog.month.setChecked(False)  # a monthly restart without the month: refused, Save disabled
    dialog.prefix.setText("YP{")
    dialog._edited()  # setText does not emit textEdited, which is what typing sends
    settle(app)
    save(dialog, "coding-rules-invalid.png")

    dialog.close()

    users = UsersDialog(database)
    users.show()
    settle(app, lambda: bool(users.users))
    users.select_login(users.users[0].login)
    settle(app)
    save(users, "users.png")
    users.close()
    database.dispose()
    for translator in translators:
        app.removeTranslator(translator)
    shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
