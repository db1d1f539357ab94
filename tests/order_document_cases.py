"""The printed order form's data, checked against the database on SQLite and on PostgreSQL."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from labdesk.models import Order, OrderLine, Sample
from labdesk.printing.order_form_pdf import render_order_form
from labdesk.services.database import Database
from labdesk.services.order_document import OrderGone, load_order_document


def busiest_order(database: Database) -> int:
    """The demo order with the most lines (so the check covers lines and their samples)."""
    with database.read_session() as session:
        return session.scalars(
            select(OrderLine.order_id).group_by(OrderLine.order_id)
            .order_by(func.count().desc(), OrderLine.order_id).limit(1)
        ).one()


def check_document_matches_the_order(database: Database) -> None:
    order_id = busiest_order(database)
    doc = load_order_document(database, order_id)
    with database.read_session() as session:
        order = session.get(Order, order_id)
        assert order is not None
        assert (doc.order_no, doc.status, doc.urgency, doc.delivery_method) == (
            order.order_no, order.status, order.urgency, order.delivery_method)
        assert (doc.received_date, doc.due_date) == (order.received_date, order.due_date)
        assert (doc.list_price, doc.discount_amount, doc.surcharge_pct, doc.surcharge_amount, doc.vat_rate,
                doc.tax_amount, doc.final_price) == (
            order.list_price, order.discount_amount, order.surcharge_pct, order.surcharge_amount,
            order.vat_rate, order.tax_amount, order.final_price)
        assert doc.subtotal == order.list_price - order.discount_amount
        assert doc.customer_name == order.customer.name
        assert doc.contract_no == (order.contract.contract_no if order.contract else "")
        assert doc.registered_by == (order.registered_by.full_name if order.registered_by else "")
        lines = session.scalars(
            select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.id)
        ).all()
        assert [(r.description, r.quantity, r.unit_price, r.amount) for r in doc.lines] == [
            (r.description, r.quantity, r.unit_price, r.amount) for r in lines]
        assert [r.sample_no for r in doc.lines] == [r.sample.sample_no if r.sample else None for r in lines]
        samples = session.scalars(select(Sample.sample_no).where(Sample.order_id == order_id)).all()
        assert sorted(s.sample_no or "" for s in doc.samples) == sorted(s or "" for s in samples)
    assert doc.lines, "the busiest demo order has lines"
    buffer = io.BytesIO()
    assert render_order_form(doc, buffer) >= 1
    assert buffer.getvalue().startswith(b"%PDF")


def check_a_missing_order_is_one_sentence(database: Database) -> None:
    with pytest.raises(OrderGone) as caught:
        load_order_document(database, 987_654_321)
    assert str(caught.value) == (
        "Order 987654321 no longer exists; refresh the list and choose the order again.")
