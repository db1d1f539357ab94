"""The front office's ledgers: customers, contracts, orders (commissions) and their fees."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models import (
    Contact,
    ContactLog,
    Contract,
    Customer,
    EngineeringProject,
    InvoiceRequest,
    Order,
    OrderFee,
    OrderLine,
    Person,
    Receipt,
    Sample,
)
from labdesk.services.ledgers.common import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    RED,
    detail,
    person_alias,
    styles,
)
from labdesk.services.ledgers.spec import ColumnKind as K
from labdesk.services.ledgers.spec import DetailSection, LedgerSpec
from labdesk.services.ledgers.spec import LedgerColumn as C


def _orders_of(link: Any) -> DetailSection:
    """A card's list of the orders whose ``link`` column is the record's id, newest first."""
    return detail(
        N("Card", "Orders"),
        (N("Card", "Order no."), N("Card", "Received"), N("Card", "Status"), N("Card", "Final price")),
        lambda rid: (
            select(Order.order_no, Order.received_date, Order.status, Order.final_price)
            .where(link == rid)
            .order_by(Order.order_no.desc())
        ),
    )


_sales = person_alias("sales_owner")
CUSTOMERS = LedgerSpec(
    name="customers",
    title=N("Ledger", "Customers"),
    record_title=N("Ledger", "Customer"),
    id_column=Customer.id,
    source=Customer,
    joins=((_sales, Customer.sales_owner_id == _sales.id),),
    columns=(
        C("code", N("Ledger", "Customer code"), Customer.code, searchable=True, nullable=False, width=90),
        C("name", N("Ledger", "Customer name"), Customer.name, searchable=True, nullable=False, width=240),
        C("short_name", N("Ledger", "Short name"), Customer.short_name, searchable=True),
        C("status", N("Ledger", "Status"), Customer.status, K.STATUS, nullable=False, width=80),
        C("customer_type", N("Ledger", "Customer type"), Customer.customer_type),
        C("industry", N("Ledger", "Industry"), Customer.industry),
        C("phone", N("Ledger", "Phone"), Customer.phone, searchable=True),
        C("sales_owner", N("Ledger", "Sales owner"), _sales.full_name, searchable=True, width=80),
        C("next_follow_up_date", N("Ledger", "Next follow-up"), Customer.next_follow_up_date, K.DATE),
        C(
            "credit_code",
            N("Ledger", "Unified credit code"),
            Customer.credit_code,
            searchable=True,
            visible=False,
        ),
        C("address", N("Ledger", "Address"), Customer.address, visible=False, width=240),
        C(
            "updated_at",
            N("Ledger", "Updated at"),
            Customer.updated_at,
            K.DATETIME,
            nullable=False,
            visible=False,
        ),
    ),
    statuses=styles(
        ("active", N("Status", "Active"), GREEN),
        ("dormant", N("Status", "Dormant"), GREY),
        ("blacklisted", N("Status", "Blacklisted"), RED),
    ),
    details=(
        detail(
            N("Card", "Contacts"),
            (N("Card", "Name"), N("Card", "Title"), N("Card", "Phone"), N("Card", "E-mail")),
            lambda rid: (
                select(Contact.name, Contact.title, Contact.phone, Contact.email)
                .where(Contact.customer_id == rid)
                .order_by(Contact.is_primary.desc(), Contact.id)
            ),
        ),
        detail(
            N("Card", "Contact log"),
            (
                N("Card", "Visited at"),
                N("Card", "By"),
                N("Card", "Channel"),
                N("Card", "Summary"),
                N("Card", "Next visit"),
            ),
            lambda rid: (
                select(
                    ContactLog.visited_at,
                    Person.full_name,
                    ContactLog.channel,
                    ContactLog.summary,
                    ContactLog.next_visit_date,
                )
                .outerjoin(Person, ContactLog.person_id == Person.id)
                .where(ContactLog.customer_id == rid)
                .order_by(ContactLog.visited_at.desc())
            ),
        ),
        detail(
            N("Card", "Engineering projects"),
            (N("Card", "Code"), N("Card", "Name"), N("Card", "Site"), N("Card", "Status")),
            lambda rid: (
                select(
                    EngineeringProject.code,
                    EngineeringProject.name,
                    EngineeringProject.site_address,
                    EngineeringProject.status,
                )
                .where(EngineeringProject.customer_id == rid)
                .order_by(EngineeringProject.code)
            ),
        ),
        _orders_of(Order.customer_id),
    ),
)

_contract_customer = Customer.__table__.alias("contract_customer")
_received = (
    select(func.coalesce(func.sum(Receipt.amount), 0))
    .where(Receipt.contract_id == Contract.id)
    .correlate(Contract)
    .scalar_subquery()
)
_invoiced = (
    select(func.coalesce(func.sum(InvoiceRequest.amount), 0))
    .where(InvoiceRequest.contract_id == Contract.id, InvoiceRequest.status == "issued")
    .correlate(Contract)
    .scalar_subquery()
)
CONTRACTS = LedgerSpec(
    name="contracts",
    title=N("Ledger", "Contracts"),
    record_title=N("Ledger", "Contract"),
    id_column=Contract.id,
    source=Contract,
    joins=((_contract_customer, Contract.customer_id == _contract_customer.c.id),),
    columns=(
        C("contract_no", N("Ledger", "Contract no."), Contract.contract_no, searchable=True, nullable=False),
        C("title", N("Ledger", "Title"), Contract.title, searchable=True, nullable=False, width=220),
        C("customer", N("Ledger", "Customer"), _contract_customer.c.name, searchable=True, width=200),
        C("status", N("Ledger", "Status"), Contract.status, K.STATUS, nullable=False, width=80),
        C("signed_date", N("Ledger", "Signed"), Contract.signed_date, K.DATE),
        C("amount", N("Ledger", "Amount"), Contract.amount, K.MONEY, nullable=False),
        C("received", N("Ledger", "Received"), _received, K.MONEY, nullable=False),
        C("invoiced", N("Ledger", "Invoiced"), _invoiced, K.MONEY, nullable=False),
        C("end_date", N("Ledger", "Ends"), Contract.end_date, K.DATE),
    ),
    statuses=styles(
        ("pending", N("Status", "Awaiting intake"), BLUE),
    ("rejected", N("Status", "Rejected"), RED),
    ("draft", N("Status", "Draft"), GREY),
        ("under_review", N("Status", "Under review"), BLUE),
        ("approved", N("Status", "Approved"), AMBER),
        ("archived", N("Status", "Archived"), GREEN),
        ("completed", N("Status", "Completed"), GREY),
        ("terminated", N("Status", "Terminated"), RED),
    ),
    details=(
        detail(
            N("Card", "Receipts"),
            (
                N("Card", "Date"),
                N("Card", "Amount"),
                N("Card", "Method"),
                N("Card", "Payer"),
                N("Card", "Reference"),
            ),
            lambda rid: (
                select(
                    Receipt.received_date, Receipt.amount, Receipt.method, Receipt.payer, Receipt.reference
                )
                .where(Receipt.contract_id == rid)
                .order_by(Receipt.received_date)
            ),
        ),
        detail(
            N("Card", "Invoice requests"),
            (
                N("Card", "Request no."),
                N("Card", "Amount"),
                N("Card", "Status"),
                N("Card", "Invoice no."),
                N("Card", "Issued"),
            ),
            lambda rid: (
                select(
                    InvoiceRequest.invoice_request_no,
                    InvoiceRequest.amount,
                    InvoiceRequest.status,
                    InvoiceRequest.invoice_no,
                    InvoiceRequest.issued_date,
                )
                .where(InvoiceRequest.contract_id == rid)
                .order_by(InvoiceRequest.invoice_request_no)
            ),
        ),
        _orders_of(Order.contract_id),
    ),
)

ORDER_STATUSES = styles(
    ("draft", N("Status", "Draft"), GREY),
    ("submitted", N("Status", "Submitted"), BLUE),
    ("finance_confirmed", N("Status", "Fee confirmed"), BLUE),
    ("accepted", N("Status", "Accepted"), AMBER),
    ("in_testing", N("Status", "In testing"), AMBER),
    ("completed", N("Status", "Completed"), GREEN),
    ("reported", N("Status", "Reported"), GREEN),
    ("cancelled", N("Status", "Cancelled"), RED),
)
_order_customer = Customer.__table__.alias("order_customer")
ORDERS = LedgerSpec(
    name="orders",
    title=N("Ledger", "Orders"),
    record_title=N("Ledger", "Order"),
    id_column=Order.id,
    source=Order,
    joins=((_order_customer, Order.customer_id == _order_customer.c.id),),
    columns=(
        # NULL while a request waits in the intake queue: sorted after the numbered orders.
        C("order_no", N("Ledger", "Order no."), Order.order_no, searchable=True),
        C("customer", N("Ledger", "Customer"), _order_customer.c.name, searchable=True, width=220),
        C("status", N("Ledger", "Status"), Order.status, K.STATUS, nullable=False, width=90),
        C("urgency", N("Ledger", "Urgency"), Order.urgency, K.CODE, nullable=False, width=70),
        C("received_date", N("Ledger", "Received on"), Order.received_date, K.DATE),
        C("due_date", N("Ledger", "Due"), Order.due_date, K.DATE),
        C("list_price", N("Ledger", "List price"), Order.list_price, K.MONEY, nullable=False),
        C("final_price", N("Ledger", "Final price"), Order.final_price, K.MONEY, nullable=False),
        C("delivery_method", N("Ledger", "Report delivery"), Order.delivery_method, K.CODE, visible=False),
        C("notes", N("Ledger", "Notes"), Order.notes, searchable=True, visible=False, width=240),
    ),
    statuses=ORDER_STATUSES,
    details=(
        detail(
            N("Card", "Order lines"),
            (N("Card", "Description"), N("Card", "Quantity"), N("Card", "Unit price"), N("Card", "Amount")),
            lambda rid: (
                select(OrderLine.description, OrderLine.quantity, OrderLine.unit_price, OrderLine.amount)
                .where(OrderLine.order_id == rid)
                .order_by(OrderLine.id)
            ),
        ),
        detail(
            N("Card", "Samples"),
            (N("Card", "Sample no."), N("Card", "Name"), N("Card", "Type"), N("Card", "Status")),
            lambda rid: (
                select(Sample.sample_no, Sample.name, Sample.sample_type, Sample.status)
                .where(Sample.order_id == rid)
                .order_by(Sample.sample_no)
            ),
        ),
    ),
)

_fee_order = Order.__table__.alias("fee_order")
_fee_customer = Customer.__table__.alias("fee_customer")
_confirmer = person_alias("fee_confirmer")
FEES = LedgerSpec(
    name="fees",
    title=N("Ledger", "Fees"),
    record_title=N("Ledger", "Order fee"),
    id_column=OrderFee.id,
    source=OrderFee,
    joins=(
        (_fee_order, OrderFee.order_id == _fee_order.c.id),
        (_fee_customer, _fee_order.c.customer_id == _fee_customer.c.id),
        (_confirmer, OrderFee.confirmed_by_id == _confirmer.id),
    ),
    columns=(
        C("order_no", N("Ledger", "Order no."), _fee_order.c.order_no, searchable=True, nullable=False),
        C("customer", N("Ledger", "Customer"), _fee_customer.c.name, searchable=True, width=220),
        C("order_status", N("Ledger", "Order status"), _fee_order.c.status, K.STATUS, width=90),
        C("list_price", N("Ledger", "List price"), OrderFee.list_price, K.MONEY, nullable=False),
        C("discount_amount", N("Ledger", "Discount"), OrderFee.discount_amount, K.MONEY, nullable=False),
        C("final_price", N("Ledger", "Final price"), OrderFee.final_price, K.MONEY, nullable=False),
        C("charged", N("Ledger", "Charged"), OrderFee.charged, K.BOOLEAN, width=60),
        C("amount_received", N("Ledger", "Received"), OrderFee.amount_received, K.MONEY, nullable=False),
        C(
            "outstanding",
            N("Ledger", "Outstanding"),
            OrderFee.final_price - OrderFee.amount_received,
            K.MONEY,
            nullable=False,
        ),
        C("note", N("Ledger", "Note"), OrderFee.note, searchable=True, width=200),
        C("confirmed_by", N("Ledger", "Confirmed by"), _confirmer.full_name, width=80),
        C("confirmed_at", N("Ledger", "Confirmed at"), OrderFee.confirmed_at, K.DATETIME),
    ),
    statuses=ORDER_STATUSES,
)
