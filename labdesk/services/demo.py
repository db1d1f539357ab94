"""Demo data: a realistic, seed-deterministic laboratory in every ledger, for first start and benchmarks.

Rows are plain dicts inserted with Core executemany in chunks, never ORM objects: the unit of work
costs far more per row, and the instrument ledger is benchmarked at a million rows (on PostgreSQL
those go through COPY). Ids are assigned here (the database is empty, so 1..n): child rows need no
RETURNING round trip. Everything runs in one transaction, so a refusal, a cancel or an error leaves
the database as it was. Dates hang off today so reminders look current; all else follows the seed.
"""



from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from labdesk.models import Base, CodingCounter, CodingRule, DocType, JobRoleKey, Urgency
from labdesk.services.dates import add_months as add_months  # re-exported: demo_assets, demo_history
from labdesk.services.demo_intake import intake_requests
from labdesk.services.demo_pools import (
    BRANDS,
    CITIES,
    CONTACT_SUMMARIES,
    CONTACT_TITLES,
    CUSTOMER_KINDS,
    ESTATES,
    GIVEN_NAMES,
    INACTIVE_LOGINS,
    INFRA_WORKS,
    JOB_ROLE_NAMES,
    PACKAGES,
    ROADS,
    STAFF,
    STRUCTURE_TYPES,
    SURNAMES,
    TEST_ITEMS,
)
from labdesk.services.numbering import DEFAULT_RULES, format_number, period_key
from labdesk.services.pricing import money as money  # the demo rounds as the price engine does

Row = dict[str, Any]
T = TypeVar("T")
CENT = Decimal("0.01")
ADMIN = "liuyang"
VAT_RATE = Decimal("0.0600")  # VAT on testing services (现代服务业)
SURCHARGE_PCT = {
    Urgency.NORMAL: Decimal("0.00"),
    Urgency.URGENT: Decimal("50.00"),
    Urgency.EXPRESS: Decimal("100.00"),
}
CHUNK = 5_000
COPY_THRESHOLD = 50_000  # above this many instruments PostgreSQL gets COPY (measured faster, see report)


@dataclass(frozen=True)
class DemoSizes:
    customers: int = 60
    instruments: int = 300
    orders: int = 200
    samples: int = 600
    seed: int = 2026


class DatabaseNotEmpty(Exception):
    """Demo data goes only into an empty database: it would otherwise mix with real records."""


class DemoCancelled(Exception):
    """The caller's ``cancelled()`` said stop; the transaction was rolled back."""


def stamp(at: dt.datetime, login: str) -> Row:
    """The ledger columns of a row created (and last changed) by ``login`` at ``at``."""
    return {"created_at": at, "created_by": login, "updated_at": at, "updated_by": login, "version": 1}


def chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(rows)
    while part := list(itertools.islice(it, size)):
        yield part


def table_of(model: type[Base] | Table) -> Table:
    table = model if isinstance(model, Table) else model.__table__
    assert isinstance(table, Table)
    return table


class Writer:
    """Inserts rows chunk by chunk, reporting progress and honouring cancellation between chunks."""

    def __init__(
        self,
        conn: Connection,
        progress: Callable[[str, int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.conn = conn
        self.progress = progress
        self.cancelled = cancelled
        self.counts: dict[str, int] = {}

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise DemoCancelled("Demo data generation was cancelled; nothing was written.")

    def add(self, model: type[Base] | Table, rows: Iterable[Row], total: int | None = None) -> None:
        table = table_of(model)
        if total is None:
            rows = list(rows)
            total = len(rows)
        done = self.counts.get(table.name, 0)
        for part in chunks(rows, CHUNK):
            self.check()
            self.conn.execute(insert(table), part)
            done += len(part)
            self._report(table.name, done, total)
        self.counts[table.name] = done

    def copy(
        self, model: type[Base], columns: list[str], rows: Iterable[tuple[Any, ...]], total: int
    ) -> None:
        """PostgreSQL COPY on this transaction's own connection, so a cancel still rolls it back."""
        table = table_of(model)
        driver = self.conn.connection.driver_connection
        assert driver is not None
        done = 0
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with driver.cursor() as cursor, cursor.copy(sql) as cp:
            for part in chunks(rows, 20_000):
                self.check()
                for row in part:
                    cp.write_row(row)
                done += len(part)
                self._report(table.name, done, total)
        self.counts[table.name] = done

    def _report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)


class Numbers:
    """Hands out document numbers by the demo's coding rules and remembers the counters to store."""

    def __init__(self) -> None:
        self.last: dict[tuple[DocType, str], int] = {}

    def take(self, doc: DocType, on: dt.date) -> str:
        rule = DEFAULT_RULES[doc]
        period = period_key(rule.reset, on)
        seq = self.last.get((doc, period), 0) + 1
        self.last[(doc, period)] = seq
        return format_number(rule, on, seq)

    def rows(self, at: dt.datetime) -> tuple[list[Row], list[Row]]:
        rules = [
            {
                "id": i,
                "doc_type": doc.value,
                "prefix": rule.prefix,
                "pattern": rule.pattern,
                "seq_width": rule.seq_width,
                "reset": rule.reset.value,
                "per_type": rule.per_type,
                **stamp(at, ADMIN),
            }
            for i, (doc, rule) in enumerate(DEFAULT_RULES.items(), 1)
        ]
        rule_id = {doc: i for i, doc in enumerate(DEFAULT_RULES, 1)}
        counters = [
            {"rule_id": rule_id[doc], "period": period, "type_code": "", "last_value": last}
            for (doc, period), last in sorted(self.last.items())
        ]
        return rules, counters


class Demo:
    """State shared by the generation steps: the random stream, today, who is who, what was made."""

    def __init__(self, conn: Connection, sizes: DemoSizes, writer: Writer) -> None:
        self.conn, self.sizes, self.w = conn, sizes, writer
        self.rng = random.Random(sizes.seed)
        self.today = dt.date.today()
        # Generated history ends at the start of today (UTC) so no record lies in the future.
        self.horizon = dt.datetime(self.today.year, self.today.month, self.today.day, tzinfo=dt.UTC)
        self.founded = self.at(self.today - dt.timedelta(days=3 * 365))
        self.numbers = Numbers()
        self.events: list[Row] = []
        self.logins: dict[int, str] = {}
        self.ids: dict[str, int] = {}
        self.instrument_codes: list[str] = []
        self.dept: dict[int, str] = {}
        self.staff: dict[JobRoleKey, list[int]] = defaultdict(list)
        self.qualified: dict[int, list[int]] = defaultdict(list)
        self.customers: list[Row] = []
        self.contracts: list[Row] = []
        self.orders: list[Row] = []
        # ("customer" | "contract", id) -> (discount percent, {test item id: fixed price})
        self.prices: dict[tuple[str, int], tuple[Decimal, dict[int, Decimal]]] = {}

    def table(self, name: str) -> Table:
        return Base.metadata.tables[name]

    # --- small helpers -------------------------------------------------------------------------
    def at(self, day: dt.date) -> dt.datetime:
        """A moment in office hours (08:00-18:00 China time = 00:00-10:00 UTC) on ``day``."""
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(
            minutes=self.rng.randrange(600)
        )

    def ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def times(self, start: dt.datetime, n: int, max_gap_hours: int) -> list[dt.datetime]:
        """``n`` increasing moments from ``start``, squeezed to end before today if they would not."""
        gaps = [dt.timedelta(minutes=self.rng.randrange(20, max_gap_hours * 60)) for _ in range(n - 1)]
        room, total = self.horizon - start, sum(gaps, dt.timedelta())
        if gaps and total >= room:
            scale = max(room, dt.timedelta(minutes=n)) / (total * 1.05)
            gaps = [gap * scale for gap in gaps]
        moments = [start]
        for gap in gaps:
            moments.append(moments[-1] + gap)
        return moments

    def who(self, role: JobRoleKey) -> int:
        return self.rng.choice(self.staff[role])

    def login(self, role: JobRoleKey) -> str:
        return self.logins[self.who(role)]

    def tech_for(self, item_id: int | None) -> int:
        return self.rng.choice(self.qualified.get(item_id or 0) or self.staff[JobRoleKey.TECHNICIAN])

    def person_name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES)

    def mobile(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def flow(
        self,
        doc: DocType,
        rid: int,
        steps: list[tuple[str, str, str]],
        start: dt.datetime,
        max_gap_hours: int = 48,
    ) -> list[dt.datetime]:
        """Workflow history for one document: (action, new state, actor login) per step, in time order."""
        moments = self.times(start, len(steps), max_gap_hours)
        previous: str | None = None
        for (action, state, actor), moment in zip(steps, moments, strict=True):
            self.events.append(
                {
                    "doc_type": doc.value,
                    "record_id": rid,
                    "action": action,
                    "from_state": previous,
                    "to_state": state,
                    "actor": actor,
                    "at": moment,
                    "comment": None,
                }
            )
            previous = state
        return moments

    # --- people and catalogue ------------------------------------------------------------------
    def people(self) -> None:
        at = self.founded
        role_ids = {key: i for i, key in enumerate(JobRoleKey, 1)}
        self.w.add(
            self.table("job_roles"),
            [
                {"id": role_ids[key], "key": key.value, "name": JOB_ROLE_NAMES[key], **stamp(at, ADMIN)}
                for key in JobRoleKey
            ],
        )
        people, links = [], []
        for pid, (login, name, dept, keys) in enumerate(STAFF, 1):
            people.append(
                {
                    "id": pid,
                    "login": login,
                    "full_name": name,
                    "email": f"{login}@jcjc.example.cn",
                    "phone": self.mobile(),
                    "department": dept,
                    "active": login not in INACTIVE_LOGINS,
                    **stamp(at, ADMIN),
                }
            )
            links += [{"person_id": pid, "role_id": role_ids[key]} for key in keys]
            self.logins[pid], self.dept[pid], self.ids[login] = login, dept, pid
            for key in keys if login not in INACTIVE_LOGINS else ():
                self.staff[key].append(pid)
        self.w.add(self.table("people"), people)
        self.w.add(self.table("person_roles"), links)

    def catalog(self) -> None:
        at = self.founded
        self.w.add(
            self.table("test_items"),
            [
                {
                    "id": i,
                    "code": s.code,
                    "name": s.name,
                    "standard": s.standard,
                    "parameter": s.parameter,
                    "unit_price": s.price,
                    "pricing_unit": s.unit.value,
                    "turnaround_days": s.days,
                    "required_qualification": f"{s.department}{s.name}上岗证",
                    "department": s.department,
                    "retired": False,
                    **stamp(at, ADMIN),
                }
                for i, s in enumerate(TEST_ITEMS, 1)
            ],
        )
        self.item_id = {s.code: i for i, s in enumerate(TEST_ITEMS, 1)}
        self.items_of: dict[str, list[int]] = defaultdict(list)
        for i, spec in enumerate(TEST_ITEMS, 1):
            self.items_of[spec.material].append(i)
        self.packages_of: dict[str, list[tuple[int, Decimal, str, list[int]]]] = defaultdict(list)
        packages, members = [], []
        for pid, (code, name, codes) in enumerate(PACKAGES, 1):
            ids = [self.item_id[c] for c in codes]
            full = sum((TEST_ITEMS[i - 1].price for i in ids), Decimal(0))
            # A package sells at 90 % of its items, rounded down to ten yuan.
            price = ((full * Decimal("0.09")).to_integral_value(ROUND_FLOOR) * 10).quantize(CENT)
            packages.append(
                {"id": pid, "code": code, "name": name, "price": price, "retired": False, **stamp(at, ADMIN)}
            )
            members += [
                {"package_id": pid, "test_item_id": i, "quantity": 1, **stamp(at, ADMIN)} for i in ids
            ]
            self.packages_of[TEST_ITEMS[ids[0] - 1].material].append((pid, price, name, ids))
        self.w.add(self.table("test_packages"), packages)
        self.w.add(self.table("test_package_items"), members)
        quals = []
        former = [i for i, login in self.logins.items() if login in INACTIVE_LOGINS]
        for pid in self.staff[JobRoleKey.TECHNICIAN] + former:
            own = [i for i, s in enumerate(TEST_ITEMS, 1) if s.department == self.dept[pid]]
            chosen = sorted(set(own) | set(self.rng.sample(range(1, len(TEST_ITEMS) + 1), 3)))
            for item in chosen:
                since = self.ago(100, 1500)
                until = since + dt.timedelta(days=3 * 365)  # 上岗证 are valid for three years
                quals.append(
                    {
                        "person_id": pid,
                        "test_item_id": item,
                        "level": self.rng.choice("AAB"),
                        "certificate_no": f"SG{since.year}-{self.rng.randrange(10**4):04d}",
                        "valid_from": since,
                        "valid_until": until,
                        **stamp(self.at(since), ADMIN),
                    }
                )
                if until >= self.today and self.logins[pid] not in INACTIVE_LOGINS:
                    self.qualified[item].append(pid)
        self.w.add(self.table("qualifications"), quals)

    # --- customers -----------------------------------------------------------------------------
    def customer_rows(self) -> None:
        rng, kinds = self.rng, list(CUSTOMER_KINDS)
        customers: list[Row] = []
        contacts: list[Row] = []
        logs: list[Row] = []
        projects: list[Row] = []
        created = sorted(self.ago(30, 3 * 365) for _ in range(self.sizes.customers))
        for cid, day in enumerate(created, 1):
            city, kind = rng.choice(CITIES), rng.choices(kinds, (4, 2, 2, 1, 3))[0]
            industry, templates = CUSTOMER_KINDS[kind]
            brand = rng.choice(BRANDS)
            name = rng.choice(templates).format(c=city.name, b=brand)
            district = rng.choice(city.districts)
            owner = self.who(JobRoleKey.SALES)
            by, at = self.logins[owner], self.at(day)
            status = rng.choices(("active", "dormant", "blacklisted"), (85, 10, 5))[0]
            info: Row = {
                "id": cid,
                "name": name,
                "short": f"{city.name}{brand}",
                "credit": credit_code(rng, city.region_code),
                "city": city,
                "district": district,
                "owner": owner,
                "status": status,
                "kind": kind,
                "contacts": [],
                "projects": [],
                "contracts": [],
            }
            for j in range(rng.randint(1, 3)):
                info["contacts"].append((len(contacts) + 1, self.person_name()))
                contacts.append(
                    {
                        "id": len(contacts) + 1,
                        "customer_id": cid,
                        "name": info["contacts"][-1][1],
                        "title": rng.choice(CONTACT_TITLES),
                        "phone": self.mobile(),
                        "email": f"kh{cid:04d}.{j + 1}@example.cn" if rng.random() < 0.4 else None,
                        "is_primary": j == 0,
                        **stamp(at, by),
                    }
                )
            for _ in range(rng.randint(0, 3) if kind != "材料供应商" else 0):
                pid = len(projects) + 1
                if rng.random() < 0.7:
                    pname = f"{city.name}{rng.choice(ESTATES)}{rng.randint(1, 3)}期{rng.randint(1, 18)}#楼"
                else:
                    pname = rng.choice(INFRA_WORKS).format(
                        n=rng.randint(1, 12), d=district[:-1], r=rng.choice(ROADS)
                    )
                info["projects"].append((pid, pname))
                projects.append(
                    {
                        "id": pid,
                        "code": f"GC{pid:05d}",
                        "name": pname,
                        "customer_id": cid,
                        "site_address": f"{city.province}{city.name}市{district}{rng.choice(ROADS)}"
                        f"与{rng.choice(ROADS)}交叉口",
                        "structure_type": rng.choice(STRUCTURE_TYPES),
                        "start_date": self.ago(20, 900),
                        "status": rng.choices(("planned", "active", "suspended", "finished"), (1, 6, 1, 2))[
                            0
                        ],
                        **stamp(at, by),
                    }
                )
            visits = sorted(self.ago(1, 180) for _ in range(rng.randint(1, 4) if status == "active" else 1))
            next_visit: dt.date | None = None
            for k, visit in enumerate(visits):
                # Each log's next visit is the following one; the last sets the follow-up reminder,
                # some already overdue, most in the coming weeks. Blacklisted customers get none.
                last = k == len(visits) - 1
                next_visit = (
                    (visit + dt.timedelta(days=rng.randint(7, 45)) if last else visits[k + 1])
                    if status != "blacklisted"
                    else None
                )
                contact_id, _ = rng.choice(info["contacts"])
                summary = rng.choice(CONTACT_SUMMARIES).format(
                    p=info["projects"][0][1] if info["projects"] else "近期"
                )
                logs.append(
                    {
                        "customer_id": cid,
                        "contact_id": contact_id,
                        "person_id": owner,
                        "visited_at": self.at(visit),
                        "channel": rng.choice(("visit", "phone", "wechat", "visit", "email")),
                        "summary": summary,
                        "next_visit_date": next_visit,
                        **stamp(self.at(visit), by),
                    }
                )
            address = f"{city.province}{city.name}市{district}{rng.choice(ROADS)}{rng.randint(1, 999)}号"
            customers.append(
                {
                    "id": cid,
                    "code": self.numbers.take(DocType.CUSTOMER, day),
                    "name": name,
                    "short_name": info["short"],
                    "customer_type": kind,
                    "industry": industry,
                    "credit_code": info["credit"],
                    "address": address,
                    "phone": f"{city.area_code}-{rng.randrange(8 * 10**6, 9 * 10**7)}",
                    "sales_owner_id": owner,
                    "status": status,
                    "next_follow_up_date": next_visit,
                    "notes": "欠款未结清，暂停受理" if status == "blacklisted" else None,
                    **stamp(at, by),
                }
            )
            self.customers.append(info)
        self.w.add(self.table("customers"), customers)
        self.w.add(self.table("contacts"), contacts)
        self.w.add(self.table("contact_logs"), logs)
        self.w.add(self.table("engineering_projects"), projects)


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 alphabet (no I, O, S, V, Z)
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(rng: random.Random, region: str) -> str:
    """A 统一社会信用代码 with a valid GB 32100-2015 check character ("91" = enterprise)."""
    body = "91" + region + "".join(rng.choice(CREDIT_CHARS) for _ in range(9))
    check = (31 - sum(CREDIT_CHARS.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS, strict=True)) % 31) % 31
    return body + CREDIT_CHARS[check]


# Checked first so the refusal names what a user recognises; every other table is checked after them.
REFUSAL_ORDER = ("customers", "orders", "instruments", "samples", "reports", "contracts", "people")
# Reference rows every migrated database starts with (migration 0005); the demo replaces them.
SEEDED_TABLES = ("coding_rules", "job_roles")
# Reference rows (migration 0008) the demo keeps as they are: its sample types are the seeded ones.
KEPT_SEEDS = ("sample_types",)
# Counted from the database after the intake requests, which the order services write (not the
# writer), and the kept seeds.
INTAKE_TABLES = ("orders", "samples", "order_lines", "custody_events", "workflow_events", *KEPT_SEEDS)


def _refuse_if_not_empty(conn: Connection) -> None:
    first = {name: i for i, name in enumerate(REFUSAL_ORDER)}
    tables = sorted(Base.metadata.sorted_tables, key=lambda t: first.get(t.name, len(first)))
    for table in tables:
        if table.name in (*SEEDED_TABLES, *KEPT_SEEDS, "audit_log"):  # audit_log: the seeds' own rows
            continue
        if conn.execute(select(text("1")).select_from(table).limit(1)).first() is not None:
            count = conn.execute(select(func.count()).select_from(table)).scalar_one()
            raise DatabaseNotEmpty(
                f"The database already has data ({count} rows in {table.name}); "
                "demo data goes only into an empty database."
            )


def fill_demo(
    engine: Engine,
    sizes: DemoSizes,
    progress: Callable[[str, int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Fill an empty, migrated database with demo data; returns the rows written per table name.

    Raises :class:`DatabaseNotEmpty` (nothing written) if any table has rows, and :class:`DemoCancelled`
    (everything rolled back) when ``cancelled()`` turns true between two chunks.
    """
    # Imported here: the history steps build on this module's helpers (a cycle at import time otherwise).
    from labdesk.services import demo_assets as assets
    from labdesk.services import demo_history as history

    with engine.begin() as conn:
        _refuse_if_not_empty(conn)
        for name in SEEDED_TABLES:
            conn.execute(Base.metadata.tables[name].delete())
        writer = Writer(conn, progress, cancelled)
        demo = Demo(conn, sizes, writer)
        demo.people()
        demo.catalog()
        demo.customer_rows()
        history.contracts(demo)
        history.orders(demo)
        history.invoices(demo)
        assets.projects(demo)
        assets.reports(demo)
        assets.instruments(demo)
        assets.labels(demo)
        rules, counters = demo.numbers.rows(demo.founded)
        writer.add(CodingRule, rules)
        writer.add(CodingCounter, counters)
        writer.add(demo.table("workflow_events"), sorted(demo.events, key=lambda e: e["at"]))
        if conn.dialect.name == "postgresql":
            # Ids were given explicitly, so the serial sequences never moved: move them past the data.
            # Table names come from our own metadata, never from input.
            for table in Base.metadata.sorted_tables:
                if "id" in table.c and writer.counts.get(table.name):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT max(id) FROM {table.name}))"
                        )
                    )
        customers = [c["id"] for c in demo.customers if c["status"] != "blacklisted"]
        intake_requests(conn, customers, demo.items_of, demo.today)
        for name in INTAKE_TABLES:
            counted = select(func.count()).select_from(demo.table(name))
            writer.counts[name] = conn.execute(counted).scalar_one()
    return writer.counts
