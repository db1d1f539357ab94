"""Who created and last changed each row: ``created_by`` / ``updated_by`` stamped from the session's
actor on every flush, so no service has to remember to (and none can forget)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from labdesk.models.base import LedgerMixin
from labdesk.services.actor import session_actor
from labdesk.services.database import SESSION_HOOKS


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    actor = session_actor(session)
    if actor is None or not actor.login:
        return  # migrations, the demo fill and tests that write directly stamp their own rows
    for obj in session.new:
        if isinstance(obj, LedgerMixin):
            obj.created_by = obj.created_by or actor.login
            obj.updated_by = obj.updated_by or actor.login
    for obj in session.dirty:
        if isinstance(obj, LedgerMixin) and session.is_modified(obj, include_collections=False):
            obj.updated_by = actor.login


def install_stamps(sessions: sessionmaker[Session], _dialect: str) -> None:
    """Attach the stamping hook (registered in ``database.SESSION_HOOKS``)."""
    event.listen(sessions, "before_flush", _stamp)


if install_stamps not in SESSION_HOOKS:
    # First in the list: the permission guard and the audit writer then see the stamped values.
    SESSION_HOOKS.insert(0, install_stamps)
