"""Orders (委托单) as the front desk registers them: load a draft, save it priced and numbered.

``save_draft`` is one unit of work: it checks the draft (``order_drafts.draft_problems``), prices it with
the catalogue and price list read in the same transaction (so what is stored is what the rules say
now, whatever the form showed), numbers a new order and each new sample by the coding rules, and
stores the order, its samples and its lines. A stale save (someone saved the order since the form
loaded it) is an :class:`OrderConflict` and changes nothing.

Numbers: an internal order is numbered on its first save, its samples when they are first saved
(per sample type where the sample rule says so: ``sample_types.code`` fills ``{type}``). An order
submitted from outside is numbered when the front desk accepts it (``order_workflow``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.contracts import Contract
from labdesk.models.customers import Contact, Customer, CustomerStatus, EngineeringProject
from labdesk.models.numbering import DocType
from labdesk.models.orders import Order, OrderChannel, OrderLine, OrderStatus
from labdesk.models.samples import CustodyAction, CustodyEvent, Sample, SampleStatus, SampleType
from labdesk.services.actor import Actor
from labdesk.services.catalog import PricingInputs, catalogue_snapshot, price_list_for
from labdesk.services.database import Database
from labdesk.services.ledgers.search import escape_like
from labdesk.services.numbering import allocate_numbers, number_for_insert, numbers_per_type
from labdesk.services.order_drafts import LineDraft, OrderDraft, SampleDraft, draft_problems, price_draft
from labdesk.services.permissions import PermissionDenied, may_write
from labdesk.services.pricing import PriceBreakdown, Severity
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import reading, writing

FIND_LIMIT = 20


class OrderRefused(ProblemError):
    """The order cannot be saved as it is; ``problems`` holds every reason (``problem`` the first)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0])
        self.problems = list(problems)


class OrderConflict(ProblemError):
    """Someone else saved the order after it was loaded; nothing was changed."""


def _conflict(order_no: str | None) -> OrderConflict:
    return OrderConflict(Problem(
        N("Problem", "Someone else changed order {order_no} after you opened it. Reload it to see their "
                     "change; your input stays in the form until you do."),
        {"order_no": order_no or "—"},
    ))


@dataclass(frozen=True)
class SavedOrder:
    order_id: int
    order_no: str | None
    version: int
    status: str
    sample_numbers: dict[str, str]  # SampleDraft.key -> sample_no


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    code: str
    name: str
    status: str


@dataclass(frozen=True)
class CustomerLinks:
    contacts: list[tuple[int, str]]
    contracts: list[tuple[int, str]]
    projects: list[tuple[int, str]]


@dataclass(frozen=True)
class SampleTypeChoice:
    name: str
    code: str
    storage_condition: str | None


# -- choosers ------------------------------------------------------------------------------------


def find_customers(database: Database, text: str, limit: int = FIND_LIMIT) -> list[CustomerChoice]:
    """Customers whose name, short name or code contains ``text`` (merged cards are not offered)."""
    pattern = f"%{escape_like(text.strip())}%"
    query = (
        select(Customer.id, Customer.code, Customer.name, Customer.status)
        .where(Customer.status != CustomerStatus.MERGED.value)
        .where(or_(Customer.name.ilike(pattern, escape="\\"), Customer.short_name.ilike(pattern, escape="\\"),
                   Customer.code.ilike(pattern, escape="\\")))
        .order_by(func.length(Customer.name), Customer.name, Customer.id)
        .limit(limit)
    )
    with reading(database) as session:
        return [CustomerChoice(r.id, r.code, r.name, r.status) for r in session.execute(query)]


def customer_links(database: Database, customer_id: int) -> CustomerLinks:
    """The customer's contacts, contracts and engineering projects, for the form's combos."""
    with reading(database) as session:
        contacts = session.execute(
            select(Contact.id, Contact.name, Contact.phone).where(Contact.customer_id == customer_id)
            .order_by(Contact.is_primary.desc(), Contact.name)
        )
        contracts = session.execute(
            select(Contract.id, Contract.contract_no, Contract.title)
            .where(Contract.customer_id == customer_id)
            .order_by(Contract.signed_date.desc().nulls_last(), Contract.id.desc())
        )
        projects = session.execute(
            select(EngineeringProject.id, EngineeringProject.name)
            .where(EngineeringProject.customer_id == customer_id).order_by(EngineeringProject.name)
        )
        return CustomerLinks(
            [(r.id, f"{r.name} {r.phone}" if r.phone else r.name) for r in contacts],
            [(r.id, f"{r.contract_no} {r.title}") for r in contracts],
            [(r.id, r.name) for r in projects],
        )


def sample_types(database: Database) -> list[SampleTypeChoice]:
    with reading(database) as session:
        rows = session.execute(
            select(SampleType.name, SampleType.code, SampleType.storage_condition)
            .where(SampleType.retired.is_(False)).order_by(SampleType.id)
        )
        return [SampleTypeChoice(r.name, r.code, r.storage_condition) for r in rows]


# -- loading -------------------------------------------------------------------------------------


def new_draft(database: Database) -> OrderDraft:
    """An empty order received today (``database``: one signature for every form entry point)."""
    return OrderDraft(received_date=dt.date.today())


def _sample_draft(sample: Sample) -> SampleDraft:
    return SampleDraft(
        key=f"s{sample.id}", name=sample.name, sample_type=sample.sample_type or "", quantity=sample.quantity,
        unit=sample.unit or "", specification=sample.specification or "",
        storage_condition=sample.storage_condition or "", retention=sample.retention,
        sample_id=sample.id, sample_no=sample.sample_no,
    )


def _line_draft(line: OrderLine, units_per: dict[int, int]) -> LineDraft:
    """A stored line back in the form's terms: billed units = quantity x count, split again by the
    sample's quantity when the line is for a sample and the units divide evenly."""
    quantity, count = line.quantity, 1
    per = units_per.get(line.sample_id) if line.sample_id is not None else None
    if line.test_item_id is not None and per and line.quantity % per == 0:
        quantity, count = per, line.quantity // per
    return LineDraft(
        item_id=line.test_item_id, package_id=line.package_id, quantity=quantity, count=count,
        sample_key=f"s{line.sample_id}" if line.sample_id is not None else None, line_id=line.id,
    )


def draft_of(order: Order) -> OrderDraft:
    quantities = {s.id: s.quantity for s in order.samples}
    extra = {}
    if order.contact is not None:
        extra["contact"] = order.contact.name
    if order.contract is not None:
        extra["contract"] = order.contract.contract_no
    if order.engineering_project is not None:
        extra["project"] = order.engineering_project.name
    return OrderDraft(
        customer_id=order.customer_id, contact_id=order.contact_id, contract_id=order.contract_id,
        engineering_project_id=order.engineering_project_id, urgency=order.urgency,
        surcharge_pct=order.surcharge_pct, vat_rate=order.vat_rate, delivery_method=order.delivery_method,
        received_date=order.received_date, due_date=order.due_date, notes=order.notes or "",
        samples=tuple(_sample_draft(s) for s in order.samples),
        lines=tuple(_line_draft(line, quantities) for line in order.lines),
        order_id=order.id, version=order.version, order_no=order.order_no, status=order.status,
        customer_name=order.customer.name, extra=extra,
    )


def _load_order(session: Session, order_id: int) -> Order | None:
    return session.scalars(
        select(Order).where(Order.id == order_id).options(
            selectinload(Order.samples), selectinload(Order.lines), selectinload(Order.customer),
            selectinload(Order.contact), selectinload(Order.contract),
            selectinload(Order.engineering_project),
        )
    ).one_or_none()


def gone(order_id: int) -> OrderRefused:
    return OrderRefused([Problem(
        N("Problem",
          "The order (id {id}) no longer exists; someone may have removed it. Refresh the ledger."),
        {"id": str(order_id)},
    )])


def load_draft(database: Database, order_id: int) -> OrderDraft:
    with reading(database) as session:
        order = _load_order(session, order_id)
        if order is None:
            raise gone(order_id)
        return draft_of(order)


# -- pricing and numbering inside a transaction -------------------------------------------------


def pricing_inputs(session: Session, draft: OrderDraft) -> PricingInputs:
    on = draft.received_date or dt.date.today()
    price_list = price_list_for(session, draft.customer_id, draft.contract_id, on)
    return PricingInputs(catalogue_snapshot(session), price_list)


def _type_codes(session: Session) -> dict[str, str]:
    rows = session.execute(select(SampleType.name, SampleType.code).where(SampleType.retired.is_(False)))
    return {name: code for name, code in rows}


def register_samples(
    session: Session, order: Order, specs: Sequence[SampleDraft], actor: Actor
) -> list[Sample]:
    """Add ``specs`` to ``order`` as numbered samples received by ``actor`` (a custody 'receive' event
    each), in the caller's transaction. A request's samples (a pending order) wait for their numbers
    and are received when the request is accepted (``order_workflow.accept_intake``)."""
    announced = order.status == OrderStatus.PENDING.value
    types = [(spec.name, spec.sample_type) for spec in specs]
    numbers = [None] * len(specs) if announced else sample_numbers(session, order.received_date, types)
    added = []
    for spec, number in zip(specs, numbers, strict=True):
        sample = Sample(
            order=order, name=spec.name, sample_type=spec.sample_type or None, quantity=int(spec.quantity),
            unit=spec.unit or None, specification=spec.specification or None,
            storage_condition=spec.storage_condition or None, retention=spec.retention,
            status=SampleStatus.RECEIVED.value, sample_no=number,
        )
        if not announced:
            receive(sample, actor)
        session.add(sample)
        added.append(sample)
    return added


def sample_numbers(session: Session, on: dt.date | None, samples: Sequence[tuple[str, str]]) -> list[str]:
    """One sample number per (name, sample type), in order. When the sample rule numbers per type each
    needs a known type, whose code picks the sequence (else OrderRefused, naming every such sample).
    One counter statement per type code: a 1,000-row sample list takes its numbers at once, and the
    samples then go to the server in batched INSERTs."""
    per_type = numbers_per_type(session, DocType.SAMPLE)
    codes = _type_codes(session) if per_type else {}
    problems = [
        Problem(
            N("Problem", "Sample {name}: sample numbers are kept per type, so choose one of: {types}."),
            {"name": name, "types": "、".join(codes) or "—"},
        )
        for name, sample_type in samples
        if per_type and sample_type not in codes
    ]
    if problems:
        raise OrderRefused(problems)
    by_code: dict[str, list[int]] = {}
    for index, (_name, sample_type) in enumerate(samples):
        by_code.setdefault(codes.get(sample_type, ""), []).append(index)
    numbers = [""] * len(samples)
    for code, indexes in by_code.items():
        taken = allocate_numbers(session, DocType.SAMPLE, len(indexes), type_code=code, on=on)
        for index, number in zip(indexes, taken, strict=True):
            numbers[index] = number
    return numbers


def receive(sample: Sample, actor: Actor) -> None:
    """The front desk takes the sample in: it holds it, with a custody 'receive' event."""
    now = dt.datetime.now(dt.UTC)
    sample.holder_id, sample.received_at = actor.person_id, now
    sample.custody_events.append(CustodyEvent(
        action=CustodyAction.RECEIVE.value, to_person_id=actor.person_id, by_id=actor.person_id, at=now
    ))


def _refusals(breakdown: PriceBreakdown) -> list[Problem]:
    return [p.problem for p in breakdown.problems if p.severity is Severity.ERROR]


def _apply_lines(session: Session, order: Order, draft: OrderDraft, breakdown: PriceBreakdown,
                 samples_by_key: dict[str, Sample]) -> None:
    stored = {line.id: line for line in order.lines}
    keep = {line.line_id for line in draft.lines if line.line_id is not None}
    for line_id, line in stored.items():
        if line_id not in keep:
            order.lines.remove(line)
    for line_draft, priced in zip(draft.lines, breakdown.lines, strict=True):
        found = stored.get(line_draft.line_id) if line_draft.line_id is not None else None
        line = found if found is not None else OrderLine()
        if found is None:
            order.lines.append(line)
        line.test_item_id, line.package_id = line_draft.item_id, line_draft.package_id
        line.sample = samples_by_key.get(line_draft.sample_key) if line_draft.sample_key else None
        line.description = priced.description
        line.quantity, line.unit_price, line.amount = priced.units, priced.unit_price, priced.amount


def _apply_samples(session: Session, order: Order, draft: OrderDraft, actor: Actor) -> dict[str, Sample]:
    stored = {sample.id: sample for sample in order.samples}
    keep = {s.sample_id for s in draft.samples if s.sample_id is not None}
    for sample_id, gone in stored.items():
        if sample_id not in keep:
            # Its number is not reused: numbers are never handed out twice (the audit log keeps the row).
            order.samples.remove(gone)
    by_key: dict[str, Sample] = {}
    new_specs: list[SampleDraft] = []
    for spec in draft.samples:
        sample = stored.get(spec.sample_id) if spec.sample_id is not None else None
        if sample is None:
            new_specs.append(spec)
            continue
        sample.name, sample.quantity = spec.name, int(spec.quantity)
        sample.sample_type = spec.sample_type or None
        sample.unit, sample.specification = spec.unit or None, spec.specification or None
        sample.storage_condition, sample.retention = spec.storage_condition or None, spec.retention
        by_key[spec.key] = sample
    for spec, sample in zip(new_specs, register_samples(session, order, new_specs, actor), strict=True):
        by_key[spec.key] = sample
    return by_key


def _check_links(session: Session, draft: OrderDraft) -> list[Problem]:
    customer = session.get(Customer, draft.customer_id) if draft.customer_id is not None else None
    if customer is None:
        return [Problem(N("Problem", "The chosen customer no longer exists (someone removed the card). "
                                     "Choose the customer again."))]
    if customer.status == CustomerStatus.MERGED.value:
        target = session.get(Customer, customer.merged_into_id) if customer.merged_into_id else None
        return [Problem(
            N("Problem", "Customer {name} was merged into {target}. Choose {target} instead."),
            {"name": customer.name, "target": target.name if target else "—"},
        )]
    found = []
    links: tuple[tuple[int | None, type[Contact | Contract | EngineeringProject], str], ...] = (
        (draft.contact_id, Contact, N("Problem", "contact")),
        (draft.contract_id, Contract, N("Problem", "contract")),
        (draft.engineering_project_id, EngineeringProject, N("Problem", "engineering project")),
    )
    for record_id, model, what in links:
        if record_id is None:
            continue
        owner = session.scalar(select(model.customer_id).where(model.id == record_id))
        if owner != customer.id:
            found.append(Problem(
                N("Problem", "The chosen {what} does not belong to {customer}. Choose it again."),
                {"what": what, "customer": customer.name},
            ))
    return found


def reprice(session: Session, order: Order) -> PriceBreakdown:
    """Price the stored order again (after lines were added outside the form, e.g. a sample import)
    and write the breakdown to the order and its lines; raises OrderRefused if a line is refused."""
    draft = draft_of(order)
    breakdown = price_draft(pricing_inputs(session, draft), draft)
    refusals = _refusals(breakdown)
    if refusals:
        raise OrderRefused(refusals)
    for line, priced in zip(order.lines, breakdown.lines, strict=True):
        line.description, line.quantity = priced.description, priced.units
        line.unit_price, line.amount = priced.unit_price, priced.amount
    for column, value in breakdown.order_columns().items():
        setattr(order, column, value)
    # Lines changed outside the form: the order's version must move even if its total did not, or a
    # form still open on the old copy would save over (and remove) what was added.
    order.updated_at = dt.datetime.now(dt.UTC)
    return breakdown


def _require_order_writer(actor: Actor, new: bool) -> None:
    if not may_write(actor.roles, "orders", "insert" if new else "update"):
        raise PermissionDenied(Problem(
            N("Problem", "{who} may not register or change orders; the front desk does."),
            {"who": actor.display_name},
        ))


def save_draft(database: Database, draft: OrderDraft) -> SavedOrder:
    """Store ``draft`` (new or a stored draft) as ``database.actor``; see the module docstring."""
    actor = database.actor
    _require_order_writer(actor, draft.order_id is None)
    if not draft.editable:
        raise OrderRefused([Problem(
            N("Problem", "Order {order_no} is {status}; only a draft can be changed."),
            {"order_no": draft.order_no or "—", "status": draft.status},
        )])
    problems = draft_problems(draft)
    if problems:
        raise OrderRefused(problems)
    try:
        with writing(database) as session:
            return store_draft(session, draft, actor)
    except StaleDataError as error:  # a concurrent save between our read and our write
        raise _conflict(draft.order_no) from error


def store_draft(session: Session, draft: OrderDraft, actor: Actor, *, external: bool = False) -> SavedOrder:
    """Store ``draft`` in the caller's transaction. ``external``: a new order from outside, which waits
    in the intake queue unnumbered (``order_workflow.accept_intake`` numbers it)."""
    problems = _check_links(session, draft)
    breakdown = price_draft(pricing_inputs(session, draft), draft)
    problems += _refusals(breakdown)
    if problems:
        raise OrderRefused(problems)
    if draft.order_id is None:
        order = Order(
            status=(OrderStatus.PENDING if external else OrderStatus.DRAFT).value,
            channel=(OrderChannel.EXTERNAL if external else OrderChannel.INTERNAL).value,
            registered_by_id=None if external else actor.person_id,
            order_no=None if external else number_for_insert(session, DocType.ORDER, on=draft.received_date),
        )
        session.add(order)
    else:
        found = _load_order(session, draft.order_id)
        if found is None:
            raise gone(draft.order_id)
        order = found
        if order.version != draft.version:
            raise _conflict(order.order_no)
        if order.status != OrderStatus.DRAFT.value:
            raise OrderRefused([Problem(
                N("Problem", "Order {order_no} is {status} now; only a draft can be changed. Reload it."),
                {"order_no": order.order_no or "—", "status": order.status},
            )])
    assert draft.customer_id is not None  # draft_problems refused a draft without one
    order.customer_id = draft.customer_id
    order.contact_id, order.contract_id = draft.contact_id, draft.contract_id
    order.engineering_project_id = draft.engineering_project_id
    order.urgency, order.delivery_method = draft.urgency, draft.delivery_method
    order.received_date, order.due_date = draft.received_date, draft.due_date
    order.notes = draft.notes or None
    for column, value in breakdown.order_columns().items():
        setattr(order, column, value)
    if draft.order_id is not None:
        # Always an UPDATE of the order row, so its version moves even when only samples or lines
        # changed: that version is what tells a second workstation its copy is stale.
        order.updated_at = dt.datetime.now(dt.UTC)
    samples_by_key = _apply_samples(session, order, draft, actor)
    _apply_lines(session, order, draft, breakdown, samples_by_key)
    session.flush()
    numbers = {key: sample.sample_no for key, sample in samples_by_key.items() if sample.sample_no}
    return SavedOrder(order.id, order.order_no, order.version, order.status, numbers)
