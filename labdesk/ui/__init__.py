"""The PySide6 desktop app: windows, ledger tabs, cards, dialogs, table models and workers.

Only this package imports Qt, and it never imports SQLAlchemy: it asks ``labdesk.services.workspace``
for counts, pages, cards and exports (import-linter contracts in pyproject.toml).
"""
