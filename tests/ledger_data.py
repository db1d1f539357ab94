"""Instruments with awkward sort values (duplicates, NULLs, Chinese, SQL metacharacters) for paging tests."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import Engine, insert

from labdesk.models import Instrument

HOSTILE_NAMES = (
    "压力试验机 100%_型",
    "O'Brien 天平",
    "a\\b 温度计",
    "'; DROP TABLE instruments; --",
    "试验机🙂",
)


def insert_instruments(engine: Engine, count: int, seed: int = 7) -> None:
    """``count`` instruments whose manufacturer and due date repeat and are NULL for some rows."""
    rng = random.Random(seed)
    makers = ["济南试金", "上海华龙", "梅特勒-托利多", "Zwick", None]
    rows = []
    for n in range(1, count + 1):
        due = None if n % 7 == 0 else dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 40))
        rows.append(
            {
                "code": f"YQ-{n:06d}",
                "name": HOSTILE_NAMES[(n // 50) % len(HOSTILE_NAMES)]
                if n % 50 == 0
                else f"仪器{rng.randrange(0, 30):02d}",
                "manufacturer": makers[n % len(makers)],
                "status": "in_service" if n % 3 else "under_repair",
                "next_due_date": due,
            }
        )
    with engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            conn.execute(insert(Instrument), rows[start : start + 5000])
