"""How a ledger value reads on screen and in an export; one place for the UI and the Excel writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.services.ledgers.spec import ColumnKind, LedgerColumn, LedgerSpec

Translate = Callable[[str, str], str]  # (context, English source) -> text in the user's language

YES = QT_TRANSLATE_NOOP("Ledger", "Yes")
NO = QT_TRANSLATE_NOOP("Ledger", "No")

# Stored keys of enumerations that are not a ledger's status (those carry their own StatusStyle),
# as users read them. Context "Status", like the status labels.
CODE_LABELS: dict[str, str] = {
    "pass": QT_TRANSLATE_NOOP("Status", "Pass"),
    "fail": QT_TRANSLATE_NOOP("Status", "Fail"),
    "visit": QT_TRANSLATE_NOOP("Status", "Visit"),
    "phone": QT_TRANSLATE_NOOP("Status", "Phone call"),
    "wechat": QT_TRANSLATE_NOOP("Status", "WeChat"),
    "email": QT_TRANSLATE_NOOP("Status", "E-mail"),
    "bank_transfer": QT_TRANSLATE_NOOP("Status", "Bank transfer"),
    "cash": QT_TRANSLATE_NOOP("Status", "Cash"),
    "cheque": QT_TRANSLATE_NOOP("Status", "Cheque"),
    "card": QT_TRANSLATE_NOOP("Status", "Card"),
    "online": QT_TRANSLATE_NOOP("Status", "Online payment"),
    "other": QT_TRANSLATE_NOOP("Status", "Other"),
    "receive": QT_TRANSLATE_NOOP("Status", "Receive"),
    "store": QT_TRANSLATE_NOOP("Status", "Store"),
    "take": QT_TRANSLATE_NOOP("Status", "Take"),
    "return": QT_TRANSLATE_NOOP("Status", "Return"),
    "retain": QT_TRANSLATE_NOOP("Status", "Retain"),
    "dispose": QT_TRANSLATE_NOOP("Status", "Dispose"),
    "return_to_customer": QT_TRANSLATE_NOOP("Status", "Return to customer"),
    "review": QT_TRANSLATE_NOOP("Status", "Review"),
    "approve": QT_TRANSLATE_NOOP("Status", "Approval"),
    "approved": QT_TRANSLATE_NOOP("Status", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Status", "Rejected"),
    "collect": QT_TRANSLATE_NOOP("Status", "Collect in person"),
    "post": QT_TRANSLATE_NOOP("Status", "Post"),
    "normal": QT_TRANSLATE_NOOP("Status", "Normal"),
    "urgent": QT_TRANSLATE_NOOP("Status", "Urgent"),
    "express": QT_TRANSLATE_NOOP("Status", "Express"),
    "internal": QT_TRANSLATE_NOOP("Status", "Internal"),
    "external": QT_TRANSLATE_NOOP("Status", "External"),
    "requested": QT_TRANSLATE_NOOP("Status", "Requested"),
    "issued": QT_TRANSLATE_NOOP("Status", "Issued"),
}


def code_label(key: Any, translate: Translate) -> str:
    """A stored enumeration key as text in the user's language (unknown keys as they are)."""
    text = "" if key is None else str(key)
    label = CODE_LABELS.get(text)
    return translate("Status", label) if label else text


def local_time(value: dt.datetime) -> dt.datetime:
    """A stored UTC time in the workstation's time zone."""
    return value.astimezone()


def status_label(spec: LedgerSpec, key: Any, translate: Translate) -> str:
    style = spec.statuses.get(str(key)) if key is not None else None
    return translate("Status", style.label) if style else ("" if key is None else str(key))


def display_text(spec: LedgerSpec, column: LedgerColumn, value: Any, translate: Translate) -> str:
    """The text of one cell as the user reads it."""
    if value is None:
        return ""
    kind = column.kind
    if kind is ColumnKind.STATUS:
        return status_label(spec, value, translate)
    if kind is ColumnKind.CODE:
        return code_label(value, translate)
    if kind is ColumnKind.MONEY and isinstance(value, Decimal | int | float):
        return f"{Decimal(value):,.2f}"
    if kind is ColumnKind.BOOLEAN:
        return translate("Ledger", YES if value else NO)
    if kind is ColumnKind.DATETIME and isinstance(value, dt.datetime):
        return local_time(value).strftime("%Y-%m-%d %H:%M")
    if kind is ColumnKind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def excel_value(spec: LedgerSpec, column: LedgerColumn, value: Any, translate: Translate) -> Any:
    """The value as an Excel cell: numbers and dates stay typed, statuses and booleans become text."""
    if value is None:
        return None
    kind = column.kind
    if kind in (ColumnKind.STATUS, ColumnKind.CODE, ColumnKind.BOOLEAN):
        return display_text(spec, column, value, translate)
    if kind is ColumnKind.DATETIME and isinstance(value, dt.datetime):
        return local_time(value).replace(tzinfo=None)  # Excel has no time zones: local wall time
    if isinstance(value, str):
        return sanitize_excel_text(value)
    return value


_ILLEGAL_XML = {c: None for c in range(32) if c not in (9, 10, 13)}


def sanitize_excel_text(text: str) -> str:
    """Drop control characters an .xlsx cannot hold and defuse formula-looking text.

    openpyxl refuses C0 control characters; a leading ``=``, ``+``, ``-`` or ``@`` would make Excel
    evaluate user text as a formula (CSV/formula injection), so such text is stored with a quote.
    """
    cleaned = text.translate(_ILLEGAL_XML)
    if cleaned[:1] in ("=", "+", "-", "@"):
        return "'" + cleaned
    return cleaned
