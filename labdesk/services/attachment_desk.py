"""Attachments for the record card: which ledgers have them, listing, adding, opening, saving, deleting.

Every function takes a :class:`Database` and opens its own unit of work (``units.reading`` /
``units.writing``), so the UI calls them from a worker and a lost server is a sentence. The storage
itself (inline or in the attachment folder, SHA-256 checked) is :mod:`labdesk.services.attachments`.

Which ledgers' cards have an Attachments tab is the declarative :data:`PLACES`: the ledger key, the
``owner_table`` its own files are filed under, and the child records whose files the card shows as
well (an instrument card lists the certificates attached to its calibration records, since
``instrument_workflow.record_calibration`` files them under ``calibration_records``).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.contracts import Contract
from labdesk.models.customers import Customer
from labdesk.models.instruments import Attachment, CalibrationRecord, Instrument
from labdesk.models.people import Person
from labdesk.models.reports import Report
from labdesk.services import attachments
from labdesk.services.attachments import AttachmentProblem, AttachmentTooLarge
from labdesk.services.database import Database
from labdesk.services.permissions import PermissionDenied, may_write
from labdesk.services.problems import Problem
from labdesk.services.units import reading, writing

OWN: Final = "own"
"""``AttachmentRow.kind`` of a file attached to the card's record itself."""
CALIBRATION: Final = "calibration"
"""``AttachmentRow.kind`` of a certificate attached to one of the instrument's calibration records."""


@dataclass(frozen=True)
class RelatedFiles:
    """Child records whose attachments the card lists too: ``children(session, record_id)`` gives
    each child's id -> (the reference the user knows it by, e.g. a certificate number and date; the
    login that recorded it, which stands for who added a file the service filed unsigned)."""

    kind: str
    owner_table: str
    children: Callable[[Session, int], dict[int, tuple[str, str | None]]]


@dataclass(frozen=True)
class AttachmentPlace:
    """A ledger whose card has an Attachments tab, and the table its own files are filed under."""

    ledger: str
    owner_table: str
    model: type[Customer | Contract | Report | Instrument]
    related: tuple[RelatedFiles, ...] = ()


def _calibrations(session: Session, instrument_id: int) -> dict[int, tuple[str, str | None]]:
    rows = session.execute(
        select(CalibrationRecord.id, CalibrationRecord.certificate_no, CalibrationRecord.calibrated_on,
               CalibrationRecord.created_by)
        .where(CalibrationRecord.instrument_id == instrument_id)
    )
    return {row.id: (f"{row.certificate_no or ''} ({row.calibrated_on.isoformat()})", row.created_by)
            for row in rows}


PLACES: Final[dict[str, AttachmentPlace]] = {
    place.ledger: place
    for place in (
        AttachmentPlace("instruments", "instruments", Instrument,
                        (RelatedFiles(CALIBRATION, "calibration_records", _calibrations),)),
        AttachmentPlace("customers", "customers", Customer),
        AttachmentPlace("contracts", "contracts", Contract),
        AttachmentPlace("reports", "reports", Report),
    )
}


def has_attachments(ledger: str) -> bool:
    """True if the ledger's card has an Attachments tab."""
    return ledger in PLACES


def may_add(roles: frozenset[str]) -> bool:
    return may_write(roles, "attachments", "insert")


def may_delete(roles: frozenset[str]) -> bool:
    return may_write(roles, "attachments", "delete")


@dataclass(frozen=True)
class AttachmentRow:
    """One line of the card's Attachments tab (the bytes are read only when opened or saved)."""

    id: int
    file_name: str
    size_bytes: int
    content_type: str | None
    added_by: str
    """The person's full name, else the login that added it."""
    added_at: dt.datetime
    kind: str
    """:data:`OWN` or a :class:`RelatedFiles` kind such as :data:`CALIBRATION`."""
    reference: str
    """For a child record's file, which record (e.g. the certificate number and date); else ""."""


def _place(ledger: str) -> AttachmentPlace:
    try:
        return PLACES[ledger]
    except KeyError:
        raise KeyError(f"the {ledger!r} card has no attachments") from None


def list_for_card(database: Database, ledger: str, record_id: int) -> list[AttachmentRow]:
    """The record's own files, then its child records' files, each group oldest first."""
    place = _place(ledger)
    with reading(database) as session:
        own = attachments.list_attachments(session, place.owner_table, record_id)
        found: list[tuple[Attachment, str, str, str | None]] = [(a, OWN, "", a.created_by) for a in own]
        for related in place.related:
            children = related.children(session, record_id)
            if not children:
                continue
            rows = session.scalars(
                select(Attachment)
                .where(Attachment.owner_table == related.owner_table, Attachment.owner_id.in_(children))
                .order_by(Attachment.created_at, Attachment.id)
            )
            # instrument_workflow.record_calibration files certificates without a creator: the
            # person who recorded the calibration added them.
            for a in rows:
                reference, recorded_by = children[a.owner_id]
                found.append((a, related.kind, reference, a.created_by or recorded_by))
        logins = {login for *_, login in found if login}
        people = select(Person.login, Person.full_name).where(Person.login.in_(logins))
        names: dict[str, str] = {login: name for login, name in session.execute(people)}
        return [
            AttachmentRow(a.id, a.file_name, a.size_bytes, a.content_type,
                          names.get(login or "", login or ""), a.created_at, kind, reference)
            for a, kind, reference, login in found
        ]


def _too_large(name: str, size: int) -> AttachmentTooLarge:
    # The sentence of attachments.add_attachment, said before reading a huge file into memory.
    return AttachmentTooLarge(Problem(
        N("Problem", "The file {name} has {size} MiB; attachments take at most {max} MiB. "
                     "Attach a smaller scan or a compressed copy."),
        {"name": name, "size": f"{size / 1024 / 1024:.1f}",
         "max": str(attachments.MAX_SIZE // 1024 // 1024)}))


def read_file(path: Path) -> bytes:
    """The bytes of a file the user chose, refusing one over the size limit before reading it."""
    try:
        size = path.stat().st_size
        if size > attachments.MAX_SIZE:  # looked up now: the limit is one place, attachments.MAX_SIZE
            raise _too_large(path.name, size)
        return path.read_bytes()
    except OSError as error:
        raise AttachmentProblem(Problem(
            N("Problem", "The file {path} cannot be read ({reason}); check that it exists and is not open "
                         "in another program."), {"path": str(path), "reason": error.strerror or str(error)})
        ) from None


def add_data(database: Database, ledger: str, record_id: int, file_name: str, data: bytes,
             content_type: str | None = None) -> int:
    """Attach ``data`` to the record; returns the new attachment's id."""
    place = _place(ledger)
    actor = database.actor
    if not may_add(actor.roles):
        raise PermissionDenied(Problem(N("Problem", "{who} may not add attachments."),
                                       {"who": actor.display_name}))
    if content_type is None:
        content_type = mimetypes.guess_type(file_name)[0]
    with writing(database) as session:
        # attachments.add_attachment leaves the creator to its caller, like every ORM insert here.
        event.listen(session, "before_flush", _stamp_new_attachments)
        if session.get(place.model, record_id) is None:
            raise AttachmentProblem(Problem(N(
                "Problem", "The record was deleted at another workstation; the file was not attached.")))
        added = attachments.add_attachment(session, place.owner_table, record_id, file_name, data,
                                           content_type)
        return added.id


def _stamp_new_attachments(session: Session, _context: object, _instances: object) -> None:
    login = session.info["actor"].login
    for new in session.new:
        if isinstance(new, Attachment) and new.created_by is None:
            new.created_by = new.updated_by = login


def add_file(database: Database, ledger: str, record_id: int, path: Path) -> int:
    """Attach the file at ``path`` under its own name; returns the new attachment's id."""
    return add_data(database, ledger, record_id, path.name, read_file(path))


def read_data(database: Database, attachment_id: int) -> tuple[str, bytes]:
    """The attachment's file name and bytes (checked against the stored SHA-256)."""
    with reading(database) as session:
        data = attachments.read_attachment(session, attachment_id)
        attachment = session.get(Attachment, attachment_id)
        assert attachment is not None  # read_attachment has just found it
        return attachment.file_name, data


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$")
_NAME_BYTES = 200  # file systems take 255 bytes a name; leave room for a viewer's "~lock" prefixes


def local_file_name(file_name: str) -> str:
    """``file_name`` made safe for this computer's file system: characters Windows refuses and
    control characters become "_", reserved device names are prefixed, and a name too long for the
    file system is shortened in its stem, keeping the extension (so the right program opens it)."""
    name = _UNSAFE.sub("_", file_name).rstrip(" .") or "attachment"
    if _RESERVED.match(name):
        name = f"_{name}"
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 16:
        stem, dot, suffix = name, "", ""
    while len(f"{stem}{dot}{suffix}".encode()) > _NAME_BYTES:
        stem = stem[:-1]
    return f"{stem}{dot}{suffix}"


def _write_atomically(target: Path, data: bytes) -> None:
    # Written aside and renamed: a viewer or a later save never meets half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".labdesk-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def open_folder() -> Path:
    """Where opened attachments are copied to (the system's temporary folder)."""
    return Path(tempfile.gettempdir()) / "labdesk-attachments"


def open_copy(database: Database, attachment_id: int) -> Path:
    """A local copy of the attachment to open in its program; returns its path.

    Each attachment gets its own folder, so the copy keeps the original name (what the viewer's title
    shows) and two files of the same name never overwrite each other. A copy that already holds the
    right bytes is reused rather than rewritten, since it may still be open in a viewer.
    """
    file_name, data = read_data(database, attachment_id)
    folder = open_folder() / str(attachment_id)
    target = folder / local_file_name(file_name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (target.is_file() and target.read_bytes() == data):
            _write_atomically(target, data)
    except OSError as error:
        raise _cannot_write(target, error) from None
    return target


def save_copy(database: Database, attachment_id: int, target: Path) -> int:
    """Write the attachment to ``target`` (the user chose it in a Save dialog); returns the bytes written."""
    _name, data = read_data(database, attachment_id)
    try:
        _write_atomically(target, data)
    except OSError as error:
        raise _cannot_write(target, error) from None
    return len(data)


def _cannot_write(target: Path, error: OSError) -> AttachmentProblem:
    return AttachmentProblem(Problem(
        N("Problem", "The file {path} cannot be written ({reason}); choose another folder or close the "
                     "program that has it open."),
        {"path": str(target), "reason": error.strerror or str(error)}))


def delete(database: Database, attachment_id: int) -> None:
    """Delete the attachment (its stored file goes too once nothing else refers to it)."""
    actor = database.actor
    if not may_delete(actor.roles):
        raise PermissionDenied(Problem(N("Problem", "{who} may not delete attachments."),
                                       {"who": actor.display_name}))
    with writing(database) as session:
        attachments.delete_attachment(session, attachment_id)
