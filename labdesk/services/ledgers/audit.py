"""The Audit ledger: every recorded row change, for admins and signatories.

Filters by person (database or application user), table and time use the generic column filters;
the time column takes a date range (see ``paging.date_range``). The Excel export is the generic one.
"""

from __future__ import annotations

from sqlalchemy import Text, cast

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.audit import AuditLog
from labdesk.services.audit import AUDIT_ROLES
from labdesk.services.ledgers.common import AMBER, GREEN, RED, styles
from labdesk.services.ledgers.spec import ColumnKind as K
from labdesk.services.ledgers.spec import LedgerColumn as C
from labdesk.services.ledgers.spec import LedgerSpec

AUDIT = LedgerSpec(
    name="audit",
    title=N("Ledger", "Audit trail"),
    record_title=N("Ledger", "Audit entry"),
    id_column=AuditLog.id,
    source=AuditLog,
    columns=(
        C("at", N("Ledger", "Time"), AuditLog.at, K.DATETIME, nullable=False, width=140),
        C("table_name", N("Ledger", "Table"), AuditLog.table_name, searchable=True, nullable=False),
        C("record_id", N("Ledger", "Record ID"), AuditLog.record_id, searchable=True, nullable=False),
        C("action", N("Ledger", "Action"), AuditLog.action, K.STATUS, nullable=False, width=70),
        C("db_user", N("Ledger", "Database user"), AuditLog.db_user, searchable=True, nullable=False),
        C("app_user", N("Ledger", "App user"), AuditLog.app_user, searchable=True),
        # The stored JSON as text: shapes in labdesk/services/audit.py; the card shows it field by field.
        C("changes", N("Ledger", "Changes"), cast(AuditLog.changes, Text), nullable=False, width=420),
        C("txid", N("Ledger", "Transaction"), AuditLog.txid, K.INTEGER, visible=False),
    ),
    statuses=styles(
        ("insert", N("Status", "Inserted"), GREEN),
        ("update", N("Status", "Changed"), AMBER),
        ("delete", N("Status", "Deleted"), RED),
    ),
    roles=AUDIT_ROLES,
)
