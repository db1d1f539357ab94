"""Who may do what: the permission matrix as data, and the checks built on it.

This module is the single source of the matrix. ``docs/permissions.md`` is generated from it
(``docs/make_permissions.py``), ``labdesk.services.pg_security`` turns it into PostgreSQL GRANTs and
row-level security, the embedded file's session guard (``labdesk.services.permission_guard``) checks
every flush against it, and the UI asks ``writable_columns`` / ``may_step`` to disable what would be
refused anyway.

Reading is broad on purpose: every job reads every ledger (a front desk that cannot see an order's
fee cannot answer the customer on the phone), except the audit trail (admins and signatories only)
and the technicians' tasks, which PostgreSQL narrows to their own rows (``OWN_ROWS``). Writing is
narrow: per job, per table, per action and, where a job may change only some fields, per column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.people import JobRoleKey
from labdesk.services.database import SESSION_HOOKS
from labdesk.services.problems import Problem, ProblemError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from labdesk.services.actor import Actor

Action = Literal["insert", "update", "delete"]
ACTIONS: Final[tuple[Action, ...]] = ("insert", "update", "delete")

R = JobRoleKey
FRONT, TECH, EQUIP, FIN, SIGN, SALES, ADMIN = (
    R.FRONT_DESK.value,
    R.TECHNICIAN.value,
    R.EQUIPMENT_MANAGER.value,
    R.FINANCE.value,
    R.SIGNATORY.value,
    R.SALES.value,
    R.ADMIN.value,
)
ROLES: Final = tuple(role.value for role in JobRoleKey)
EVERYONE: Final = frozenset(ROLES)

# Written by the ORM on every insert/update of a row; whoever may write the row may write these.
BOOKKEEPING: Final = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "version"})

ALL: Final = frozenset({"*"})  # every column of the table
NONE: Final[frozenset[str]] = frozenset()


def cols(*names: str) -> frozenset[str]:
    return frozenset(names)


@dataclass(frozen=True)
class Rights:
    """One job's rights on one table: the columns it may insert / update (ALL = every column)."""

    insert: frozenset[str] = NONE
    update: frozenset[str] = NONE
    delete: bool = False


FULL: Final = Rights(ALL, ALL, True)
NO_DELETE: Final = Rights(ALL, ALL, False)
APPEND: Final = Rights(insert=ALL)  # history rows: written once, never changed


@dataclass(frozen=True)
class TableRule:
    readers: frozenset[str] = EVERYONE
    writers: Mapping[str, Rights] = field(default_factory=dict)
    note: str = ""


def _same(roles: Iterable[str], rights: Rights) -> dict[str, Rights]:
    return dict.fromkeys(roles, rights)


FEE_FIELDS: Final = cols("charged", "amount_received", "note", "confirmed_by_id", "confirmed_at")
TASK_FEEDBACK: Final = cols("stage", "status", "progress_pct", "started_at", "finished_at", "feedback")

MATRIX: Final[dict[str, TableRule]] = {
    # Customers (sales and the front desk keep customer cards)
    "customers": TableRule(writers={SALES: FULL, FRONT: NO_DELETE}),
    "contacts": TableRule(writers={SALES: FULL, FRONT: FULL}),
    "contact_logs": TableRule(writers={SALES: FULL}),
    "engineering_projects": TableRule(writers={SALES: FULL, FRONT: NO_DELETE}),
    # Contracts: sales draft and submit, a signatory approves, finance registers money
    "contracts": TableRule(
        writers={SALES: NO_DELETE, SIGN: Rights(update=cols("status", "notes"))},
        note="Sales may set any status; that only a signatory approves is enforced by the workflow service.",
    ),
    "receipts": TableRule(writers={FIN: FULL}),
    "invoice_requests": TableRule(
        writers={
            SALES: Rights(
                insert=cols("invoice_request_no", "contract_id", "order_id", "requested_by_id", "amount",
                            "invoice_type", "title", "tax_id"),
                update=cols("order_id", "amount", "invoice_type", "title", "tax_id"),
            ),
            FIN: Rights(ALL, cols("status", "invoice_no", "issued_date", "amount"), True),
        }
    ),
    # Orders: the front desk registers and prices them; fee fields are finance's alone
    "orders": TableRule(
        writers={
            FRONT: NO_DELETE,
            FIN: Rights(update=cols("status")),
            TECH: Rights(update=cols("status")),
            SIGN: Rights(update=cols("status")),
        }
    ),
    "order_lines": TableRule(writers={FRONT: FULL}),
    "order_fees": TableRule(
        writers={
            FRONT: Rights(insert=cols("order_id", "list_price", "discount_amount", "final_price")),
            FIN: Rights(ALL, FEE_FIELDS | cols("list_price", "discount_amount", "final_price"), False),
        },
        note="The front desk opens the fee row with the order's price; only finance confirms and edits it.",
    ),
    # Samples and their chain of custody
    "samples": TableRule(
        writers={FRONT: FULL, TECH: Rights(update=cols("status", "location", "holder_id"))}
    ),
    "custody_events": TableRule(writers={FRONT: APPEND, TECH: APPEND}),
    "sample_types": TableRule(
        writers={ADMIN: NO_DELETE, SIGN: NO_DELETE}, note="Sample types are retired, never deleted."
    ),
    # Projects and tasks: signatories (lab management) plan and assign, technicians report back
    "projects": TableRule(writers={SIGN: NO_DELETE, TECH: Rights(update=cols("progress_pct", "status"))}),
    "tasks": TableRule(
        writers={SIGN: FULL, TECH: Rights(update=TASK_FEEDBACK)},
        note="Row-level security: a technician sees and updates only the tasks assigned to them.",
    ),
    # Reports: technicians draft, signatories review, approve, seal and issue
    "reports": TableRule(
        writers={
            TECH: Rights(
                insert=cols("report_no", "order_id", "project_id", "title", "status", "drafted_by_id",
                            "current_version", "amends_report_id", "conclusion"),
                update=cols("project_id", "title", "status", "current_version", "conclusion"),
            ),
            SIGN: Rights(update=cols("status", "issued_at", "current_version", "conclusion")),
        },
        note="A technician may write status (to submit); only the workflow service limits which status.",
    ),
    "report_versions": TableRule(writers={TECH: APPEND, SIGN: APPEND}),
    "report_approvals": TableRule(writers={SIGN: APPEND}),
    "report_seals": TableRule(writers={SIGN: APPEND}),
    "report_dispatches": TableRule(writers={FRONT: APPEND}),
    # Instruments: equipment managers only, except that anyone may report a fault
    "instruments": TableRule(
        writers={EQUIP: FULL, **_same(EVERYONE - {EQUIP}, Rights(update=cols("status")))},
        note="Others may change status only to under_repair (a repair request); a trigger checks the value.",
    ),
    "calibration_records": TableRule(writers={EQUIP: FULL}),
    "repair_records": TableRule(
        writers={
            EQUIP: FULL,
            **_same(EVERYONE - {EQUIP},
                    Rights(insert=cols("instrument_id", "reported_at", "reporter_id", "fault", "photo"))),
        }
    ),
    "attachments": TableRule(
        writers={**_same(EVERYONE, APPEND), EQUIP: Rights(ALL, NONE, True), SIGN: Rights(ALL, NONE, True),
                 FRONT: Rights(ALL, NONE, True), ADMIN: Rights(ALL, NONE, True)}
    ),
    # Catalogue and prices
    "test_items": TableRule(writers={ADMIN: FULL, SIGN: NO_DELETE}),
    "test_packages": TableRule(writers={ADMIN: FULL, SIGN: NO_DELETE}),
    "test_package_items": TableRule(writers={ADMIN: FULL, SIGN: FULL}),
    "price_lists": TableRule(writers={SALES: FULL, FIN: FULL}),
    "price_list_entries": TableRule(writers={SALES: FULL, FIN: FULL}),
    # People and their rights: administrators
    "people": TableRule(writers={ADMIN: NO_DELETE}, note="People are deactivated, never deleted."),
    "job_roles": TableRule(writers={ADMIN: NO_DELETE}),
    "person_roles": TableRule(writers={ADMIN: Rights(insert=ALL, delete=True)}),
    "qualifications": TableRule(writers={ADMIN: FULL, SIGN: FULL}),
    # Numbering: rules are configuration, counters are taken by whoever creates a numbered record
    "coding_rules": TableRule(writers={ADMIN: FULL}),
    "coding_counters": TableRule(
        writers=_same(EVERYONE, Rights(insert=ALL, update=cols("last_value"))),
        note="Every job creates some numbered record, so every job takes counters.",
    ),
    # Labels: anyone may print
    "label_print_jobs": TableRule(writers=_same(EVERYONE, NO_DELETE)),
    "label_print_items": TableRule(writers=_same(EVERYONE, NO_DELETE)),
    "label_templates": TableRule(writers={EQUIP: FULL, FRONT: FULL, ADMIN: FULL}),
    # History: append-only
    "workflow_events": TableRule(writers=_same(EVERYONE, APPEND)),
    "audit_log": TableRule(
        readers=frozenset({ADMIN, SIGN}),
        note="Written only by triggers (PostgreSQL) or the services (SQLite); nobody may change it.",
    ),
}

# Row-level security: table -> (column holding a people.id, roles limited to their own rows). A
# person who also holds a role outside the set sees every row.
OWN_ROWS: Final[dict[str, tuple[str, frozenset[str]]]] = {"tasks": ("assignee_id", frozenset({TECH}))}

# Values some roles may write into a column they may otherwise not touch: (table, column) ->
# (roles with no limit, values everyone else may write).
LIMITED_VALUES: Final[dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]] = {
    ("instruments", "status"): (frozenset({EQUIP}), frozenset({"under_repair"})),
}

STEPS: Final[dict[str, frozenset[str]]] = {
    "instrument.request_repair": EVERYONE,
    **{
        f"instrument.{step}": frozenset({EQUIP})
        for step in ("start_repair", "finish_repair", "send_for_calibration", "record_calibration",
                     "take_out_of_service", "return_to_service", "lend", "return_loan", "retire")
    },
    "sample.receive": frozenset({FRONT}),
    "sample.store": frozenset({FRONT, TECH}),
    "sample.take": frozenset({FRONT, TECH}),
    "sample.return": frozenset({FRONT, TECH}),
    "sample.retain": frozenset({FRONT}),
    "sample.dispose": frozenset({FRONT}),
    "order.submit": frozenset({FRONT}),
    "order.confirm_fee": frozenset({FIN}),
    "order.accept": frozenset({FRONT}),
    "order.reject": frozenset({FRONT}),
    "order.start_testing": frozenset({TECH}),
    "order.complete": frozenset({TECH}),
    "order.report": frozenset({SIGN}),
    "order.cancel": frozenset({FRONT}),
    "fee.batch_edit": frozenset({FIN}),
    "report.submit": frozenset({TECH}),
    "report.review": frozenset({SIGN}),
    "report.issue": frozenset({SIGN}),
    "report.seal": frozenset({SIGN}),
    "contract.submit": frozenset({SALES}),
    "contract.approve": frozenset({SIGN}),
    "users.manage": frozenset({ADMIN}),
    "coding_rules.edit": frozenset({ADMIN}),
    "audit.read": frozenset({ADMIN, SIGN}),
}


class PermissionDenied(ProblemError):
    """The acting person's job roles do not allow this; the message names what was refused."""


def table_rule(table: str) -> TableRule:
    try:
        return MATRIX[table]
    except KeyError:
        raise KeyError(f"{table!r} is not in the permission matrix") from None


def may_read(roles: frozenset[str], table: str) -> bool:
    """True if any of ``roles`` may read ``table`` (some rows of it, for ``OWN_ROWS`` tables)."""
    return not table_rule(table).readers.isdisjoint(roles)


def _allowed(rights: Rights, action: Action, columns: frozenset[str]) -> bool:
    if action == "delete":
        return rights.delete
    granted = rights.insert if action == "insert" else rights.update
    if not granted:
        return False
    return granted == ALL or columns <= granted


def may_write(roles: frozenset[str], table: str, action: Action, columns: Iterable[str] = ()) -> bool:
    """True if one of ``roles`` may ``action`` a row of ``table`` touching ``columns``.

    Bookkeeping columns are free for whoever may write the row; with no columns the question is
    whether the role may do the action at all. Columns may be spread over several of the roles.
    """
    wanted = frozenset(columns) - BOOKKEEPING
    writers = table_rule(table).writers
    held = [writers[role] for role in roles if role in writers]
    if not any(_allowed(rights, action, frozenset()) for rights in held):
        return False
    if action == "delete" or not wanted:
        return True
    return wanted <= _columns(held, action, table)


def _columns(held: list[Rights], action: Action, table: str) -> frozenset[str]:
    granted: set[str] = set()
    for rights in held:
        columns = rights.insert if action == "insert" else rights.update
        if columns == ALL:
            return table_columns(table)
        granted |= columns
    return frozenset(granted)


def writable_columns(roles: frozenset[str], table: str) -> frozenset[str]:
    """The columns of ``table`` that ``roles`` may change on an existing row (for the UI)."""
    writers = table_rule(table).writers
    return _columns([writers[role] for role in roles if role in writers], "update", table) - BOOKKEEPING


def granted_columns(rights: Rights, action: Literal["insert", "update"], table: str) -> frozenset[str]:
    """The concrete columns a Rights entry grants (ALL expanded), bookkeeping included when any."""
    columns = rights.insert if action == "insert" else rights.update
    if not columns:
        return NONE
    if columns == ALL:
        return table_columns(table) | (BOOKKEEPING & all_table_columns(table))
    return columns | (BOOKKEEPING & all_table_columns(table))


def all_table_columns(table: str) -> frozenset[str]:
    from labdesk.models import Base

    return frozenset(column.name for column in Base.metadata.tables[table].columns)


def table_columns(table: str) -> frozenset[str]:
    """The business columns of ``table`` (bookkeeping left out)."""
    return all_table_columns(table) - BOOKKEEPING


def may_step(roles: frozenset[str], step: str) -> bool:
    """True if one of ``roles`` may take the workflow step ``step`` (e.g. ``report.issue``)."""
    try:
        allowed = STEPS[step]
    except KeyError:
        raise KeyError(f"{step!r} is not a known workflow step") from None
    return not allowed.isdisjoint(roles)


def require_step(actor: Actor, step: str) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may take ``step``."""
    if not may_step(actor.roles, step):
        raise PermissionDenied(
            Problem(
                N("Problem", "{who} may not take the step '{step}': it needs one of the roles {roles}."),
                {"who": actor.display_name, "step": step, "roles": ", ".join(sorted(STEPS[step]))},
            )
        )


def own_rows_only(roles: frozenset[str], table: str) -> str | None:
    """The people-id column limiting ``roles`` to their own rows of ``table``, or None if unlimited."""
    rule = OWN_ROWS.get(table)
    if rule is None or not roles or not roles <= rule[1]:
        return None
    return rule[0]


def denied_cells() -> list[tuple[str, str, str, str | None]]:
    """Every (role, table, action, column) the matrix forbids; column None = the whole action.

    Tests on both databases are generated from this list, so every "may not" cell is proved.
    """
    cells: list[tuple[str, str, str, str | None]] = []
    for table in sorted(MATRIX):
        rule = MATRIX[table]
        for role in ROLES:
            if role not in rule.readers:
                cells.append((role, table, "select", None))
            for action in ACTIONS:
                if not may_write(frozenset({role}), table, action):
                    cells.append((role, table, action, None))
                elif action != "delete":
                    cells.extend(
                        (role, table, action, column)
                        for column in sorted(table_columns(table))
                        if not may_write(frozenset({role}), table, action, [column])
                    )
    return cells


def _attach_embedded_guard(sessions: sessionmaker[Session], dialect_name: str) -> None:
    # On PostgreSQL the server refuses by itself; only the embedded file needs the services to check.
    if dialect_name == "sqlite":
        from labdesk.services.permission_guard import attach_guard

        attach_guard(sessions)


if _attach_embedded_guard not in SESSION_HOOKS:
    SESSION_HOOKS.append(_attach_embedded_guard)
