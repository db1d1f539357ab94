"""Every ledger, in tab order; the CLI names (``labdesk export NAME``) are the specs' names."""

from __future__ import annotations

from collections.abc import Iterable

from labdesk.services.ledgers.audit import AUDIT
from labdesk.services.ledgers.business import CONTRACTS, CUSTOMERS, FEES, ORDERS
from labdesk.services.ledgers.lab import INSTRUMENTS, PROJECTS, REPORTS, SAMPLES
from labdesk.services.ledgers.spec import LedgerSpec

LEDGERS: tuple[LedgerSpec, ...] = (
    CUSTOMERS,
    CONTRACTS,
    ORDERS,
    FEES,
    SAMPLES,
    PROJECTS,
    REPORTS,
    INSTRUMENTS,
    AUDIT,  # restricted: AUDIT.roles (admins, signatories)
)


def all_ledgers() -> tuple[LedgerSpec, ...]:
    return LEDGERS


def ledgers_for(roles: Iterable[str]) -> tuple[LedgerSpec, ...]:
    """The ledgers someone with these job roles may see, in tab order."""
    held = frozenset(roles)
    return tuple(spec for spec in LEDGERS if spec.visible_to(held))


def get_ledger(name: str) -> LedgerSpec:
    for spec in LEDGERS:
        if spec.name == name:
            return spec
    raise KeyError(f"no ledger named {name!r}; ledgers: {', '.join(s.name for s in LEDGERS)}")
