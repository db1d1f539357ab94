"""The order's workflow (委托流程) and the intake queue of orders submitted from outside.

draft → submitted → finance confirmation → accepted → in testing → completed → reported, and cancel
(with a reason) from any step before completion. Orders from outside arrive as *pending*, without a
number; the front desk accepts one (it is numbered, with its samples, and goes to finance as
submitted) or rejects it with a reason. Who may take each step is ``permissions.STEPS`` ("order.*");
each step is a workflow history row.

Every function takes the version the user saw: if the order moved since, nothing changes and the
user is told to reload (:class:`orders.OrderConflict`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.customers import Customer
from labdesk.models.numbering import DocType
from labdesk.models.orders import Order, OrderFee, OrderLine, OrderStatus
from labdesk.models.samples import Sample
from labdesk.services import audit
from labdesk.services.actor import Actor
from labdesk.services.database import Database
from labdesk.services.fees import clean_amount, clean_note
from labdesk.services.numbering import number_for_insert
from labdesk.services.order_drafts import OrderDraft, draft_problems
from labdesk.services.orders import (
    OrderConflict,
    OrderRefused,
    SavedOrder,
    gone,
    receive,
    reprice,
    sample_numbers,
    store_draft,
)
from labdesk.services.permissions import require_step
from labdesk.services.problems import Problem
from labdesk.services.units import reading, writing
from labdesk.services.workflow import HistoryEntry, Workflow, history_by_name, take, transition

O = OrderStatus  # noqa: E741 - reads like the table of states it is
BEFORE_COMPLETION = (O.DRAFT, O.SUBMITTED, O.FINANCE_CONFIRMED, O.ACCEPTED, O.IN_TESTING)
ORDER_WORKFLOW = Workflow(
    "order",
    (
        transition("submit", (O.DRAFT,), O.SUBMITTED, "order.submit"),
        transition("confirm_fee", (O.SUBMITTED,), O.FINANCE_CONFIRMED, "order.confirm_fee"),
        transition("accept", (O.FINANCE_CONFIRMED,), O.ACCEPTED, "order.accept"),
        transition("start_testing", (O.ACCEPTED,), O.IN_TESTING, "order.start_testing"),
        transition("complete", (O.IN_TESTING,), O.COMPLETED, "order.complete"),
        transition("report", (O.COMPLETED,), O.REPORTED, "order.report"),
        transition("cancel", BEFORE_COMPLETION, O.CANCELLED, "order.cancel"),
        transition("accept_intake", (O.PENDING,), O.SUBMITTED, "order.accept"),
        transition("reject", (O.PENDING,), O.REJECTED, "order.reject"),
    ),
)
ACTION_TITLES: dict[str, str] = {
    "submit": N("OrderAction", "Submit"),
    "confirm_fee": N("OrderAction", "Confirm fee"),
    "accept": N("OrderAction", "Accept"),
    "start_testing": N("OrderAction", "Start testing"),
    "complete": N("OrderAction", "Complete"),
    "report": N("OrderAction", "Reported"),
    "cancel": N("OrderAction", "Cancel order"),
    "accept_intake": N("OrderAction", "Accept request"),
    "reject": N("OrderAction", "Reject request"),
}
# Steps with their own function and form (a reason, the fee) rather than take_order_action.
OWN_FORMS = frozenset({"confirm_fee", "cancel", "accept_intake", "reject"})
MAX_REASON = 500  # orders.cancel_reason


@dataclass(frozen=True)
class OrderSummary:
    order_id: int
    order_no: str | None
    status: str
    version: int
    customer: str
    final_price: Decimal
    actions: list[str]
    history: list[HistoryEntry]
    fee_charged: bool | None
    amount_received: Decimal
    fee_note: str | None


@dataclass(frozen=True)
class IntakeRow:
    order_id: int
    version: int
    submitted_at: dt.datetime
    customer: str
    samples: int
    lines: int
    final_price: Decimal
    notes: str


def _order(session: Session, order_id: int, version: int) -> Order:
    order = session.scalars(
        select(Order).where(Order.id == order_id).options(
            selectinload(Order.fee), selectinload(Order.customer), selectinload(Order.samples),
            selectinload(Order.lines),
        )
    ).one_or_none()
    if order is None:
        raise gone(order_id)
    if order.version != version:
        raise OrderConflict(Problem(
            N("Problem", "Someone else changed order {order_no} a moment ago; it has been reloaded. "
                         "Check its state and try again."),
            {"order_no": order.order_no or "—"},
        ))
    return order


def _summary(session: Session, order: Order, actor: Actor) -> OrderSummary:
    fee = order.fee
    return OrderSummary(
        order.id, order.order_no, order.status, order.version, order.customer.name, order.final_price,
        [t.action for t in ORDER_WORKFLOW.available(order.status, actor.roles)],
        history_by_name(session, ORDER_WORKFLOW.doc_type, order.id),
        fee.charged if fee else None,
        fee.amount_received if fee else Decimal("0.00"),
        fee.note if fee else None,
    )


def order_summary(database: Database, order_id: int) -> OrderSummary:
    with reading(database) as session:
        order = session.scalars(
            select(Order).where(Order.id == order_id)
            .options(selectinload(Order.fee), selectinload(Order.customer))
        ).one_or_none()
        if order is None:
            raise gone(order_id)
        return _summary(session, order, database.actor)


StepHook = Callable[[Session, Order, Actor], None]


def _step(database: Database, order_id: int, version: int, action: str, comment: str | None,
          before: StepHook | None = None) -> OrderSummary:
    """Take ``action`` in one transaction; ``before(session, order)`` does the step's own work first."""
    actor = database.actor
    require_step(actor, ORDER_WORKFLOW.transition(action).step)
    try:
        with writing(database) as session:
            order = _order(session, order_id, version)
            if before is not None:
                before(session, order, actor)
            take(session, ORDER_WORKFLOW, order, action, actor, comment)
            session.flush()
            return _summary(session, order, actor)
    except StaleDataError as error:
        raise OrderConflict(Problem(
            N("Problem", "Someone else changed this order at the same moment; reload it and try again.")
        )) from error


def open_fee_row(session: Session, order: Order, actor: Actor) -> OrderFee:
    """The order's fee-ledger row, opened with its frozen price for finance to confirm.

    A Core INSERT naming only the price columns (and bookkeeping): the front desk is granted exactly
    those on a server, and an ORM INSERT would name every column (NULL or its default), which the
    server refuses. The rest take their server defaults: unconfirmed, nothing received.
    """
    if order.fee is not None:
        return order.fee
    values = {
        "order_id": order.id, "list_price": order.list_price, "discount_amount": order.discount_amount,
        "final_price": order.final_price, "created_by": actor.login, "updated_by": actor.login,
    }
    fee_id = session.execute(insert(OrderFee).values(**values).returning(OrderFee.id)).scalar_one()
    session.expire(order, ["fee"])
    fee = session.get_one(OrderFee, fee_id)
    audit.record_bulk(session, "order_fees", [audit.row_of(fee)])
    return fee


def _freeze(session: Session, order: Order, actor: Actor) -> None:
    """Submission: the order needs samples and lines; its price is computed once more and frozen."""
    problems = []
    if not order.samples:
        problems.append(Problem(N("Problem", "Add at least one sample before submitting the order.")))
    if not order.lines:
        problems.append(Problem(N("Problem", "Add at least one test item before submitting the order.")))
    if problems:
        raise OrderRefused(problems)
    reprice(session, order)
    session.flush()  # the fee row copies the price just written
    open_fee_row(session, order, actor)


def take_order_action(database: Database, order_id: int, version: int, action: str, *,
                      comment: str | None = None) -> OrderSummary:
    """Submit, accept, start testing, complete or report (the steps without a form of their own)."""
    if action in OWN_FORMS:
        raise ValueError(f"{action} has its own function")
    return _step(database, order_id, version, action, comment, _freeze if action == "submit" else None)


def confirm_fee(database: Database, order_id: int, version: int, *, charged: bool,
                amount_received: Decimal | str, note: str | None) -> OrderSummary:
    """Finance's confirmation: charged or free of charge, the amount received so far, a note."""
    amount = clean_amount(amount_received)
    cleaned = clean_note(note or "")

    def fill(session: Session, order: Order, actor: Actor) -> None:
        fee = open_fee_row(session, order, actor)
        fee.charged, fee.amount_received, fee.note = charged, amount, cleaned
        fee.confirmed_by_id, fee.confirmed_at = actor.person_id, dt.datetime.now(dt.UTC)

    return _step(database, order_id, version, "confirm_fee", cleaned, fill)


def _reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise OrderRefused([Problem(N("Problem", "Say why: a reason is required to {what}."),
                                    {"what": what})])
    if len(reason) > MAX_REASON or "\x00" in reason:
        raise OrderRefused([Problem(
            N("Problem",
              "The reason has {length} characters or a NUL character; at most {max} characters fit."),
            {"length": str(len(reason)), "max": str(MAX_REASON)},
        )])
    return reason


def cancel_order(database: Database, order_id: int, version: int, *, reason: str) -> OrderSummary:
    kept = _reason(reason, N("Problem", "cancel an order"))

    def note(_session: Session, order: Order, _actor: Actor) -> None:
        order.cancel_reason = kept

    return _step(database, order_id, version, "cancel", kept, note)


# -- intake --------------------------------------------------------------------------------------


def submit_external_order(database: Database, draft: OrderDraft) -> int:
    """Store an order sent from outside (the customer portal, later) as pending, unnumbered; its id."""
    problems = draft_problems(draft)
    if problems:
        raise OrderRefused(problems)
    with writing(database) as session:
        return store_draft(session, draft, database.actor, external=True).order_id


def intake_queue(database: Database) -> list[IntakeRow]:
    samples = select(func.count()).where(Sample.order_id == Order.id).scalar_subquery()
    lines = select(func.count()).where(OrderLine.order_id == Order.id).scalar_subquery()
    query = (
        select(Order.id, Order.version, Order.created_at, Customer.name, samples, lines, Order.final_price,
               Order.notes)
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.status == O.PENDING.value)
        .order_by(Order.created_at, Order.id)
    )
    with reading(database) as session:
        rows = session.execute(query)
        return [IntakeRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "") for r in rows]


def _number_intake(session: Session, order: Order, actor: Actor) -> None:
    """Acceptance numbers the order and its samples (per type where the rule says so), receives the
    samples and freezes the price like a submission."""
    on = order.received_date or dt.date.today()
    order.received_date = on
    samples = sorted(order.samples, key=lambda s: s.id)
    numbers = sample_numbers(session, on, [(s.name, s.sample_type or "") for s in samples])
    order.order_no = number_for_insert(session, DocType.ORDER, on=on)
    for sample, number in zip(samples, numbers, strict=True):
        sample.sample_no = number
        receive(sample, actor)
    _freeze(session, order, actor)


def accept_intake(database: Database, order_id: int, version: int) -> SavedOrder:
    summary = _step(database, order_id, version, "accept_intake", None, _number_intake)
    with reading(database) as session:
        rows = session.execute(select(Sample.id, Sample.sample_no).where(Sample.order_id == order_id))
        numbers = {sample_id: sample_no for sample_id, sample_no in rows}
    return SavedOrder(summary.order_id, summary.order_no, summary.version, summary.status,
                      {f"s{sid}": no for sid, no in numbers.items() if no})


def reject_intake(database: Database, order_id: int, version: int, *, reason: str) -> None:
    kept = _reason(reason, N("Problem", "reject a request"))

    def note(_session: Session, order: Order, _actor: Actor) -> None:
        order.cancel_reason = kept

    _step(database, order_id, version, "reject", kept, note)
