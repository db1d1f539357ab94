"""Who is acting: the signed-in person's login and job roles, for permission checks, audit rows and
workflow history.

On PostgreSQL the login is the connection's own role, and the server enforces the rights; the roles
read here only let the UI hide what would be refused anyway. On the single-seat embedded file the
services enforce the same matrix from these roles (see ``labdesk.services.permissions``).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from labdesk.models.people import JobRoleKey, Person
from labdesk.services.problems import Problem, ProblemError

ALL_ROLES = frozenset(role.value for role in JobRoleKey)


@dataclass(frozen=True)
class Actor:
    """The person behind a session. ``roles`` holds :class:`JobRoleKey` values."""

    login: str
    roles: frozenset[str]
    person_id: int | None = None
    full_name: str | None = None

    def has_role(self, *roles: str) -> bool:
        """True if the actor holds any of ``roles``."""
        return not self.roles.isdisjoint(roles)

    @property
    def display_name(self) -> str:
        return self.full_name or self.login


class UserDisabled(ProblemError):
    """The login belongs to a person who has been deactivated."""


def embedded_login() -> str:
    """Who works on an embedded file: ``LABDESK_USER`` if set, else the operating-system user."""
    import os

    return os.environ.get("LABDESK_USER") or getpass.getuser()


def resolve_actor(session: Session, login: str, *, embedded: bool) -> Actor:
    """The actor for ``login``, with the job roles recorded on their person.

    A deactivated person is refused. On an embedded file nobody else can be harmed, so a login with no
    person record (a fresh file, or an operating-system user the demo does not know) gets every role:
    the one seat is its own administrator. On a server, a login without a person record has no job
    roles in LabDesk's eyes (the server still decides what it may do).
    """
    person = session.scalars(
        select(Person).where(Person.login == login).options(selectinload(Person.roles))
    ).one_or_none()
    if person is None:
        return Actor(login, ALL_ROLES if embedded else frozenset())
    if not person.active:
        raise UserDisabled(
            Problem("The account {login} is disabled. Ask an administrator to enable it.", {"login": login})
        )
    return Actor(login, frozenset(role.key for role in person.roles), person.id, person.full_name)


def session_actor(session: Session) -> Actor | None:
    """The actor a :class:`~labdesk.services.database.Database` session was opened for, if any."""
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None
