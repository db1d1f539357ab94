"""Demo data, part two: the documents and their history (contracts with receipts, orders with samples,
lines, fees and custody, invoice requests, projects and tasks, reports), each consistent with its
status: a dispatched report has its approvals, seal and dispatch; a sample in testing has a holder.
Projects, reports, instruments and label jobs are in :mod:`labdesk.services.demo_assets`.
"""



from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from labdesk.models import (
    ContractStatus,
    CustodyAction,
    DeliveryMethod,
    DocType,
    InvoiceRequestStatus,
    JobRoleKey,
    OrderStatus,
    PaymentMethod,
    PricingUnit,
    Retention,
    SampleStatus,
    Urgency,
)
from labdesk.services import pricing
from labdesk.services.demo import CENT, SURCHARGE_PCT, VAT_RATE, Demo, Row, add_months, money, stamp
from labdesk.services.demo_pools import CANCEL_REASONS, SAMPLE_KINDS, TEST_ITEMS

# Short names: they fill every line of the status tables below.
CS, F, OS = ContractStatus, JobRoleKey, OrderStatus
MATERIALS = list(SAMPLE_KINDS)
MATERIAL_WEIGHTS = (30, 25, 8, 8, 8, 5, 5, 3, 3, 5)  # concrete and rebar are most of a materials lab's work
ORDER_PATH = [
    ("submit", OS.SUBMITTED, F.FRONT_DESK),
    ("confirm_fee", OS.FINANCE_CONFIRMED, F.FINANCE),
    ("accept", OS.ACCEPTED, F.FRONT_DESK),
    ("start_testing", OS.IN_TESTING, F.TECHNICIAN),
    ("complete", OS.COMPLETED, F.TECHNICIAN),
    ("report", OS.REPORTED, F.SIGNATORY),
]


def contracts(d: Demo) -> None:
    rng = d.rng
    eligible = [c for c in d.customers if c["status"] != "blacklisted"] or d.customers
    n = round(len(d.customers) * 0.6)
    statuses = list(CS)[:n] + rng.choices(list(CS), (1, 1, 2, 6, 3, 1), k=max(0, n - len(CS)))
    specs = []
    for status in statuses:
        age = (
            (1, 30)
            if status in (CS.DRAFT, CS.UNDER_REVIEW)
            else (400, 800)
            if status is CS.COMPLETED
            else (20, 380)
        )
        specs.append((d.ago(*age), status, rng.choice(eligible)))
    specs.sort(key=lambda spec: spec[0])
    rows, receipts = [], []
    for kid, (created, status, cust) in enumerate(specs, 1):
        sales = d.logins[cust["owner"]]
        path = [
            ("create", CS.DRAFT, sales),
            ("submit", CS.UNDER_REVIEW, sales),
            ("approve", CS.APPROVED, d.login(F.SIGNATORY)),
            ("archive", CS.ARCHIVED, d.login(F.FRONT_DESK)),
            ("complete", CS.COMPLETED, sales),
        ]
        if status is CS.TERMINATED:
            steps = [*path[:4], ("terminate", CS.TERMINATED, d.login(F.SIGNATORY))]
        else:
            steps = path[: [s for _, s, _ in path].index(status) + 1]
        flow = [(a, s.value, who) for a, s, who in steps]
        moments = d.flow(DocType.CONTRACT, kid, flow, d.at(created), 96)
        signed = moments[2].date() if len(moments) > 2 else None  # signed when approved
        project = rng.choice(cust["projects"]) if cust["projects"] and rng.random() < 0.7 else None
        title = (
            f"{project[1]}检测服务合同" if project else f"{cust['short']}{created.year}年度材料检测框架协议"
        )
        amount = Decimal(rng.randrange(20_000, 800_000, 1_000)).quantize(CENT)
        rows.append(
            {
                "id": kid,
                "contract_no": d.numbers.take(DocType.CONTRACT, created),
                "title": title,
                "customer_id": cust["id"],
                "engineering_project_id": project[0] if project else None,
                "signed_date": signed,
                "start_date": signed,
                "end_date": add_months(signed, 12) if signed else None,
                "amount": amount,
                "status": status.value,
                "owner_id": cust["owner"],
                "notes": None,
                **stamp(moments[0], sales),
                "updated_at": moments[-1],
                "updated_by": steps[-1][2],
            }
        )
        info: Row = {
            "id": kid,
            "customer": cust,
            "status": status,
            "amount": amount,
            "signed": signed,
            "orders": [],
        }
        cust["contracts"].append(info)
        d.contracts.append(info)
        if signed is None:
            continue
        share = {
            CS.APPROVED: rng.uniform(0, 0.3),
            CS.ARCHIVED: rng.uniform(0.2, 0.9),
            CS.COMPLETED: 1.0,
            CS.TERMINATED: rng.uniform(0, 0.5),
        }[status]
        paid, parts, so_far = money(amount * Decimal(f"{share:.2f}")), rng.randint(1, 3), Decimal("0.00")
        span = max(0, (d.today - signed).days - 1)
        for j in range(parts):
            part = paid - so_far if j == parts - 1 else money(paid / parts)
            if part <= 0:
                continue
            so_far += part
            day = signed + dt.timedelta(days=span * (j + 1) // (parts + 1))
            clerk = d.who(F.FINANCE)
            receipts.append(
                {
                    "contract_id": kid,
                    "received_date": day,
                    "amount": part,
                    "method": rng.choices(list(PaymentMethod), (12, 1, 1, 1, 3, 1))[0].value,
                    "payer": cust["name"],
                    "reference": f"HX{day:%Y%m%d}{rng.randrange(10**6):06d}",
                    "registered_by_id": clerk,
                    **stamp(d.at(day), d.logins[clerk]),
                }
            )
    d.w.add(d.table("contracts"), rows)
    d.w.add(d.table("receipts"), receipts)
    _price_lists(d, eligible)


def _price_lists(d: Demo, eligible: list[Row]) -> None:
    """Negotiated prices for a few regular customers, and one list bound to an archived contract."""
    rng, lists, entries = d.rng, [], []
    regulars = rng.sample(eligible, min(4, len(eligible)))
    owners: list[tuple[str, int, Row]] = [("customer", c["id"], c) for c in regulars]
    archived = [k for k in d.contracts if k["status"] is CS.ARCHIVED]
    if archived:
        owners.append(("contract", archived[0]["id"], archived[0]["customer"]))
    for lid, (kind, key, cust) in enumerate(owners, 1):
        pct = Decimal(rng.choice((10, 12, 15, 20))).quantize(CENT)
        fixed = {
            i: money(TEST_ITEMS[i - 1].price * Decimal("0.75"))
            for i in rng.sample(range(1, len(TEST_ITEMS) + 1), rng.randint(2, 4))
        }
        d.prices[(kind, key)] = (pct, fixed)
        start = d.ago(30, 300)
        by = d.login(F.SALES)
        lists.append(
            {
                "id": lid,
                "name": f"{cust['short']}协议价{start.year}",
                "customer_id": cust["id"],
                "contract_id": key if kind == "contract" else None,
                "discount_pct": pct,
                "valid_from": start,
                "valid_until": add_months(start, 12),
                **stamp(d.at(start), by),
            }
        )
        entries += [
            {"price_list_id": lid, "test_item_id": i, "fixed_price": p, **stamp(d.at(start), by)}
            for i, p in fixed.items()
        ]
    d.w.add(d.table("price_lists"), lists)
    d.w.add(d.table("price_list_entries"), entries)


def _order_status(d: Demo, age: int) -> OrderStatus:
    """Recent orders are still early in the flow, old ones reported; a few of each age cancelled."""
    if age <= 3:
        return d.rng.choices(
            (OS.DRAFT, OS.SUBMITTED, OS.FINANCE_CONFIRMED, OS.ACCEPTED, OS.CANCELLED), (3, 3, 2, 2, 1)
        )[0]
    if age <= 20:
        return d.rng.choices(
            (OS.FINANCE_CONFIRMED, OS.ACCEPTED, OS.IN_TESTING, OS.COMPLETED, OS.CANCELLED), (1, 2, 4, 2, 1)
        )[0]
    if age <= 45:
        return d.rng.choices((OS.IN_TESTING, OS.COMPLETED, OS.REPORTED, OS.CANCELLED), (2, 3, 5, 1))[0]
    return d.rng.choices((OS.REPORTED, OS.COMPLETED, OS.CANCELLED), (14, 1, 1))[0]


def orders(d: Demo) -> None:
    rng, n = d.rng, d.sizes.orders if d.customers else 0
    days = sorted(d.ago(1, 365) for _ in range(n))
    statuses = [_order_status(d, (d.today - day).days) for day in days]
    # Pending and rejected requests come from the intake queue (demo_intake), never from this history.
    shown = [s for s in OS if s not in (OS.PENDING, OS.REJECTED)]
    for missing in [s for s in shown if s not in statuses] if n >= 2 * len(shown) else []:
        counts = Counter(statuses)  # every status shows in the ledger: take one from a common status
        i = rng.choice([i for i, s in enumerate(statuses) if counts[s] > 1])
        statuses[i] = missing
    per_order = [0] * n
    for k in range(d.sizes.samples if n else 0):
        per_order[k if k < n else rng.randrange(n)] += 1
    buyers = [c for c in d.customers if c["status"] != "blacklisted"] or d.customers
    rows: list[Row] = []
    samples: list[Row] = []
    lines: list[Row] = []
    fees: list[Row] = []
    custody: list[Row] = []
    # Priced by the pricing engine, as the app prices orders, so the demo cannot disagree with it.
    catalogue = pricing.CatalogueSnapshot(
        {i: pricing.ItemPrice(i, s.code, s.name, s.price, s.unit) for i, s in enumerate(TEST_ITEMS, 1)},
        {p: pricing.PackagePrice(p, "", n, price) for ps in d.packages_of.values() for p, price, n, _ in ps},
    )
    for oid, (day, status, n_samples) in enumerate(zip(days, statuses, per_order, strict=True), 1):
        cust = rng.choice(buyers)
        signed = [k for k in cust["contracts"] if k["signed"] and k["signed"] <= day]
        contract = rng.choice(signed) if signed and rng.random() < 0.6 else None
        project = rng.choice(cust["projects"]) if cust["projects"] and rng.random() < 0.75 else None
        material = rng.choices(MATERIALS, MATERIAL_WEIGHTS)[0]
        urgency = rng.choices(list(Urgency), (80, 15, 5))[0]
        front, tech = d.who(F.FRONT_DESK), d.tech_for(d.items_of[material][0])
        actors = {F.FRONT_DESK: d.logins[front], F.TECHNICIAN: d.logins[tech]}
        # How far along ORDER_PATH the order got; a cancelled one stopped before testing.
        if status is OS.CANCELLED:
            reach = rng.randint(0, 3)
        else:
            reach = 0 if status is OS.DRAFT else [s for _, s, _ in ORDER_PATH].index(status) + 1
        steps = [("create", OS.DRAFT.value, d.logins[front])] + [
            (a, s.value, actors.get(role) or d.login(role)) for a, s, role in ORDER_PATH[:reach]
        ]
        if status is OS.CANCELLED:
            steps.append(("cancel", OS.CANCELLED.value, d.logins[front]))
        moments = d.flow(DocType.ORDER, oid, steps, d.at(day), 30)
        reached = {OS(s): m for (_, s, _), m in zip(steps, moments, strict=True)}
        price_list = d.prices.get(("contract", contract["id"]) if contract else ("", 0)) or d.prices.get(
            ("customer", cust["id"]), (Decimal(0), {})
        )
        deal = pricing.PriceListSnapshot(0, "", *price_list)  # applied to every order of its owner, as before
        contact_id, contact_name = cust["contacts"][0]
        priced, longest, info_lines, info_samples = [], 1, [], []
        for s in range(max(n_samples, 1)):
            sid = len(samples) + 1 if s < n_samples else None
            if sid is not None:
                sample, events = _sample(
                    d, sid, oid, day, status, material, moments[0], front, tech, contact_name
                )
                samples.append(sample)
                custody += events
                info_samples.append(sid)
            for item, package, desc, qty, unit_price, days_needed in _pick_lines(d, material):
                # qty counts the points of a per-point item on its one sample (see services/pricing.py)
                per_sample = item is None or TEST_ITEMS[item - 1].unit is PricingUnit.PER_SAMPLE
                units = (qty, 1) if per_sample else (1, qty)
                priced.append(pricing.LineInput(item, package, *units))
                longest = max(longest, days_needed)
                lines.append(
                    {
                        "id": len(lines) + 1,
                        "order_id": oid,
                        "sample_id": sid,
                        "test_item_id": item,
                        "package_id": package,
                        "description": desc,
                        "quantity": qty,
                        "unit_price": unit_price,
                        "amount": unit_price * qty,
                        **stamp(moments[0], d.logins[front]),
                    }
                )
                info_lines.append((lines[-1]["id"], sid, item, package, desc))
        terms = pricing.OrderTerms(SURCHARGE_PCT[urgency], VAT_RATE, day)
        breakdown = pricing.price_order(catalogue, priced, terms, deal)
        if not breakdown.ok:  # the demo's own catalogue: a refusal is a bug in the demo
            raise RuntimeError(f"demo order {oid}: {[str(p.problem) for p in breakdown.problems]}")
        totals: Row = breakdown.order_columns()
        due = day + dt.timedelta(
            days={
                Urgency.NORMAL: longest,
                Urgency.URGENT: max(1, longest // 2),
                Urgency.EXPRESS: max(1, longest // 3),
            }[urgency]
        )
        rows.append(
            {
                "id": oid,
                "order_no": d.numbers.take(DocType.ORDER, day),
                "customer_id": cust["id"],
                "contact_id": contact_id,
                "contract_id": contract["id"] if contract else None,
                "engineering_project_id": project[0] if project else None,
                "status": status.value,
                "channel": "external" if rng.random() < 0.25 else "internal",
                "urgency": urgency.value,
                "delivery_method": rng.choice(list(DeliveryMethod)).value,
                "received_date": day,
                "due_date": due,
                **totals,
                "cancel_reason": rng.choice(CANCEL_REASONS) if status is OS.CANCELLED else None,
                "notes": "需加急出具报告" if urgency is not Urgency.NORMAL else None,
                "registered_by_id": front,
                **stamp(moments[0], d.logins[front]),
                "updated_at": moments[-1],
                "updated_by": steps[-1][2],
            }
        )
        fees.append(_fee(d, oid, status, totals, reached))
        if contract:
            contract["orders"].append(oid)
        d.orders.append(
            {
                "id": oid,
                "status": status,
                "day": day,
                "cust": cust,
                "material": material,
                "project_name": project[1] if project else None,
                "lines": info_lines,
                "due": due,
                "samples": info_samples,
                "reached": reached,
                "tech": tech,
                "contact": contact_name,
                "final": totals["final_price"],
                "contract": contract,
                "sample_nos": [s["sample_no"] for s in samples[len(samples) - len(info_samples) :]],
            }
        )
    for name, table_rows in (
        ("orders", rows),
        ("samples", samples),
        ("order_lines", lines),
        ("order_fees", fees),
        ("custody_events", custody),
    ):
        d.w.add(d.table(name), table_rows)


def _pick_lines(d: Demo, material: str) -> list[tuple[int | None, int | None, str, int, Decimal, int]]:
    """(item, package, description, quantity, unit price, turnaround days) for one sample."""
    rng = d.rng
    if d.packages_of[material] and rng.random() < 0.3:
        package, price, name, items = rng.choice(d.packages_of[material])
        return [(None, package, name, 1, price, max(TEST_ITEMS[i - 1].days for i in items))]
    chosen = rng.sample(d.items_of[material], min(len(d.items_of[material]), rng.randint(1, 3)))
    return [
        (
            i,
            None,
            f"{TEST_ITEMS[i - 1].name}（{TEST_ITEMS[i - 1].standard}）",
            rng.randint(3, 20) if TEST_ITEMS[i - 1].unit is PricingUnit.PER_POINT else 1,
            TEST_ITEMS[i - 1].price,
            TEST_ITEMS[i - 1].days,
        )
        for i in sorted(chosen)
    ]


def _sample(
    d: Demo,
    sid: int,
    oid: int,
    day: dt.date,
    order_status: OrderStatus,
    material: str,
    received: dt.datetime,
    front: int,
    tech: int,
    contact: str,
) -> tuple[Row, list[Row]]:
    """A sample and its chain of custody, ending in the state its order's status allows."""
    rng = d.rng
    spec = SAMPLE_KINDS[material]
    retention = rng.choices(list(Retention), (4, 4, 2))[0]
    tested = order_status in (OS.COMPLETED, OS.REPORTED)
    status = (
        {
            OS.DRAFT: SampleStatus.RECEIVED,
            OS.SUBMITTED: SampleStatus.RECEIVED,
            OS.FINANCE_CONFIRMED: rng.choice((SampleStatus.RECEIVED, SampleStatus.STORED)),
            OS.ACCEPTED: SampleStatus.STORED,
            OS.CANCELLED: SampleStatus.RETURNED,
            OS.IN_TESTING: SampleStatus.IN_TESTING if rng.random() < 0.7 else SampleStatus.STORED,
        }.get(order_status)
        or {Retention.RETAIN: SampleStatus.RETAINED, Retention.RETURN_TO_CUSTOMER: SampleStatus.RETURNED}.get(
            retention
        )
        or (SampleStatus.DISPOSED if (d.today - day).days > 60 else SampleStatus.STORED)
    )
    shelf = f"样品室{rng.choice('ABC')}-{rng.randint(1, 20):02d}架"
    bench = TEST_ITEMS[d.items_of[material][0] - 1].department
    # (action, from, to, location, by, comment); the holder is the last event's receiver.
    steps: list[tuple[CustodyAction, int | None, int | None, str | None, int, str | None]] = [
        (CustodyAction.RECEIVE, None, front, "收样室", front, None)
    ]
    if status is not SampleStatus.RECEIVED:
        steps.append((CustodyAction.STORE, front, None, shelf, front, None))
    if status is SampleStatus.IN_TESTING or tested:
        steps.append((CustodyAction.TAKE, None, tech, bench, tech, "领样检测"))
        if status is not SampleStatus.IN_TESTING:
            steps.append((CustodyAction.STORE, tech, None, shelf, tech, "检毕归还样品室"))
    if status is SampleStatus.RETAINED:
        steps.append(
            (CustodyAction.RETAIN, None, None, f"留样室R-{rng.randint(1, 12):02d}", front, "留样备查")
        )
    elif status is SampleStatus.DISPOSED:
        steps.append((CustodyAction.DISPOSE, None, None, None, front, "超过留样期，按规定处置"))
    elif status is SampleStatus.RETURNED:
        steps.append((CustodyAction.RETURN, None, None, None, front, f"退还委托方（{contact}）"))
    moments = d.times(received, len(steps), 72)
    events = [
        {
            "sample_id": sid,
            "action": a.value,
            "from_person_id": src,
            "to_person_id": dst,
            "location": loc,
            "at": at,
            "by_id": by,
            "comment": note,
            **stamp(at, d.logins[by]),
        }
        for (a, src, dst, loc, by, note), at in zip(steps, moments, strict=True)
    ]
    where = (
        next((s[3] for s in reversed(steps) if s[3]), None)
        if status not in (SampleStatus.DISPOSED, SampleStatus.RETURNED)
        else None
    )
    row = {
        "id": sid,
        "sample_no": d.numbers.take(DocType.SAMPLE, day),
        "order_id": oid,
        "name": rng.choice(spec.names),
        "sample_type": material,
        "quantity": rng.choice(spec.quantities),
        "unit": spec.unit,
        "specification": rng.choice(spec.specs),
        "storage_condition": spec.storage,
        "retention": retention.value,
        "retain_until": day + dt.timedelta(days=90) if retention is Retention.RETAIN else None,
        "status": status.value,
        "location": where,
        "holder_id": steps[-1][2],
        "received_at": received,
        **stamp(received, d.logins[front]),
        "updated_at": moments[-1],
        "updated_by": d.logins[steps[-1][4]],
    }
    return row, events


def _fee(d: Demo, oid: int, status: OrderStatus, totals: Row, reached: dict[OrderStatus, dt.datetime]) -> Row:
    """The fee-ledger row: unconfirmed until finance's step, then charged (mostly) or free."""
    rng, final = d.rng, totals["final_price"]
    confirmed = reached.get(OS.FINANCE_CONFIRMED)
    charged: bool | None = (
        None if confirmed is None else False if status is OS.CANCELLED else rng.random() >= 0.06
    )
    received = Decimal("0.00")
    if charged:
        share = {OS.REPORTED: (1, 1, 1, 1, 1, 0.5), OS.COMPLETED: (1, 0.5, 0)}.get(status, (1, 0, 0))
        received = money(final * Decimal(str(rng.choice(share))))
    note = (
        None
        if charged is None
        else "委托取消，不收费"
        if status is OS.CANCELLED
        else "复检免费"
        if not charged
        else "已结清"
        if received == final
        else None
    )
    clerk = d.who(F.FINANCE)
    return {
        "order_id": oid,
        "list_price": totals["list_price"],
        "discount_amount": totals["discount_amount"],
        "final_price": final,
        "charged": charged,
        "amount_received": received,
        "note": note,
        "confirmed_by_id": clerk if confirmed else None,
        "confirmed_at": confirmed,
        **stamp(confirmed or d.horizon - dt.timedelta(hours=30), d.logins[clerk]),
    }


INVOICE_TYPES = ("vat_special", "vat_special", "vat_normal")  # companies mostly want the deductible kind


def invoices(d: Demo) -> None:
    """Invoice requests against signed contracts; older ones mostly issued, recent ones still open."""
    rng, specs = d.rng, []
    for contract in d.contracts:
        if contract["signed"] and contract["status"] is not CS.APPROVED and rng.random() < 0.8:
            span = max(1, (d.today - contract["signed"]).days - 1)
            specs += [
                (contract["signed"] + dt.timedelta(days=rng.randrange(span)), contract)
                for _ in range(rng.randint(1, 2))
            ]
    specs.sort(key=lambda spec: spec[0])
    rows = []
    for rid, (day, contract) in enumerate(specs, 1):
        cust, age = contract["customer"], (d.today - day).days
        status = (
            list(InvoiceRequestStatus)[rid - 1]
            if rid <= len(InvoiceRequestStatus)
            else rng.choices(list(InvoiceRequestStatus), (1, 1, 8, 1) if age > 20 else (4, 3, 2, 1))[0]
        )
        order = rng.choice(contract["orders"]) if contract["orders"] and rng.random() < 0.4 else None
        share = Decimal(rng.choice(("0.1", "0.2", "0.3", "0.5")))
        amount = d.orders[order - 1]["final"] if order else money(contract["amount"] * share)
        asker, finance = d.logins[cust["owner"]], d.login(F.FINANCE)
        steps = [
            ("request", InvoiceRequestStatus.REQUESTED.value, asker),
            *{
                InvoiceRequestStatus.APPROVED: [("approve", "approved", finance)],
                InvoiceRequestStatus.ISSUED: [("approve", "approved", finance), ("issue", "issued", finance)],
                InvoiceRequestStatus.REJECTED: [("reject", "rejected", finance)],
            }.get(status, []),
        ]
        moments = d.flow(DocType.INVOICE, rid, steps, d.at(day), 72)
        issued = status is InvoiceRequestStatus.ISSUED
        rows.append(
            {
                "id": rid,
                "invoice_request_no": d.numbers.take(DocType.INVOICE, day),
                "contract_id": contract["id"],
                "order_id": order,
                "requested_by_id": cust["owner"],
                "amount": amount,
                "invoice_type": rng.choice(INVOICE_TYPES),
                "title": cust["name"],
                "tax_id": cust["credit"],
                "status": status.value,
                "invoice_no": f"{rng.randrange(10**8):08d}" if issued else None,
                "issued_date": moments[-1].date() if issued else None,
                **stamp(moments[0], asker),
                "updated_at": moments[-1],
                "updated_by": steps[-1][2],
            }
        )
    d.w.add(d.table("invoice_requests"), rows)
