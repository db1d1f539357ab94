"""Audit trail (审计日志): append-only row-change log. On PostgreSQL triggers write it from
``current_user`` and nobody is granted UPDATE or DELETE; on SQLite the services write it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from labdesk.models.base import Base, IdMixin, utcnow


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class AuditLog(IdMixin, Base):
    """One changed row. Never updated, hence no ledger columns or version."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_table_name_record_id", "table_name", "record_id"),)

    table_name: Mapped[str] = mapped_column(String(64))
    # A string so composite or non-integer keys (person_roles) fit too.
    record_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    # {column: [old, new]} for updates, the full row for inserts and deletes.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    db_user: Mapped[str] = mapped_column(String(64))
    app_user: Mapped[str | None] = mapped_column(String(64))
    # The server default lets the PostgreSQL triggers leave the timestamp to the database.
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, server_default=func.now(), index=True)
    # PostgreSQL txid_current(): groups the rows changed by one transaction.
    txid: Mapped[int | None] = mapped_column(BigInteger)
