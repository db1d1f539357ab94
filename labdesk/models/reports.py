"""Report ledger (报告台账): test reports from drafting through review, approval, online sealing
(在线用印), issue and dispatch, with every PDF version hashed so a sealed report can be verified (验真)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labdesk.models.base import Base, LedgerMixin, utcnow

if TYPE_CHECKING:
    from labdesk.models.orders import Order
    from labdesk.models.people import Person
    from labdesk.models.projects import Project


class ReportStatus(StrEnum):
    DRAFTING = "drafting"
    REVIEWING = "reviewing"
    APPROVING = "approving"
    SEALING = "sealing"
    ISSUED = "issued"
    DISPATCHED = "dispatched"
    VOIDED = "voided"


class ApprovalStep(StrEnum):
    REVIEW = "review"
    APPROVE = "approve"


class ApprovalDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class DispatchMethod(StrEnum):
    COLLECT = "collect"
    POST = "post"
    EMAIL = "email"


class Report(LedgerMixin, Base):
    """A test report; ``report_no`` is the unique ID printed on every page (ISO/IEC 17025 §7.8.2.1)."""

    __tablename__ = "reports"

    report_no: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(
        String(32),
        default=ReportStatus.DRAFTING.value,
        server_default=ReportStatus.DRAFTING.value,
        index=True,
    )
    drafted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    # 0 until the first PDF is generated; then the version_no of the latest report_versions row.
    current_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # An amended report names the one it replaces (ISO/IEC 17025 §7.8.8); the old one is voided, not edited.
    amends_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("reports.id", ondelete="RESTRICT"), index=True
    )
    issued_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    conclusion: Mapped[str | None] = mapped_column(Text)

    order: Mapped[Order] = relationship()
    project: Mapped[Project | None] = relationship()
    drafted_by: Mapped[Person | None] = relationship()
    amends_report: Mapped[Report | None] = relationship(remote_side="Report.id")
    versions: Mapped[list[ReportVersion]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ReportVersion.version_no"
    )
    approvals: Mapped[list[ReportApproval]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ReportApproval.at"
    )
    seals: Mapped[list[ReportSeal]] = relationship(back_populates="report", cascade="all, delete-orphan")
    dispatches: Mapped[list[ReportDispatch]] = relationship(
        back_populates="report", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Report(id={self.id!r}, report_no={self.report_no!r})"


class ReportVersion(LedgerMixin, Base):
    """One generated PDF; the hash is what verification (验真) compares against."""

    __tablename__ = "report_versions"
    __table_args__ = (UniqueConstraint("report_id", "version_no"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    pdf_sha256: Mapped[str] = mapped_column(String(64), index=True)
    pdf_size: Mapped[int] = mapped_column(BigInteger)
    # NULL when the PDF is kept as an attachment row instead of a file in the archive directory.
    file_path: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(String(500))

    report: Mapped[Report] = relationship(back_populates="versions")


class ReportApproval(LedgerMixin, Base):
    """A review or approval decision; the approver is who authorized the report (§7.8.2.1)."""

    __tablename__ = "report_approvals"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    decision: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(String(500))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

    report: Mapped[Report] = relationship(back_populates="approvals")
    person: Mapped[Person] = relationship()


class ReportSeal(LedgerMixin, Base):
    """An electronic seal placed on one version of the PDF (在线用印)."""

    __tablename__ = "report_seals"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    seal_name: Mapped[str] = mapped_column(String(200))
    signer_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    # Position of the seal's centre on the page, from the top-left corner.
    x_mm: Mapped[Decimal] = mapped_column(Numeric(7, 2))
    y_mm: Mapped[Decimal] = mapped_column(Numeric(7, 2))
    signed_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    signature_sha256: Mapped[str] = mapped_column(String(64), index=True)

    report: Mapped[Report] = relationship(back_populates="seals")
    signer: Mapped[Person] = relationship()


class ReportDispatch(LedgerMixin, Base):
    """Delivery of an issued report to the customer."""

    __tablename__ = "report_dispatches"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[str] = mapped_column(String(200))
    tracking_no: Mapped[str | None] = mapped_column(String(64))
    dispatched_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)

    report: Mapped[Report] = relationship(back_populates="dispatches")
    by: Mapped[Person | None] = relationship()
