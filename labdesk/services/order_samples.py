"""The samples of orders, for printing an order's sample labels from the Orders ledger."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.models.orders import Order
from labdesk.models.samples import Sample

# Chunk IN lists: SQLite caps bound parameters per statement.
_IN_CHUNK = 500


def sample_numbers_of_orders(session: Session, order_nos: Sequence[str]) -> list[str]:
    """The sample numbers of the given orders: order by order as given, each order's samples by
    sample number (repeated order numbers count once; unknown ones have no samples)."""
    unique = list(dict.fromkeys(order_nos))
    by_order: dict[str, list[str]] = {no: [] for no in unique}
    for start in range(0, len(unique), _IN_CHUNK):
        chunk = unique[start : start + _IN_CHUNK]
        rows = session.execute(
            select(Order.order_no, Sample.sample_no)
            .join(Sample, Sample.order_id == Order.id)
            .where(Order.order_no.in_(chunk))
            .order_by(Sample.sample_no, Sample.id)
        )
        for order_no, sample_no in rows:
            # Matched by its number, so accepted: accepting an intake order numbers all its samples.
            assert order_no is not None and sample_no is not None
            by_order[order_no].append(sample_no)
    return [sample_no for no in unique for sample_no in by_order[no]]
