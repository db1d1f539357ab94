"""The printed order form's data (委托单 / 受理回执), read from the database in one session.

Only this module reads SQL for the form; the renderer (``labdesk.printing.order_form_pdf``) gets the
plain :class:`OrderDocument` it builds. Text is copied verbatim: the renderer decides how to show
characters a PDF cannot print.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.orders import Order, OrderLine
from labdesk.printing.order_form_data import LAB_NAME, OrderDocument, OrderLineRow, OrderSampleRow
from labdesk.services.database import Database
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import reading

__all__ = ["LAB_NAME", "OrderDocument", "OrderGone", "OrderLineRow", "OrderSampleRow", "load_order_document"]


class OrderGone(ProblemError):
    """The order was deleted (or never existed) since the list showed it."""


def load_order_document(database: Database, order_id: int) -> OrderDocument:
    """Everything the order form prints, loaded eagerly in one read-only session."""
    with reading(database) as session:
        order = session.scalars(
            select(Order)
            .where(Order.id == order_id)
            .options(
                joinedload(Order.customer),
                joinedload(Order.contact),
                joinedload(Order.contract),
                joinedload(Order.engineering_project),
                joinedload(Order.registered_by),
                selectinload(Order.samples),
                selectinload(Order.lines).joinedload(OrderLine.sample),
            )
        ).unique().one_or_none()
        if order is None:
            raise OrderGone(Problem(
                N("Problem", "Order {id} no longer exists; refresh the list and choose the order again."),
                {"id": str(order_id)},
            ))
        customer, contact = order.customer, order.contact
        samples = tuple(
            OrderSampleRow(
                sample_no=s.sample_no,
                name=s.name,
                sample_type=s.sample_type or "",
                quantity=s.quantity,
                unit=s.unit or "",
                specification=s.specification or "",
                storage_condition=s.storage_condition or "",
                retention=s.retention,
                retain_until=s.retain_until,
            )
            for s in order.samples
        )
        lines = tuple(
            OrderLineRow(
                description=line.description,
                sample_no=line.sample.sample_no if line.sample is not None else None,
                quantity=line.quantity,
                unit_price=line.unit_price,
                amount=line.amount,
            )
            for line in order.lines
        )
        return OrderDocument(
            order_no=order.order_no,
            status=order.status,
            received_date=order.received_date,
            due_date=order.due_date,
            urgency=order.urgency,
            delivery_method=order.delivery_method,
            customer_name=customer.name,
            customer_address=customer.address or "",
            customer_phone=customer.phone or "",
            contact_name=contact.name if contact is not None else "",
            contact_phone=(contact.phone or "") if contact is not None else "",
            contract_no=order.contract.contract_no if order.contract is not None else "",
            project_name=order.engineering_project.name if order.engineering_project is not None else "",
            samples=samples,
            lines=lines,
            list_price=order.list_price,
            discount_amount=order.discount_amount,
            # Not stored: pricing defines it as list price - discount (docs/pricing.md).
            subtotal=order.list_price - order.discount_amount,
            surcharge_pct=order.surcharge_pct,
            surcharge_amount=order.surcharge_amount,
            vat_rate=order.vat_rate,
            tax_amount=order.tax_amount,
            final_price=order.final_price,
            notes=order.notes or "",
            registered_by=order.registered_by.full_name if order.registered_by is not None else "",
        )
