"""What the printed order form (委托单 / 受理回执) shows: plain frozen data, no SQL, no Qt.

It lives in ``labdesk.printing`` so that the renderer (``order_form_pdf``) needs nothing from
``labdesk.services``; ``labdesk.services.order_document`` builds it from the database.
Codes (status, urgency, delivery, retention) stay codes here: the form chooses their printed words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

# No lab-name setting exists yet; the form prints this until one does.
LAB_NAME = "LabDesk 建设工程质量检测中心"


@dataclass(frozen=True)
class OrderSampleRow:
    sample_no: str | None  # None while the order waits in the intake queue
    name: str
    sample_type: str
    quantity: int
    unit: str
    specification: str
    storage_condition: str
    retention: str  # a Retention code
    retain_until: dt.date | None = None


@dataclass(frozen=True)
class OrderLineRow:
    description: str
    sample_no: str | None  # None: the line is for the whole order
    quantity: int  # billed units
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class OrderDocument:
    order_no: str | None  # None: pending in the intake queue, printed as 待受理
    status: str  # an OrderStatus code
    received_date: dt.date | None
    due_date: dt.date | None
    urgency: str  # an Urgency code
    delivery_method: str  # a DeliveryMethod code
    customer_name: str
    customer_address: str
    customer_phone: str
    contact_name: str
    contact_phone: str
    contract_no: str
    project_name: str
    samples: tuple[OrderSampleRow, ...]
    lines: tuple[OrderLineRow, ...]
    list_price: Decimal
    discount_amount: Decimal
    subtotal: Decimal
    surcharge_pct: Decimal  # percent, e.g. 50.00
    surcharge_amount: Decimal
    vat_rate: Decimal  # fraction, e.g. 0.0600
    tax_amount: Decimal
    final_price: Decimal
    notes: str
    registered_by: str
    lab_name: str = LAB_NAME
