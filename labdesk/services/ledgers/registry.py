"""Every ledger, in tab order; the CLI names (``labdesk export NAME``) are the specs' names."""

from __future__ import annotations

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
)


def all_ledgers() -> tuple[LedgerSpec, ...]:
    return LEDGERS


def get_ledger(name: str) -> LedgerSpec:
    for spec in LEDGERS:
        if spec.name == name:
            return spec
    raise KeyError(f"no ledger named {name!r}; ledgers: {', '.join(s.name for s in LEDGERS)}")
