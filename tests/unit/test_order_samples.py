"""An order's samples for its labels: order by order as asked, each order's samples by number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.order_samples import sample_numbers_of_orders


@pytest.fixture
def session(sqlite_engine: Engine) -> Iterator[Session]:
    fill_demo(sqlite_engine, DemoSizes(customers=5, instruments=5, orders=8, samples=30))
    with Session(sqlite_engine) as session:
        yield session


def samples_by_sql(session: Session, order_no: str) -> list[str]:
    """The order's sample numbers by plain SQL, independent of the service."""
    rows = session.execute(
        text(
            "select s.sample_no from samples s join orders o on o.id = s.order_id "
            "where o.order_no = :no order by s.sample_no"
        ),
        {"no": order_no},
    )
    return [row[0] for row in rows]


def orders_with_samples(session: Session) -> list[str]:
    rows = session.execute(
        text(
            "select o.order_no from orders o where exists "
            "(select 1 from samples s where s.order_id = o.id) order by o.order_no"
        )
    )
    return [row[0] for row in rows]


def test_two_orders_in_the_order_asked(session: Session) -> None:
    orders = orders_with_samples(session)
    assert len(orders) >= 2
    first, second = orders[-1], orders[0]  # asked in reverse: the answer follows the asking
    expected = samples_by_sql(session, first) + samples_by_sql(session, second)
    assert sample_numbers_of_orders(session, [first, second]) == expected
    assert sample_numbers_of_orders(session, [second, first]) == (
        samples_by_sql(session, second) + samples_by_sql(session, first)
    )


def test_every_sample_of_an_order_once(session: Session) -> None:
    orders = orders_with_samples(session)
    # Samples of intake requests have no number yet, and their orders none to print by.
    total = session.execute(text("select count(*) from samples where sample_no is not null")).scalar_one()
    numbers = sample_numbers_of_orders(session, orders)
    assert len(numbers) == total == len(set(numbers))


def test_repeats_unknown_and_empty(session: Session) -> None:
    order = orders_with_samples(session)[0]
    assert sample_numbers_of_orders(session, [order, order]) == samples_by_sql(session, order)
    assert sample_numbers_of_orders(session, ["WT-NO-SUCH", order]) == samples_by_sql(session, order)
    assert sample_numbers_of_orders(session, []) == []


def test_an_order_without_samples_has_none(session: Session) -> None:
    empty = session.execute(
        text(
            "select o.order_no from orders o where not exists "
            "(select 1 from samples s where s.order_id = o.id)"
        )
    ).scalars().all()
    for order_no in empty:
        assert sample_numbers_of_orders(session, [order_no]) == []
