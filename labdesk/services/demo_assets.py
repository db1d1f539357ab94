"""Demo data, part three: projects and tasks, reports with their approvals, seals and dispatches, the
instrument ledger with calibration and repair history, and label print jobs.

The instrument ledger is the one sized for benchmarks (a million rows): its rows are generated lazily
as tuples from their own random stream and streamed into the database chunk by chunk.
"""



from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from labdesk.models import (
    ApprovalDecision,
    ApprovalStep,
    DispatchMethod,
    DocType,
    Instrument,
    InstrumentStatus,
    JobRoleKey,
    LabelKind,
    OrderStatus,
    PrintJobStatus,
    ProjectStatus,
    ReportStatus,
    TaskStatus,
)
from labdesk.services.demo import CENT, COPY_THRESHOLD, Demo, Row, add_months, stamp
from labdesk.services.demo_pools import (
    BLOCKERS,
    CALIBRATION_PROVIDERS,
    INSTRUMENT_KINDS,
    INTERNAL_PROVIDER,
    LABEL_PRINTERS,
    REPAIR_FAULTS,
    SAMPLE_KINDS,
    SEAL_NAMES,
    SUBCONTRACTORS,
    TEST_ITEMS,
)
from labdesk.services.numbering import DEFAULT_RULES

# Short names: they fill every line of the status tables below.
F, OS, RS = JobRoleKey, OrderStatus, ReportStatus
# Only this many instruments get calibration / repair history: with a million-row ledger the child
# tables would otherwise dwarf it, and the calibration plan reads the instruments' own due dates anyway.
HISTORY_WINDOW = 5_000
REPORT_STEPS = [
    ("submit", RS.REVIEWING),
    ("review", RS.APPROVING),
    ("approve", RS.SEALING),
    ("seal", RS.ISSUED),
    ("dispatch", RS.DISPATCHED),
]
PROJECT_OF = {
    OS.ACCEPTED: ProjectStatus.PLANNED,
    OS.IN_TESTING: ProjectStatus.IN_PROGRESS,
    OS.COMPLETED: ProjectStatus.COMPLETED,
    OS.REPORTED: ProjectStatus.COMPLETED,
    OS.CANCELLED: ProjectStatus.CANCELLED,
}


def projects(d: Demo) -> None:
    """One project per accepted order (立项), one task per order line, progress rolled up from tasks."""
    rng, rows, tasks = d.rng, list[Row](), list[Row]()
    for order in d.orders:
        start = order["reached"].get(OS.ACCEPTED)
        if start is None:  # never accepted (or cancelled before): no project
            continue
        status = PROJECT_OF[order["status"]]
        if status is ProjectStatus.IN_PROGRESS and rng.random() < 0.1:
            status = ProjectStatus.ON_HOLD
        pid, stages = len(rows) + 1, SAMPLE_KINDS[order["material"]].stages
        progress = []
        for _line, sample_id, item, _package, desc in order["lines"]:
            task_status = {
                ProjectStatus.PLANNED: TaskStatus.ASSIGNED,
                ProjectStatus.COMPLETED: TaskStatus.DONE,
                ProjectStatus.CANCELLED: TaskStatus.BLOCKED,
            }.get(status) or rng.choices(
                list(TaskStatus), (2, 4, 3, 1 if status is ProjectStatus.IN_PROGRESS else 6)
            )[0]
            pct = {TaskStatus.ASSIGNED: 0, TaskStatus.DONE: 100}.get(task_status, rng.randint(1, 8) * 10)
            stage = (
                stages[0]
                if task_status is TaskStatus.ASSIGNED
                else stages[-1]
                if pct == 100
                else stages[min(len(stages) - 1, pct * len(stages) // 100)]
            )
            started, finished = d.times(start, 3, 60)[1:]
            assignee = d.tech_for(item) if item else d.tech_for(d.items_of[order["material"]][0])
            feedback = {
                TaskStatus.DONE: "检测完成，原始记录已上传",
                TaskStatus.IN_PROGRESS: f"正在{stage}",
                TaskStatus.BLOCKED: "委托取消，任务终止"
                if status is ProjectStatus.CANCELLED
                else rng.choice(BLOCKERS),
            }.get(task_status)
            tasks.append(
                {
                    "task_no": d.numbers.take(DocType.TASK, start.date()),
                    "project_id": pid,
                    "sample_id": sample_id,
                    "test_item_id": item,
                    "title": desc,
                    "assignee_id": assignee,
                    "stage": stage,
                    "status": task_status.value,
                    "progress_pct": pct,
                    "due_date": order["due"],
                    "started_at": None if task_status is TaskStatus.ASSIGNED else started,
                    "finished_at": finished if task_status is TaskStatus.DONE else None,
                    "feedback": feedback,
                    **stamp(start, d.login(F.SIGNATORY)),
                }
            )
            progress.append(pct)
        manager = d.who(F.SIGNATORY)
        subcontracted = rng.random() < 0.06
        rows.append(
            {
                "id": pid,
                "project_no": d.numbers.take(DocType.PROJECT, start.date()),
                "name": f"{order['project_name'] or order['cust']['short']}{order['material']}检测",
                "order_id": order["id"],
                "customer_id": order["cust"]["id"],
                "manager_id": manager,
                "status": status.value,
                "progress_pct": round(sum(progress) / max(1, len(progress))),
                "start_date": start.date(),
                "due_date": order["due"],
                "subcontracted": subcontracted,
                "subcontractor": rng.choice(SUBCONTRACTORS) if subcontracted else None,
                "notes": "部分参数分包（本室无资质）" if subcontracted else None,
                **stamp(start, d.logins[manager]),
            }
        )
        order["project_id"] = pid
    d.w.add(d.table("projects"), rows)
    d.w.add(d.table("tasks"), tasks)


def reports(d: Demo) -> None:
    """Reports at every status; a couple of issued ones voided and replaced by an amended report."""
    rng = d.rng
    specs: list[tuple[dt.datetime, Row, ReportStatus]] = []
    completed = [o for o in d.orders if o["status"] is OS.COMPLETED]
    rng.shuffle(completed)
    early = [RS.DRAFTING, RS.REVIEWING, RS.APPROVING, RS.SEALING]
    for i, order in enumerate(completed):
        specs.append(
            (order["reached"][OS.COMPLETED], order, early[i] if i < len(early) else rng.choice(early))
        )
    reported = [o for o in d.orders if o["status"] is OS.REPORTED]
    voided = {o["id"] for o in rng.sample(reported, min(len(reported), max(1, len(reported) // 25)))}
    for order in reported:
        status = RS.VOIDED if order["id"] in voided else rng.choice((RS.ISSUED, RS.DISPATCHED, RS.DISPATCHED))
        specs.append((order["reached"][OS.COMPLETED], order, status))
    specs += [
        (o["reached"][OS.IN_TESTING], o, RS.DRAFTING)
        for o in d.orders
        if o["status"] is OS.IN_TESTING and rng.random() < 0.3
    ]
    specs.sort(key=lambda spec: (spec[0], spec[1]["id"]))
    out: dict[str, list[Row]] = {
        t: [] for t in ("reports", "report_versions", "report_approvals", "report_seals", "report_dispatches")
    }
    amendments = []
    for start, order, status in specs:
        end = _report(d, out, start, order, status, None)
        if status is RS.VOIDED:
            amendments.append((end, order, len(out["reports"])))
    for start, order, replaced in amendments:  # numbered after the originals: drafted after them
        _report(d, out, start, order, rng.choice((RS.ISSUED, RS.DISPATCHED)), replaced)
    for name, rows in out.items():
        d.w.add(d.table(name), rows)


def _report(
    d: Demo,
    out: dict[str, list[Row]],
    start: dt.datetime,
    order: Row,
    status: ReportStatus,
    amends: int | None,
) -> dt.datetime:
    rng, rid = d.rng, len(out["reports"]) + 1
    drafter, reviewer = d.logins[order["tech"]], d.login(F.SIGNATORY)
    approver = d.who(F.SIGNATORY)
    target = (
        RS.DISPATCHED
        if status is RS.VOIDED and rng.random() < 0.5
        else RS.ISSUED
        if status is RS.VOIDED
        else status
    )
    names = [s for _, s in REPORT_STEPS]
    steps = [("create", RS.DRAFTING, drafter)] + [
        (
            a,
            s,
            drafter
            if a == "submit"
            else d.logins[approver]
            if a in ("approve", "seal")
            else reviewer
            if a == "review"
            else d.login(F.FRONT_DESK),
        )
        for a, s in REPORT_STEPS[: names.index(target) + 1 if target is not RS.DRAFTING else 0]
    ]
    rejected = len(steps) > 2 and rng.random() < 0.2
    if rejected:  # sent back once at review, corrected and resubmitted
        steps[2:2] = [("reject", RS.DRAFTING, reviewer), ("submit", RS.REVIEWING, drafter)]
    if status is RS.VOIDED:
        steps.append(("void", RS.VOIDED, d.logins[approver]))
    moments = d.flow(DocType.REPORT, rid, [(a, s.value, who) for a, s, who in steps], start, 40)
    report_no = d.numbers.take(DocType.REPORT, start.date())
    version = 0
    for (action, _state, who), at in zip(steps, moments, strict=True):
        if action == "submit" or (action == "create" and status is RS.DRAFTING and rng.random() < 0.5):
            version += 1  # a PDF is generated for every submission, and sometimes while drafting
            out["report_versions"].append(
                {
                    "report_id": rid,
                    "version_no": version,
                    "pdf_sha256": hashlib.sha256(f"{report_no}:{version}".encode()).hexdigest(),
                    "pdf_size": rng.randint(150_000, 2_500_000),
                    "file_path": f"reports/{start.year}/{report_no}_v{version}.pdf",
                    "note": "更正版" if amends else "按审核意见修改" if version > 1 else "初稿",
                    **stamp(at, who),
                }
            )
        elif action in ("review", "reject", "approve"):
            step = ApprovalStep.APPROVE if action == "approve" else ApprovalStep.REVIEW
            decision = ApprovalDecision.REJECTED if action == "reject" else ApprovalDecision.APPROVED
            out["report_approvals"].append(
                {
                    "report_id": rid,
                    "step": step.value,
                    "person_id": d.ids[who],
                    "decision": decision.value,
                    "comment": "数据修约有误，请核对后重新提交" if action == "reject" else "同意",
                    "at": at,
                    **stamp(at, who),
                }
            )
        elif action == "seal":
            out["report_seals"] += [
                {
                    "report_id": rid,
                    "version_no": version,
                    "seal_name": seal,
                    "signer_id": approver,
                    "page": 1,
                    "x_mm": Decimal(150 + 20 * k).quantize(CENT),
                    "y_mm": Decimal("250.50"),
                    "signed_at": at,
                    "signature_sha256": hashlib.sha256(f"{report_no}:{version}:{seal}".encode()).hexdigest(),
                    **stamp(at, who),
                }
                for k, seal in enumerate(SEAL_NAMES)
            ]
        elif action == "dispatch":
            method = rng.choice(list(DispatchMethod))
            out["report_dispatches"].append(
                {
                    "report_id": rid,
                    "method": method.value,
                    "recipient": order["contact"],
                    "tracking_no": f"SF{rng.randrange(10**12):012d}"
                    if method is DispatchMethod.POST
                    else None,
                    "dispatched_at": at,
                    "by_id": d.ids[who],
                    **stamp(at, who),
                }
            )
    issued = next((m for (a, _, _), m in zip(steps, moments, strict=True) if a == "seal"), None)
    standards = sorted({TEST_ITEMS[i - 1].standard for _, _, i, _, _ in order["lines"] if i})
    out["reports"].append(
        {
            "id": rid,
            "report_no": report_no,
            "order_id": order["id"],
            "project_id": order.get("project_id"),
            "title": f"{order['material']}检测报告" + ("（更正版）" if amends else ""),
            "status": status.value,
            "drafted_by_id": order["tech"],
            "current_version": version,
            "amends_report_id": amends,
            "issued_at": issued,
            "conclusion": None
            if status is RS.DRAFTING
            else f"经检测，所检项目符合 {'、'.join(standards) or '委托方指定标准'} 的要求。",
            **stamp(moments[0], drafter),
            "updated_at": moments[-1],
            "updated_by": steps[-1][2],
        }
    )
    # An amendment is drafted a day later, or just before today's horizon if that is sooner.
    return max(
        moments[-1] + dt.timedelta(minutes=5),
        min(moments[-1] + dt.timedelta(days=1), d.horizon - dt.timedelta(hours=6)),
    )


INSTRUMENT_COLUMNS = [
    "id",
    "code",
    "name",
    "model",
    "serial_number",
    "manufacturer",
    "category",
    "location",
    "custodian_id",
    "status",
    "purchase_date",
    "purchase_price",
    "measuring_range",
    "accuracy",
    "calibration_interval_months",
    "calibration_method",
    "calibration_provider",
    "last_calibration_date",
    "next_due_date",
    "certificate_no",
    "notes",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
]
STATUS_NOTES = {
    InstrumentStatus.UNDER_REPAIR: "故障报修中，暂停使用",
    InstrumentStatus.OUT_FOR_CALIBRATION: "送外校准",
    InstrumentStatus.OUT_OF_SERVICE: "期间核查不合格，停用（贴红色标识）",
    InstrumentStatus.LOANED: "借出至现场检测组",
    InstrumentStatus.RETIRED: "已报废",
}


def _instrument_rows(d: Demo, window: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The instrument ledger, one tuple per row, from its own random stream (so its size does not
    shift the rest of the demo). The first HISTORY_WINDOW instruments are also noted in ``window``.

    This loop runs a million times in the benchmark, so it draws with ``random()`` and indexes, and
    caches dates, times and prices: half the time of ``randint`` / ``choices`` / fresh objects.
    """
    rand = random.Random(f"{d.sizes.seed}:instruments").random
    keepers = d.staff[F.EQUIPMENT_MANAGER] + d.staff[F.TECHNICIAN]
    weights = {
        InstrumentStatus.IN_SERVICE: 86,
        InstrumentStatus.UNDER_REPAIR: 3,
        InstrumentStatus.OUT_FOR_CALIBRATION: 4,
        InstrumentStatus.OUT_OF_SERVICE: 2,
        InstrumentStatus.LOANED: 2,
        InstrumentStatus.RETIRED: 3,
    }
    statuses = [status for status, weight in weights.items() for _ in range(weight)]  # 100 slots
    rule = DEFAULT_RULES[DocType.INSTRUMENT]
    prefix, width = rule.prefix, rule.seq_width
    today, minutes = d.today.toordinal(), [dt.timedelta(minutes=m) for m in range(600)]
    day = functools.cache(dt.date.fromordinal)

    @functools.cache
    def midnight(on: dt.date) -> dt.datetime:
        return dt.datetime(on.year, on.month, on.day, tzinfo=dt.UTC)

    @functools.cache
    def yuan(amount: int) -> Decimal:
        return Decimal(amount).quantize(CENT)

    for iid in range(1, d.sizes.instruments + 1):
        kind = INSTRUMENT_KINDS[int(rand() * len(INSTRUMENT_KINDS))]
        maker, model = kind.models[int(rand() * len(kind.models))]
        status = statuses[int(rand() * len(statuses))]
        interval = kind.intervals[int(rand() * len(kind.intervals))]
        bought = day(today - 90 - int(rand() * 3560))
        # Last calibrations spread over one interval and three weeks: ~5 % overdue, ~8 % due within 30 days.
        last = max(bought, day(today - int(rand() * (round(interval * 30.44) + 20))))
        provider = (
            INTERNAL_PROVIDER
            if kind.internal
            else CALIBRATION_PROVIDERS[int(rand() * len(CALIBRATION_PROVIDERS))]
        )
        cert = f"{'NJ' if kind.internal else 'JL'}{last.year}-{int(rand() * 10**5):05d}"
        code, keeper = f"{prefix}{iid:0{width}d}", keepers[int(rand() * len(keepers))]
        at, by = midnight(bought) + minutes[int(rand() * 600)], d.logins[keeper]
        if iid <= HISTORY_WINDOW:
            window.append((iid, code, status, interval, last, bought, provider, cert))
        price = yuan(kind.price[0] + 10 * int(rand() * (kind.price[1] - kind.price[0]) / 10))
        yield (
            iid,
            code,
            kind.name,
            model,
            f"{bought.year % 100:02d}{int(rand() * 10**6):06d}",
            maker,
            kind.category,
            kind.location,
            keeper,
            status.value,
            bought,
            price,
            kind.measuring_range,
            kind.accuracy,
            interval,
            "internal" if kind.internal else "external",
            provider,
            last,
            add_months(last, interval),
            cert,
            STATUS_NOTES.get(status),
            at,
            by,
            at,
            by,
            1,
        )
    if d.sizes.instruments:  # numbered directly above; the counter must still continue after them
        d.numbers.last[(DocType.INSTRUMENT, "")] = d.sizes.instruments


def instruments(d: Demo) -> None:
    window: list[tuple[Any, ...]] = []
    rows = _instrument_rows(d, window)
    if d.conn.dialect.name == "postgresql" and d.sizes.instruments > COPY_THRESHOLD:
        d.w.copy(Instrument, INSTRUMENT_COLUMNS, rows, d.sizes.instruments)
    else:
        d.w.add(
            d.table("instruments"),
            (dict(zip(INSTRUMENT_COLUMNS, row, strict=True)) for row in rows),
            total=d.sizes.instruments,
        )
    rng, calibrations, repairs, files = d.rng, list[Row](), list[Row](), list[Row]()
    d.instrument_codes = [entry[1] for entry in window]
    for iid, code, status, interval, last, bought, provider, cert in window:
        manager = d.who(F.EQUIPMENT_MANAGER)
        for back in range(rng.randint(1, 3)):  # the latest calibration and up to two before it
            on = add_months(last, -interval * back)
            if back and on < bought:
                break
            failed = back > 0 and rng.random() < 0.05
            cid = len(calibrations) + 1
            calibrations.append(
                {
                    "id": cid,
                    "instrument_id": iid,
                    "calibrated_on": on,
                    "provider": provider,
                    "certificate_no": cert
                    if back == 0
                    else f"{cert[:2]}{on.year}-{rng.randrange(10**5):05d}",
                    "result": "fail" if failed else "pass",
                    "adjustments": "示值误差超差，维修调整后复校合格" if failed else None,
                    "next_due_date": add_months(on, interval),
                    "recorded_by_id": manager,
                    **stamp(d.at(on), d.logins[manager]),
                }
            )
            if back == 0 and len(files) < 20:  # a scanned certificate for the first few
                data = f"%PDF-1.4\n% LabDesk demo calibration certificate {cert} for {code}\n%%EOF\n".encode()
                files.append(
                    {
                        "owner_table": "calibration_records",
                        "owner_id": cid,
                        "file_name": f"校准证书_{cert}.pdf",
                        "content_type": "application/pdf",
                        "size_bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "data": data,
                        "store_path": None,
                        **stamp(d.at(on), d.logins[manager]),
                    }
                )
        open_repair = status in (InstrumentStatus.UNDER_REPAIR, InstrumentStatus.OUT_OF_SERVICE)
        if open_repair or rng.random() < 0.05:
            fault, fix = rng.choice(REPAIR_FAULTS)
            reported = d.at(d.ago(1, 20) if open_repair else d.ago(30, 700))
            started, finished = d.times(reported, 3, 120)[1:]
            reporter = d.tech_for(None)
            repairs.append(
                {
                    "instrument_id": iid,
                    "reported_at": reported,
                    "reporter_id": reporter,
                    "fault": fault,
                    "photo": None,
                    "started_at": started if status is not InstrumentStatus.OUT_OF_SERVICE else None,
                    "finished_at": None if open_repair else finished,
                    "cost": None if open_repair else Decimal(rng.randrange(200, 20_000, 50)),
                    "result": None if open_repair else fix,
                    **stamp(reported, d.logins[reporter]),
                }
            )
        if status is not InstrumentStatus.IN_SERVICE:
            d.flow(
                DocType.INSTRUMENT,
                iid,
                [("change_status", status.value, d.logins[manager])],
                d.at(d.ago(1, 30)),
            )
            d.events[-1]["from_state"] = InstrumentStatus.IN_SERVICE.value
    d.w.add(d.table("calibration_records"), calibrations)
    d.w.add(d.table("repair_records"), repairs)
    d.w.add(d.table("attachments"), files)


def labels(d: Demo) -> None:
    """A few batch label jobs: finished, paused half-way, failed on the printer, cancelled, a reprint."""
    samples = [no for o in d.orders[-30:] for no in o["sample_nos"]]
    plan = [
        (LabelKind.INSTRUMENT, d.instrument_codes[:40], PrintJobStatus.COMPLETED, 1.0, False),
        (LabelKind.SAMPLE, samples[:24], PrintJobStatus.COMPLETED, 1.0, False),
        (LabelKind.INSTRUMENT, d.instrument_codes[40:70], PrintJobStatus.PAUSED, 0.4, False),
        (LabelKind.SAMPLE, samples[24:32], PrintJobStatus.FAILED, 0.3, False),
        (LabelKind.SAMPLE, samples[32:38], PrintJobStatus.CANCELLED, 0.0, False),
        (LabelKind.INSTRUMENT, d.instrument_codes[:3], PrintJobStatus.COMPLETED, 1.0, True),
    ]
    jobs, items = list[Row](), list[Row]()
    for kind, codes, status, share, reprint in plan:
        if not codes:
            continue
        instrument = kind is LabelKind.INSTRUMENT
        jid, who = len(jobs) + 1, d.login(F.EQUIPMENT_MANAGER if instrument else F.FRONT_DESK)
        started = d.at(d.ago(1, 20))
        printed = round(len(codes) * share)
        moments = d.times(started, len(codes) + 1, 1)
        done = status is PrintJobStatus.COMPLETED
        template = "instrument-50x30" if instrument else ("sample-40x25" if jid != 4 else DEMO_TUBE)
        jobs.append(
            {
                "id": jid,
                "kind": kind.value,
                "template_name": template,
                "printer_name": d.rng.choice(LABEL_PRINTERS),
                "copies": 1,
                "requested_by": who,
                "started_at": started,
                "finished_at": moments[-1] if done else None,
                "status": status.value,
                "error": "打印机缺纸，请装纸后继续" if status is PrintJobStatus.FAILED else None,
                **stamp(started, who),
            }
        )
        items += [
            {
                "job_id": jid,
                "record_code": code,
                "sequence": k + 1,
                "copies": 1,
                "printed_at": moments[k + 1] if k < printed else None,
                "is_reprint": reprint,
                **stamp(started, who),
            }
            for k, code in enumerate(codes)
        ]
    d.w.add(d.table("label_print_jobs"), jobs)
    d.w.add(d.table("label_print_items"), items)
    _label_templates(d)


DEMO_TUBE = "样品管标签-30x20"


def _label_templates(d: Demo) -> None:
    """The lab's own label templates (the built-in ones live in code): a larger tube label."""
    from labdesk.printing.templates import FieldBox, LabelTemplate, template_to_json

    tube = LabelTemplate(
        name=DEMO_TUBE,
        kind="sample",
        width_mm=30,
        height_mm=20,
        dpi=300,
        margin_mm=1.0,
        fields=(
            FieldBox("qr", 1.0, 1.0, 14, 14),
            FieldBox("code", 15.5, 1.0, 13.5, 5.6, font_mm=2.4, min_font_mm=1.8, max_lines=2),
            FieldBox("name", 15.5, 7.0, 13.5, 5.0, font_mm=2.0, min_font_mm=1.6, max_lines=2),
            FieldBox("sample_type", 15.5, 12.4, 13.5, 2.8, font_mm=2.0, min_font_mm=1.6),
            FieldBox("date", 1.0, 15.6, 28, 3.0, font_mm=2.2, min_font_mm=1.6, caption="日期"),
        ),
    )
    who = d.login(F.FRONT_DESK)
    at = d.at(d.ago(1, 60))
    row = {"id": 1, "name": tube.name, "kind": tube.kind, "definition": template_to_json(tube), "notes": None}
    d.w.add(d.table("label_templates"), [{**row, **stamp(at, who)}])
