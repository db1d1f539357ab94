"""An order as the order form holds it (委托单草稿): plain frozen data, no database, no Qt.

The form edits an :class:`OrderDraft`, re-prices it on every change with :func:`price_draft` (pure,
fast: the pricing engine on a snapshot loaded once) and hands it to ``orders.save_draft``, which
checks it again, numbers the order and its new samples and stores it. ``orders.load_draft`` gives
a stored order back in the same shape, so one form edits new and saved orders alike.

Lines refer to samples by ``SampleDraft.key``, a handle that is stable inside one form (new samples
have no id yet); a line with no sample key is for the whole order (a package, an on-site job).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.orders import DeliveryMethod, OrderStatus, Urgency
from labdesk.models.samples import Retention
from labdesk.services.catalog import PricingInputs
from labdesk.services.pricing import LineInput, OrderTerms, PriceBreakdown, price_order
from labdesk.services.problems import Problem

# Re-exported for the UI, which may not import labdesk.models.
__all__ = [
    "DeliveryMethod",
    "LineDraft",
    "OrderDraft",
    "OrderStatus",
    "Retention",
    "SampleDraft",
    "Urgency",
    "draft_problems",
    "price_draft",
]

# The surcharge an urgency level brings by default (percent); the form lets the front desk change it.
URGENCY_SURCHARGE: dict[str, Decimal] = {
    Urgency.NORMAL.value: Decimal("0.00"),
    Urgency.URGENT.value: Decimal("50.00"),
    Urgency.EXPRESS.value: Decimal("100.00"),
}
DEFAULT_VAT = Decimal("0.0600")

# Column widths of the tables the draft is stored in (samples.*, orders.notes is TEXT).
MAX_SAMPLE_NAME = 200
MAX_SAMPLE_TYPE = 200
MAX_SPECIFICATION = 500
MAX_STORAGE = 500
MAX_UNIT = 32
MAX_NOTES = 10_000
MAX_QUANTITY = 1_000_000


@dataclass(frozen=True)
class SampleDraft:
    key: str  # stable inside one form; lines refer to it
    name: str
    sample_type: str = ""
    quantity: int | Decimal = 1  # loosely typed: the form may hand over 0 or -1 and gets told why
    unit: str = ""
    specification: str = ""
    storage_condition: str = ""
    retention: str = Retention.DISPOSE.value
    sample_id: int | None = None  # set once stored
    sample_no: str | None = None  # set once numbered


@dataclass(frozen=True)
class LineDraft:
    item_id: int | None = None
    package_id: int | None = None
    quantity: int | Decimal = 1  # samples (or packages) the line is for
    count: int | Decimal = 1  # parameters or points per sample (see pricing)
    sample_key: str | None = None
    line_id: int | None = None  # set once stored: a stored line keeps a since-retired item's price


@dataclass(frozen=True)
class OrderDraft:
    customer_id: int | None = None
    contact_id: int | None = None
    contract_id: int | None = None
    engineering_project_id: int | None = None
    urgency: str = Urgency.NORMAL.value
    surcharge_pct: Decimal = Decimal("0.00")
    vat_rate: Decimal = DEFAULT_VAT
    delivery_method: str = DeliveryMethod.COLLECT.value
    received_date: dt.date | None = None
    due_date: dt.date | None = None
    notes: str = ""
    samples: tuple[SampleDraft, ...] = ()
    lines: tuple[LineDraft, ...] = ()
    # Set by the service for a stored order; the form shows them and sends id and version back.
    order_id: int | None = None
    version: int | None = None
    order_no: str | None = None
    status: str = OrderStatus.DRAFT.value
    customer_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # display names of contact, contract, project

    @property
    def editable(self) -> bool:
        """Only a draft (or a new order) changes its samples, lines and terms."""
        return self.status == OrderStatus.DRAFT.value


def pricing_day(draft: OrderDraft) -> dt.date:
    """The day the price list must be valid on: the day the order was received, else today."""
    return draft.received_date or dt.date.today()


def price_draft(inputs: PricingInputs, draft: OrderDraft) -> PriceBreakdown:
    """The draft's price, with the same engine and rules the service stores (``docs/pricing.md``)."""
    lines = [
        LineInput(line.item_id, line.package_id, line.quantity, line.count, on_order=line.line_id is not None)
        for line in draft.lines
    ]
    terms = OrderTerms(draft.surcharge_pct, draft.vat_rate, pricing_day(draft))
    return price_order(inputs.catalogue, lines, terms, inputs.price_list)


def _whole_positive(value: int | Decimal) -> bool:
    return (
        not isinstance(value, bool)
        and value == int(value)
        and 0 < int(value) <= MAX_QUANTITY
    )


def _too_long(what: str, text: str, limit: int, row: int) -> Problem | None:
    if len(text) <= limit:
        return None
    return Problem(
        N("Problem", "Sample {row}: the {what} is {length} characters long; at most {max} fit."),
        {"row": str(row), "what": what, "length": str(len(text)), "max": str(limit)},
    )


def draft_problems(draft: OrderDraft) -> list[Problem]:
    """What stops the draft from being saved, apart from pricing (see :func:`price_draft`): each a
    sentence naming the sample or line. Text is never cleaned or cut: hostile text is kept verbatim
    as long as it fits its column."""
    found: list[Problem] = []
    if draft.customer_id is None:
        found.append(Problem(N("Problem", "Choose the customer first (type a few letters of the name).")))
    keys = {s.key for s in draft.samples}
    if len(keys) != len(draft.samples):
        found.append(Problem(N("Problem", "Two samples share one key; reload the order.")))
    for row, sample in enumerate(draft.samples, 1):
        if not sample.name.strip():
            found.append(Problem(N("Problem", "Sample {row} has no name."), {"row": str(row)}))
        if not _whole_positive(sample.quantity):
            found.append(Problem(
                N("Problem", "Sample {row}: the quantity {value} is not a whole number from 1 to {max}."),
                {"row": str(row), "value": str(sample.quantity), "max": str(MAX_QUANTITY)},
            ))
        if sample.retention not in {r.value for r in Retention}:
            found.append(Problem(
                N("Problem", "Sample {row}: choose retain, dispose or return to customer."), {"row": str(row)}
            ))
        for what, text, limit in (
            (N("Problem", "name"), sample.name, MAX_SAMPLE_NAME),
            (N("Problem", "type"), sample.sample_type, MAX_SAMPLE_TYPE),
            (N("Problem", "specification"), sample.specification, MAX_SPECIFICATION),
            (N("Problem", "storage condition"), sample.storage_condition, MAX_STORAGE),
            (N("Problem", "unit"), sample.unit, MAX_UNIT),
        ):
            problem = _too_long(what, text, limit, row)
            if problem is not None:
                found.append(problem)
    for row, line in enumerate(draft.lines, 1):
        if line.sample_key is not None and line.sample_key not in keys:
            found.append(Problem(
                N("Problem",
                  "Line {row} belongs to a sample that was removed; remove the line or choose a sample."),
                {"row": str(row)},
            ))
    if len(draft.notes) > MAX_NOTES:
        found.append(Problem(
            N("Problem", "The notes are {length} characters long; at most {max} fit."),
            {"length": str(len(draft.notes)), "max": str(MAX_NOTES)},
        ))
    if draft.urgency not in URGENCY_SURCHARGE:
        found.append(Problem(N("Problem", "Choose normal, urgent or express.")))
    if draft.delivery_method not in {d.value for d in DeliveryMethod}:
        found.append(Problem(N("Problem", "Choose how the report is delivered: collect, post or e-mail.")))
    return found
