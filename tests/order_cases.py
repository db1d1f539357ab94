"""Order scenarios shared by the SQLite and PostgreSQL tests: saving drafts (priced, numbered per
type), bad input, the order workflow with finance's step, and the intake queue."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from labdesk.models import (
    CodingRule,
    CustodyEvent,
    Customer,
    Order,
    OrderFee,
    OrderLine,
    Sample,
    TestItem,
    WorkflowEvent,
)
from labdesk.services.actor import Actor
from labdesk.services.database import Database
from labdesk.services.fees import FeeConflict, batch_edit_fees, fee_selection_summary
from labdesk.services.order_drafts import LineDraft, OrderDraft, SampleDraft, price_draft
from labdesk.services.order_workflow import (
    accept_intake,
    cancel_order,
    confirm_fee,
    intake_queue,
    order_summary,
    reject_intake,
    submit_external_order,
    take_order_action,
)
from labdesk.services.orders import (
    OrderConflict,
    OrderRefused,
    find_customers,
    load_draft,
    pricing_inputs,
    sample_types,
    save_draft,
)
from labdesk.services.permissions import PermissionDenied
from labdesk.services.workflow import TransitionNotAllowed
from tests import catalog_cases

D = Decimal
DAY = catalog_cases.DAY
# Printer control characters, quotes, SQL, emoji; under the 200-character name limit.
HOSTILE = "样品\x1b^XZ\x10'\"; DROP TABLE samples;--🙂<b>" + "长" * 150


def as_roles(db: Database, *roles: str, login: str = "someone") -> Database:
    return dataclasses.replace(db, actor=Actor(login, frozenset(roles)))


def a_draft(ids: dict[str, int], **changes: object) -> OrderDraft:
    """Customer 乙 (no price list): a concrete and a rebar sample; per-sample, per-parameter and package
    lines."""
    draft = OrderDraft(
        customer_id=ids["beta"], received_date=DAY, notes=HOSTILE,
        samples=(
            SampleDraft("a", HOSTILE, "混凝土", 3, "组", "150mm", "标养"),
            SampleDraft("b", "HRB400 钢筋", "钢筋", 2),
        ),
        lines=(
            LineDraft(item_id=ids["C01"], quantity=3, sample_key="a"),
            LineDraft(item_id=ids["R01"], quantity=2, count=3, sample_key="b"),
            LineDraft(package_id=ids["K01"], quantity=1),
        ),
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def check_save_numbers_and_prices(db: Database) -> None:
    ids = catalog_cases.seed(db)
    draft = a_draft(ids)
    saved = save_draft(db, draft)
    assert saved.order_no and saved.order_no.startswith("WT2026-") and saved.status == "draft"
    assert set(saved.sample_numbers) == {"a", "b"}
    assert len(set(saved.sample_numbers.values())) == 2
    with db.read_session() as s:
        expected = price_draft(pricing_inputs(s, draft), draft)
        order = s.get(Order, saved.order_id)
        assert order is not None
        assert (order.list_price, order.final_price) == (expected.list_price, expected.final_price)
        # 3 x 120 + 2 x 3 x 85.50 + 300 = 1173.00, 6 % VAT = 70.38
        assert order.final_price == D("1243.38")
        assert order.notes == HOSTILE
        names = set(s.scalars(select(Sample.name).where(Sample.order_id == saved.order_id)))
        assert names == {HOSTILE, "HRB400 钢筋"}
        lines = s.execute(
            select(OrderLine.quantity, OrderLine.amount)
            .where(OrderLine.order_id == saved.order_id)
            .order_by(OrderLine.id)
        ).all()
        assert [tuple(r) for r in lines] == [(3, D("360.00")), (6, D("513.00")), (1, D("300.00"))]
        receipts = s.scalar(select(CustodyEvent.action).join(Sample).where(Sample.order_id == saved.order_id))
        assert receipts == "receive"
    again = load_draft(db, saved.order_id)
    assert {s.name for s in again.samples} == {HOSTILE, "HRB400 钢筋"}
    # the per-parameter line comes back as 2 samples x 3 parameters
    rebar = next(line for line in again.lines if line.item_id == ids["R01"])
    assert (rebar.quantity, rebar.count) == (2, 3)


def check_edit_remove_and_conflict(db: Database) -> None:
    ids = catalog_cases.seed(db)
    saved = save_draft(db, a_draft(ids))
    draft = load_draft(db, saved.order_id)
    keep = tuple(s for s in draft.samples if s.name != HOSTILE)
    key = keep[0].key
    edited = dataclasses.replace(
        draft, samples=keep,
        lines=tuple(dataclasses.replace(line, quantity=4) if line.sample_key == key else line
                    for line in draft.lines if line.sample_key in (None, key)),
    )
    resaved = save_draft(db, edited)
    assert resaved.version > saved.version
    with db.read_session() as s:
        order = s.get(Order, saved.order_id)
        assert order is not None
        assert [smp.name for smp in order.samples] == ["HRB400 钢筋"]
        # 4 x 3 x 85.50 + 300 = 1326.00, VAT 79.56
        assert order.final_price == D("1405.56")
    # The first form still holds the old version: refused, nothing changed.
    with pytest.raises(OrderConflict):
        save_draft(db, dataclasses.replace(draft, notes="stale"))
    assert load_draft(db, saved.order_id).notes == HOSTILE


def check_numbers_per_type(db: Database) -> None:
    ids = catalog_cases.seed(db)
    with db.session() as s:
        s.execute(update(CodingRule).where(CodingRule.doc_type == "sample")
                  .values(pattern="{prefix}{type}{yyyy}-{seq}", per_type=True, seq_width=3))
    saved = save_draft(db, a_draft(ids))
    second = save_draft(db, a_draft(ids))
    assert saved.sample_numbers == {"a": "YPHNT2026-001", "b": "YPGJ2026-001"}
    assert second.sample_numbers == {"a": "YPHNT2026-002", "b": "YPGJ2026-002"}
    assert [t.code for t in sample_types(db)][:2] == ["HNT", "GJ"]
    untyped = a_draft(ids, samples=(SampleDraft("a", "无类型样品", "", 1),), lines=())
    with pytest.raises(OrderRefused, match="per type"):
        save_draft(db, untyped)


def check_bad_input(db: Database) -> None:
    ids = catalog_cases.seed(db)
    base = a_draft(ids)
    cases = {
        "zero sample": dataclasses.replace(
            base, samples=(SampleDraft("a", "x", quantity=0), base.samples[1])
        ),
        "negative line": dataclasses.replace(base, lines=(LineDraft(item_id=ids["C01"], quantity=-1),)),
        "fraction": dataclasses.replace(base, lines=(LineDraft(item_id=ids["C01"], quantity=D("2.5")),)),
        "300 characters": dataclasses.replace(base, samples=(SampleDraft("a", "长" * 300), base.samples[1])),
        "retired item": dataclasses.replace(base, lines=(LineDraft(item_id=ids["X01"]),)),
        "retired package": dataclasses.replace(base, lines=(LineDraft(package_id=ids["K02"]),)),
        "no customer": dataclasses.replace(base, customer_id=None),
        "deleted customer": dataclasses.replace(base, customer_id=999_999),
    }
    for label, draft in cases.items():
        with pytest.raises(OrderRefused) as refused:
            save_draft(db, draft)
        assert refused.value.problems, label
    with db.read_session() as s:
        assert s.scalar(select(Order.id).limit(1)) is None  # nothing half-stored
    # Merged customer: told which card replaced it.
    with db.session() as s:
        s.execute(update(Customer).where(Customer.id == ids["beta"])
                  .values(status="merged", merged_into_id=ids["alpha"]))
    with pytest.raises(OrderRefused, match="merged into 甲公司"):
        save_draft(db, base)
    assert [c.name for c in find_customers(db, "公司")] == ["甲公司"]


def check_retired_after_drafting(db: Database) -> None:
    ids = catalog_cases.seed(db)
    saved = save_draft(db, a_draft(ids))
    with db.session() as s:
        s.execute(
            update(TestItem).where(TestItem.id == ids["C01"]).values(retired=True, unit_price=D("999.00"))
        )
    draft = load_draft(db, saved.order_id)
    again = save_draft(db, dataclasses.replace(draft, notes="re-saved"))  # the stored line keeps its item
    with db.read_session() as s:
        order = s.get(Order, again.order_id)
        assert order is not None and order.notes == "re-saved"
    # ... but a new line with the retired item is refused.
    stored_lines = load_draft(db, saved.order_id).lines
    added = dataclasses.replace(
        draft, lines=(*stored_lines, LineDraft(item_id=ids["C01"])), version=again.version
    )
    with pytest.raises(OrderRefused, match="retired"):
        save_draft(db, added)


def check_workflow_and_fee(db: Database) -> None:
    ids = catalog_cases.seed(db)
    front, tech = as_roles(db, "front_desk"), as_roles(db, "technician")
    finance, signatory = as_roles(db, "finance"), as_roles(db, "signatory")
    empty = save_draft(front, a_draft(ids, samples=(), lines=()))
    with pytest.raises(OrderRefused, match="at least one sample"):
        take_order_action(front, empty.order_id, empty.version, "submit")
    saved = save_draft(front, a_draft(ids))
    summary = order_summary(front, saved.order_id)
    assert summary.actions == ["submit", "cancel"]
    summary = take_order_action(front, saved.order_id, summary.version, "submit")
    assert summary.status == "submitted" and summary.fee_charged is None
    assert order_summary(tech, saved.order_id).actions == []
    with pytest.raises(PermissionDenied):
        confirm_fee(tech, saved.order_id, summary.version, charged=True, amount_received=D("1"), note=None)
    with pytest.raises(Exception, match="two decimals"):
        confirm_fee(
            finance, saved.order_id, summary.version, charged=True, amount_received="1.005", note=None
        )
    summary = confirm_fee(finance, saved.order_id, summary.version, charged=True, amount_received="500.00",
                          note=HOSTILE)
    assert (summary.status, summary.fee_charged, summary.amount_received, summary.fee_note) == (
        "finance_confirmed", True, D("500.00"), HOSTILE)
    stale = summary.version - 1
    with pytest.raises(OrderConflict):
        take_order_action(front, saved.order_id, stale, "accept")
    summary = take_order_action(front, saved.order_id, summary.version, "accept")
    summary = take_order_action(tech, saved.order_id, summary.version, "start_testing", comment=HOSTILE)
    summary = take_order_action(tech, saved.order_id, summary.version, "complete")
    with pytest.raises(TransitionNotAllowed):
        cancel_order(front, saved.order_id, summary.version, reason="too late")
    summary = take_order_action(signatory, saved.order_id, summary.version, "report")
    assert summary.status == "reported"
    steps = [(h.action, h.from_state, h.to_state) for h in summary.history]
    assert steps == [
        ("submit", "draft", "submitted"), ("confirm_fee", "submitted", "finance_confirmed"),
        ("accept", "finance_confirmed", "accepted"), ("start_testing", "accepted", "in_testing"),
        ("complete", "in_testing", "completed"), ("report", "completed", "reported"),
    ]
    assert summary.history[3].comment == HOSTILE
    with db.read_session() as s:
        fee = s.scalars(select(OrderFee).where(OrderFee.order_id == saved.order_id)).one()
        assert (fee.final_price, fee.amount_received, fee.note) == (D("1243.38"), D("500.00"), HOSTILE)


def check_cancel_needs_reason(db: Database) -> None:
    ids = catalog_cases.seed(db)
    front = as_roles(db, "front_desk")
    saved = save_draft(front, a_draft(ids))
    with pytest.raises(OrderRefused, match="reason is required"):
        cancel_order(front, saved.order_id, saved.version, reason="  ")
    summary = cancel_order(front, saved.order_id, saved.version, reason=HOSTILE)
    assert summary.status == "cancelled" and summary.actions == []
    with db.read_session() as s:
        assert s.scalar(select(Order.cancel_reason).where(Order.id == saved.order_id)) == HOSTILE


def check_fee_batch_races_a_confirmation(db: Database) -> None:
    """Finance reads a batch summary; a colleague confirms one of the orders meanwhile: the batch edit
    is refused whole, and nothing of it is applied."""
    ids = catalog_cases.seed(db)
    front, finance = as_roles(db, "front_desk"), as_roles(db, "finance")
    orders = []
    for _ in range(3):
        saved = save_draft(front, a_draft(ids))
        orders.append(take_order_action(front, saved.order_id, saved.version, "submit"))
    with db.read_session() as s:
        fee_ids = list(s.scalars(select(OrderFee.id).order_by(OrderFee.id)))
    summary = fee_selection_summary(finance, fee_ids)
    confirm_fee(
        finance, orders[1].order_id, orders[1].version, charged=False, amount_received="0", note="免费"
    )
    with pytest.raises(FeeConflict):
        batch_edit_fees(finance, summary.versions, charged=True, note="batch")
    with db.read_session() as s:
        notes = list(s.scalars(select(OrderFee.note).order_by(OrderFee.id)))
    assert notes == [None, "免费", None]


def check_intake(db: Database) -> None:
    ids = catalog_cases.seed(db)
    front = as_roles(db, "front_desk")
    first = submit_external_order(front, a_draft(ids))
    second = submit_external_order(front, a_draft(ids, notes="第二个"))
    with db.read_session() as s:
        assert s.scalar(select(Order.order_no).where(Order.id == first)) is None
        assert set(s.scalars(select(Sample.sample_no).where(Sample.order_id == first))) == {None}
    queue = intake_queue(front)
    assert [row.order_id for row in queue] == [first, second]
    assert (queue[0].samples, queue[0].lines, queue[0].final_price) == (2, 3, D("1243.38"))
    with pytest.raises(PermissionDenied):
        accept_intake(as_roles(db, "technician"), first, queue[0].version)
    accepted = accept_intake(front, first, queue[0].version)
    assert accepted.order_no and accepted.status == "submitted"
    assert len(accepted.sample_numbers) == 2 and all(accepted.sample_numbers.values())
    with pytest.raises(OrderRefused, match="reason is required"):
        reject_intake(front, second, queue[1].version, reason="")
    reject_intake(front, second, queue[1].version, reason="样品不符合要求")
    assert intake_queue(front) == []
    with db.read_session() as s:
        rejected = s.get(Order, second)
        assert rejected is not None
        assert (rejected.status, rejected.order_no) == ("rejected", None)
        assert rejected.cancel_reason == "样品不符合要求"
        assert s.scalar(select(OrderFee.final_price).where(OrderFee.order_id == first)) == D("1243.38")
        events = list(s.scalars(
            select(WorkflowEvent.action)
            .where(WorkflowEvent.record_id.in_([first, second]), WorkflowEvent.doc_type == "order")
        ))
        assert sorted(events) == ["accept_intake", "reject"]


Case = Callable[[Database], None]
CASES: list[Case] = [
    check_save_numbers_and_prices,
    check_edit_remove_and_conflict,
    check_numbers_per_type,
    check_bad_input,
    check_retired_after_drafting,
    check_workflow_and_fee,
    check_cancel_needs_reason,
    check_fee_batch_races_a_confirmation,
    check_intake,
]
ALL_JOBS = ("front_desk", "technician", "equipment_manager", "finance", "signatory", "sales", "admin")


def case_id(case: Case) -> str:
    return case.__name__.removeprefix("check_")
