"""The demo's intake queue: a few orders sent from outside, waiting for the front desk, and one that
was refused. Made through the order services themselves (not written as rows like the rest of the
demo), so the queue shows exactly what a real request looks like: priced, unnumbered, pending."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select
from sqlalchemy.orm import sessionmaker

from labdesk.models.orders import Order
from labdesk.services.actor import ALL_ROLES, Actor
from labdesk.services.demo_pools import SAMPLE_KINDS
from labdesk.services.order_drafts import LineDraft, OrderDraft, SampleDraft
from labdesk.services.order_workflow import ORDER_WORKFLOW
from labdesk.services.orders import store_draft
from labdesk.services.stamps import install_stamps
from labdesk.services.workflow import take

PORTAL = Actor("portal", ALL_ROLES)  # stands for the customer portal's account (a later issue)
REQUESTS = 4  # the last one is refused, so the ledger shows a rejected request too
REFUSAL = "样品已超过龄期，无法检测"


def intake_requests(conn: Connection, customer_ids: list[int], items_of: dict[str, list[int]],
                    today: dt.date) -> None:
    """Store the requests in the demo's transaction."""
    if not customer_ids:
        return
    sessions = sessionmaker(bind=conn)  # joins the demo's transaction: a cancelled demo leaves nothing
    install_stamps(sessions, conn.dialect.name)  # created_by / updated_by, as on any workstation
    session = sessions(info={"actor": PORTAL})
    materials = [m for m in SAMPLE_KINDS if items_of.get(m)]
    for i in range(REQUESTS):
        material = materials[i % len(materials)]
        kind = SAMPLE_KINDS[material]
        samples = tuple(
            SampleDraft(f"s{k}", kind.names[k % len(kind.names)], material, kind.quantities[0], kind.unit,
                        kind.specs[k % len(kind.specs)], kind.storage)
            for k in range(1 + i % 2)
        )
        lines = tuple(LineDraft(item_id=items_of[material][0], quantity=s.quantity, sample_key=s.key)
                      for s in samples)
        draft = OrderDraft(customer_id=customer_ids[i % len(customer_ids)], received_date=today,
                           samples=samples, lines=lines, notes=f"网上委托 {i + 1}")
        saved = store_draft(session, draft, PORTAL, external=True)
        if i == REQUESTS - 1:
            order = session.scalars(select(Order).where(Order.id == saved.order_id)).one()
            take(session, ORDER_WORKFLOW, order, "reject", PORTAL, REFUSAL)
            order.cancel_reason = REFUSAL
    session.flush()
    session.close()
