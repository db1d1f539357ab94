"""The laboratory's ledgers: samples, projects and tasks, reports, instruments."""

from __future__ import annotations

from sqlalchemy import select

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models import (
    CalibrationRecord,
    CustodyEvent,
    Customer,
    Instrument,
    Order,
    Person,
    Project,
    RepairRecord,
    Report,
    ReportApproval,
    ReportDispatch,
    ReportSeal,
    ReportVersion,
    Sample,
    Task,
)
from labdesk.services.calibration_plan import instrument_flag
from labdesk.services.ledgers.common import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    PURPLE,
    RED,
    detail,
    person_alias,
    styles,
)
from labdesk.services.ledgers.spec import ColumnKind as K
from labdesk.services.ledgers.spec import LedgerColumn as C
from labdesk.services.ledgers.spec import LedgerSpec, RowFlagRule

_sample_order = Order.__table__.alias("sample_order")
_holder = person_alias("sample_holder")
_to_person = person_alias("custody_to")
_by_person = person_alias("custody_by")
SAMPLES = LedgerSpec(
    name="samples",
    title=N("Ledger", "Samples"),
    record_title=N("Ledger", "Sample"),
    id_column=Sample.id,
    source=Sample,
    # The samples of a request in the intake queue are announced, not received: they join the ledger
    # (numbered) when the front desk accepts the request.
    where=Sample.sample_no.is_not(None),
    joins=((_sample_order, Sample.order_id == _sample_order.c.id), (_holder, Sample.holder_id == _holder.id)),
    columns=(
        C("sample_no", N("Ledger", "Sample no."), Sample.sample_no, searchable=True, nullable=False),
        C("name", N("Ledger", "Sample name"), Sample.name, searchable=True, nullable=False, width=180),
        C("order_no", N("Ledger", "Order no."), _sample_order.c.order_no, searchable=True),
        C("sample_type", N("Ledger", "Sample type"), Sample.sample_type),
        C("status", N("Ledger", "Status"), Sample.status, K.STATUS, nullable=False, width=80),
        C("holder", N("Ledger", "Holder"), _holder.full_name, searchable=True, width=80),
        C("location", N("Ledger", "Location"), Sample.location),
        C("quantity", N("Ledger", "Quantity"), Sample.quantity, K.INTEGER, nullable=False, width=60),
        C("specification", N("Ledger", "Specification"), Sample.specification, searchable=True),
        C("received_at", N("Ledger", "Received at"), Sample.received_at, K.DATETIME),
        C("storage_condition", N("Ledger", "Storage"), Sample.storage_condition, visible=False),
        C("retention", N("Ledger", "After testing"), Sample.retention, K.CODE, visible=False),
    ),
    statuses=styles(
        ("received", N("Status", "Received"), BLUE),
        ("stored", N("Status", "Stored"), GREY),
        ("in_testing", N("Status", "In testing"), AMBER),
        ("returned", N("Status", "Returned"), GREEN),
        ("retained", N("Status", "Retained"), PURPLE),
        ("disposed", N("Status", "Disposed"), RED),
    ),
    details=(
        detail(
            N("Card", "Custody"),
            (N("Card", "When"), N("Card", "Action"), N("Card", "To"), N("Card", "Location"), N("Card", "By")),
            lambda rid: (
                select(
                    CustodyEvent.at,
                    CustodyEvent.action,
                    _to_person.full_name,
                    CustodyEvent.location,
                    _by_person.full_name,
                )
                .outerjoin(_to_person, CustodyEvent.to_person_id == _to_person.id)
                .outerjoin(_by_person, CustodyEvent.by_id == _by_person.id)
                .where(CustodyEvent.sample_id == rid)
                .order_by(CustodyEvent.at)
            ),
        ),
    ),
)

_project_customer = Customer.__table__.alias("project_customer")
_manager = person_alias("project_manager")
_assignee = person_alias("task_assignee")
PROJECTS = LedgerSpec(
    name="projects",
    title=N("Ledger", "Projects"),
    record_title=N("Ledger", "Project"),
    id_column=Project.id,
    source=Project,
    joins=(
        (_project_customer, Project.customer_id == _project_customer.c.id),
        (_manager, Project.manager_id == _manager.id),
    ),
    columns=(
        C("project_no", N("Ledger", "Project no."), Project.project_no, searchable=True, nullable=False),
        C("name", N("Ledger", "Project name"), Project.name, searchable=True, nullable=False, width=220),
        C("customer", N("Ledger", "Customer"), _project_customer.c.name, searchable=True, width=200),
        C("status", N("Ledger", "Status"), Project.status, K.STATUS, nullable=False, width=80),
        C("manager", N("Ledger", "Manager"), _manager.full_name, searchable=True, width=80),
        C(
            "progress_pct",
            N("Ledger", "Progress %"),
            Project.progress_pct,
            K.INTEGER,
            nullable=False,
            width=70,
        ),
        C("start_date", N("Ledger", "Start"), Project.start_date, K.DATE),
        C("due_date", N("Ledger", "Due"), Project.due_date, K.DATE),
        C("subcontracted", N("Ledger", "Subcontracted"), Project.subcontracted, K.BOOLEAN, nullable=False),
    ),
    statuses=styles(
        ("planned", N("Status", "Planned"), GREY),
        ("in_progress", N("Status", "In progress"), AMBER),
        ("on_hold", N("Status", "On hold"), RED),
        ("completed", N("Status", "Completed"), GREEN),
        ("cancelled", N("Status", "Cancelled"), GREY),
    ),
    details=(
        detail(
            N("Card", "Tasks"),
            (
                N("Card", "Task no."),
                N("Card", "Task"),
                N("Card", "Assignee"),
                N("Card", "Status"),
                N("Card", "Progress %"),
                N("Card", "Due"),
            ),
            lambda rid: (
                select(
                    Task.task_no,
                    Task.title,
                    _assignee.full_name,
                    Task.status,
                    Task.progress_pct,
                    Task.due_date,
                )
                .outerjoin(_assignee, Task.assignee_id == _assignee.id)
                .where(Task.project_id == rid)
                .order_by(Task.task_no)
            ),
        ),
    ),
)

_report_order = Order.__table__.alias("report_order")
_report_customer = Customer.__table__.alias("report_customer")
_drafter = person_alias("report_drafter")
REPORTS = LedgerSpec(
    name="reports",
    title=N("Ledger", "Reports"),
    record_title=N("Ledger", "Report"),
    id_column=Report.id,
    source=Report,
    joins=(
        (_report_order, Report.order_id == _report_order.c.id),
        (_report_customer, _report_order.c.customer_id == _report_customer.c.id),
        (_drafter, Report.drafted_by_id == _drafter.id),
    ),
    columns=(
        C("report_no", N("Ledger", "Report no."), Report.report_no, searchable=True, nullable=False),
        C("title", N("Ledger", "Title"), Report.title, searchable=True, nullable=False, width=220),
        C("order_no", N("Ledger", "Order no."), _report_order.c.order_no, searchable=True),
        C("customer", N("Ledger", "Customer"), _report_customer.c.name, searchable=True, width=200),
        C("status", N("Ledger", "Status"), Report.status, K.STATUS, nullable=False, width=80),
        C("drafted_by", N("Ledger", "Drafted by"), _drafter.full_name, width=80),
        C(
            "current_version",
            N("Ledger", "Version"),
            Report.current_version,
            K.INTEGER,
            nullable=False,
            width=60,
        ),
        C("issued_at", N("Ledger", "Issued at"), Report.issued_at, K.DATETIME),
    ),
    statuses=styles(
        ("drafting", N("Status", "Drafting"), GREY),
        ("reviewing", N("Status", "Reviewing"), BLUE),
        ("approving", N("Status", "Approving"), BLUE),
        ("sealing", N("Status", "Sealing"), AMBER),
        ("issued", N("Status", "Issued"), GREEN),
        ("dispatched", N("Status", "Dispatched"), PURPLE),
        ("voided", N("Status", "Voided"), RED),
    ),
    details=(
        detail(
            N("Card", "Versions"),
            (N("Card", "Version"), N("Card", "SHA-256"), N("Card", "Size"), N("Card", "Note")),
            lambda rid: (
                select(
                    ReportVersion.version_no,
                    ReportVersion.pdf_sha256,
                    ReportVersion.pdf_size,
                    ReportVersion.note,
                )
                .where(ReportVersion.report_id == rid)
                .order_by(ReportVersion.version_no)
            ),
        ),
        detail(
            N("Card", "Approvals"),
            (
                N("Card", "Step"),
                N("Card", "By"),
                N("Card", "Decision"),
                N("Card", "When"),
                N("Card", "Comment"),
            ),
            lambda rid: (
                select(
                    ReportApproval.step,
                    Person.full_name,
                    ReportApproval.decision,
                    ReportApproval.at,
                    ReportApproval.comment,
                )
                .outerjoin(Person, ReportApproval.person_id == Person.id)
                .where(ReportApproval.report_id == rid)
                .order_by(ReportApproval.at)
            ),
        ),
        detail(
            N("Card", "Seals"),
            (N("Card", "Seal"), N("Card", "Signer"), N("Card", "Page"), N("Card", "When")),
            lambda rid: (
                select(ReportSeal.seal_name, Person.full_name, ReportSeal.page, ReportSeal.signed_at)
                .outerjoin(Person, ReportSeal.signer_id == Person.id)
                .where(ReportSeal.report_id == rid)
                .order_by(ReportSeal.signed_at)
            ),
        ),
        detail(
            N("Card", "Dispatch"),
            (N("Card", "Method"), N("Card", "Recipient"), N("Card", "Tracking no."), N("Card", "When")),
            lambda rid: (
                select(
                    ReportDispatch.method,
                    ReportDispatch.recipient,
                    ReportDispatch.tracking_no,
                    ReportDispatch.dispatched_at,
                )
                .where(ReportDispatch.report_id == rid)
                .order_by(ReportDispatch.dispatched_at)
            ),
        ),
    ),
)

_custodian = person_alias("instrument_custodian")
INSTRUMENTS = LedgerSpec(
    name="instruments",
    title=N("Ledger", "Instruments"),
    record_title=N("Ledger", "Instrument"),
    id_column=Instrument.id,
    source=Instrument,
    bigram_columns=(Instrument.code, Instrument.name, Instrument.model, Instrument.serial_number),
    # Overdue, out-of-service, under-repair and out-for-calibration instruments are flagged (§6.4.9).
    row_flag=RowFlagRule(("status", "next_due_date"), instrument_flag),
    joins=((_custodian, Instrument.custodian_id == _custodian.id),),
    columns=(
        C(
            "code",
            N("Ledger", "Instrument code"),
            Instrument.code,
            searchable=True,
            nullable=False,
            width=100,
        ),
        C(
            "name",
            N("Ledger", "Instrument name"),
            Instrument.name,
            searchable=True,
            nullable=False,
            width=160,
        ),
        C("model", N("Ledger", "Model"), Instrument.model, searchable=True),
        C("serial_number", N("Ledger", "Serial no."), Instrument.serial_number, searchable=True),
        C("manufacturer", N("Ledger", "Manufacturer"), Instrument.manufacturer, width=140),
        C("status", N("Ledger", "Status"), Instrument.status, K.STATUS, nullable=False, width=80),
        C("location", N("Ledger", "Location"), Instrument.location),
        C("custodian", N("Ledger", "Custodian"), _custodian.full_name, width=80),
        C("last_calibration_date", N("Ledger", "Last calibrated"), Instrument.last_calibration_date, K.DATE),
        C("next_due_date", N("Ledger", "Calibration due"), Instrument.next_due_date, K.DATE),
        C("category", N("Ledger", "Category"), Instrument.category, visible=False),
        C(
            "calibration_interval_months",
            N("Ledger", "Interval (months)"),
            Instrument.calibration_interval_months,
            K.INTEGER,
            visible=False,
        ),
        C("certificate_no", N("Ledger", "Certificate no."), Instrument.certificate_no, visible=False),
        C("purchase_date", N("Ledger", "Purchased"), Instrument.purchase_date, K.DATE, visible=False),
        C("purchase_price", N("Ledger", "Purchase price"), Instrument.purchase_price, K.MONEY, visible=False),
    ),
    statuses=styles(
        ("in_service", N("Status", "In service"), GREEN),
        ("under_repair", N("Status", "Under repair"), AMBER),
        ("out_for_calibration", N("Status", "Out for calibration"), PURPLE),
        ("out_of_service", N("Status", "Out of service"), RED),
        ("loaned", N("Status", "Loaned"), BLUE),
        ("retired", N("Status", "Retired"), GREY),
    ),
    details=(
        detail(
            N("Card", "Calibrations"),
            (
                N("Card", "Calibrated on"),
                N("Card", "Provider"),
                N("Card", "Certificate no."),
                N("Card", "Result"),
                N("Card", "Next due"),
            ),
            lambda rid: (
                select(
                    CalibrationRecord.calibrated_on,
                    CalibrationRecord.provider,
                    CalibrationRecord.certificate_no,
                    CalibrationRecord.result,
                    CalibrationRecord.next_due_date,
                )
                .where(CalibrationRecord.instrument_id == rid)
                .order_by(CalibrationRecord.calibrated_on.desc())
            ),
        ),
        detail(
            N("Card", "Repairs"),
            (N("Card", "Reported at"), N("Card", "Fault"), N("Card", "Cost"), N("Card", "Result")),
            lambda rid: (
                select(RepairRecord.reported_at, RepairRecord.fault, RepairRecord.cost, RepairRecord.result)
                .where(RepairRecord.instrument_id == rid)
                .order_by(RepairRecord.reported_at.desc())
            ),
        ),
    ),
)
