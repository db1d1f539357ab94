"""LabDesk's typed domain model: one module per ledger.

Importing this package imports every module, so ``Base.metadata`` holds every table (Alembic's
autogenerate and ``alembic check`` rely on that) and string references between modules resolve.
"""

from labdesk.models.audit import AuditAction, AuditLog
from labdesk.models.base import Base, IdMixin, LedgerMixin, Money, UTCDateTime, utcnow
from labdesk.models.catalog import (
    PriceList,
    PriceListEntry,
    PricingUnit,
    TestItem,
    TestPackage,
    TestPackageItem,
)
from labdesk.models.contracts import (
    Contract,
    ContractStatus,
    InvoiceRequest,
    InvoiceRequestStatus,
    InvoiceType,
    PaymentMethod,
    Receipt,
)
from labdesk.models.customers import (
    Contact,
    ContactChannel,
    ContactLog,
    Customer,
    CustomerStatus,
    EngineeringProject,
    EngineeringProjectStatus,
)
from labdesk.models.instruments import (
    Attachment,
    CalibrationMethod,
    CalibrationRecord,
    CalibrationResult,
    Instrument,
    InstrumentStatus,
    RepairRecord,
)
from labdesk.models.labels import (
    LabelKind,
    LabelPrintItem,
    LabelPrintJob,
    LabelTemplateRecord,
    PrintJobStatus,
)
from labdesk.models.numbering import CodingCounter, CodingRule, CounterReset, DocType
from labdesk.models.orders import (
    DeliveryMethod,
    Order,
    OrderChannel,
    OrderFee,
    OrderLine,
    OrderStatus,
    Urgency,
)
from labdesk.models.people import JobRole, JobRoleKey, Person, Qualification, person_roles
from labdesk.models.projects import Project, ProjectStatus, Task, TaskStatus
from labdesk.models.reports import (
    ApprovalDecision,
    ApprovalStep,
    DispatchMethod,
    Report,
    ReportApproval,
    ReportDispatch,
    ReportSeal,
    ReportStatus,
    ReportVersion,
)
from labdesk.models.samples import CustodyAction, CustodyEvent, Retention, Sample, SampleStatus, SampleType
from labdesk.models.workflow import WorkflowEvent

__all__ = [
    "ApprovalDecision",
    "ApprovalStep",
    "Attachment",
    "AuditAction",
    "AuditLog",
    "Base",
    "CalibrationMethod",
    "CalibrationRecord",
    "CalibrationResult",
    "CodingCounter",
    "CodingRule",
    "Contact",
    "ContactChannel",
    "ContactLog",
    "Contract",
    "ContractStatus",
    "CounterReset",
    "CustodyAction",
    "CustodyEvent",
    "Customer",
    "CustomerStatus",
    "DeliveryMethod",
    "DispatchMethod",
    "DocType",
    "EngineeringProject",
    "EngineeringProjectStatus",
    "IdMixin",
    "Instrument",
    "InstrumentStatus",
    "InvoiceRequest",
    "InvoiceRequestStatus",
    "InvoiceType",
    "JobRole",
    "JobRoleKey",
    "LabelKind",
    "LabelPrintItem",
    "LabelPrintJob",
    "LabelTemplateRecord",
    "LedgerMixin",
    "Money",
    "Order",
    "OrderChannel",
    "OrderFee",
    "OrderLine",
    "OrderStatus",
    "PaymentMethod",
    "Person",
    "PriceList",
    "PriceListEntry",
    "PricingUnit",
    "PrintJobStatus",
    "Project",
    "ProjectStatus",
    "Qualification",
    "Receipt",
    "RepairRecord",
    "Report",
    "ReportApproval",
    "ReportDispatch",
    "ReportSeal",
    "ReportStatus",
    "ReportVersion",
    "Retention",
    "Sample",
    "SampleStatus",
    "SampleType",
    "Task",
    "TaskStatus",
    "TestItem",
    "TestPackage",
    "TestPackageItem",
    "UTCDateTime",
    "Urgency",
    "WorkflowEvent",
    "person_roles",
    "utcnow",
]
