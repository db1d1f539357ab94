"""Regenerate instrument-card-editing.png and card-conflict.png: the instrument card in edit mode, and
the conflict dialog after another workstation saved the same instrument first, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_card_editing_screens.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's
equipment manager (heyong, 何勇).
"""

from __future__ import annotations

import shutil
import sys

from shots import demo_database, save, scratch_environment, settle

_scratch = scratch_environment("heyong")

from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from labdesk.services import card_editing, workspace  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.ledgers.registry import get_ledger  # noqa: E402
from labdesk.ui.card_dialog import CardDialog  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=10, instruments=40, orders=10, samples=10))
    # A second connection to the same file plays the other workstation that saves first.
    other = workspace.connect(database.target)
    try:
        dialog = CardDialog(get_ledger("instruments"), database, 3)
        dialog.resize(980, 760)
        dialog.show()
        settle(app, lambda: dialog.card is not None)
        panel = dialog.start_editing()
        panel.confirm_discard = lambda: True
        settle(app, lambda: panel.record is not None and not panel.busy)
        location = panel.editor.widgets["location"]
        assert isinstance(location, QLineEdit)
        location.setText("二楼 天平室 A-203")
        model = panel.editor.widgets["model"]
        assert isinstance(model, QLineEdit)
        model.setText("X" * 520)  # over 500 characters: marked, not cut
        settle(app)
        save(dialog, "instrument-card-editing.png")
        model.setText("XPR205DR")
        loaded = card_editing.load_for_edit(other, "instruments", 3)
        card_editing.save(other, "instruments", 3, loaded.version,
                          {"location": "一楼 样品间", "accuracy": "±0.01 mg"})
        panel.save()
        settle(app, lambda: panel.conflict_dialog is not None)
        conflict = panel.conflict_dialog
        assert conflict is not None
        settle(app)
        save(conflict, "card-conflict.png")
        conflict.keep_button.click()
        dialog.close()
        settle(app)
    finally:
        database.dispose()
        other.dispose()
        shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
