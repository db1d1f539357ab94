"""Files attached to records (calibration certificates, manuals, photos), checked by SHA-256.

A file up to :data:`INLINE_MAX` lives in its ``attachments`` row, so it travels with the database
(backups, a shared server). A larger one goes to the attachment store, a folder configured as
``Settings.attachment_store`` (on a shared server: a folder every workstation mounts), default
``<data dir>/attachments``. Stored files are named by their SHA-256, so the same certificate
attached twice is kept once, and a file is never overwritten with other content. Every read checks
the bytes against the recorded hash: a damaged or swapped file is reported, never returned.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, defer

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.instruments import Attachment
from labdesk.paths import data_dir
from labdesk.services.problems import Problem, ProblemError
from labdesk.settings import load_settings

INLINE_MAX = 1024 * 1024  # 1 MiB: larger files go to the store
MAX_SIZE = 50 * 1024 * 1024  # 50 MiB: a scanned certificate is a few MiB; beyond this is a mistake
NAME_MAX = 500  # attachments.file_name
CONTENT_TYPE_MAX = 200


class AttachmentTooLarge(ProblemError):
    """The file is over :data:`MAX_SIZE`."""


class AttachmentProblem(ProblemError):
    """A bad file name, a missing or damaged stored file, or an unknown attachment."""


def attachment_store() -> Path:
    """The folder of large attachments (created on demand)."""
    configured = load_settings().attachment_store
    path = Path(configured) if configured else data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _store_name(sha256: str) -> str:
    # Two-level fan-out keeps a folder of tens of thousands of certificates browsable.
    return f"{sha256[:2]}/{sha256}"


def _write_store_file(sha256: str, data: bytes) -> str:
    name = _store_name(sha256)
    target = attachment_store() / name
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        return name
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write aside, then rename: a reader never sees half a file, and a crash leaves no damaged one.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name


def _check_name(file_name: str, content_type: str | None) -> None:
    if not file_name.strip() or "\x00" in file_name or "/" in file_name or "\\" in file_name:
        raise AttachmentProblem(Problem(N("Problem", "'{name}' cannot be an attachment's file name; "
                                                     "give the file a plain name."), {"name": file_name}))
    if len(file_name) > NAME_MAX:
        raise AttachmentProblem(Problem(N("Problem", "An attachment's file name takes at most {max} "
                                                     "characters; rename the file."), {"max": str(NAME_MAX)}))
    if content_type is not None and len(content_type) > CONTENT_TYPE_MAX:
        raise AttachmentProblem(Problem(N("Problem", "The file type '{type}' is not a valid content type."),
                                        {"type": content_type[:60]}))


def add_attachment(
    session: Session,
    owner_table: str,
    owner_id: int,
    file_name: str,
    data: bytes,
    content_type: str | None = None,
) -> Attachment:
    """Attach ``data`` to the record (``owner_table``, ``owner_id``) in the caller's transaction.

    A file over :data:`INLINE_MAX` is written to the store first; if the transaction then rolls
    back, the stored file stays unreferenced (harmless: it is found again by its hash next time).
    """
    if len(data) > MAX_SIZE:
        raise AttachmentTooLarge(Problem(
            N("Problem", "The file {name} has {size} MiB; attachments take at most {max} MiB. "
                         "Attach a smaller scan or a compressed copy."),
            {"name": file_name, "size": f"{len(data) / 1024 / 1024:.1f}",
             "max": str(MAX_SIZE // 1024 // 1024)}))
    _check_name(file_name, content_type)
    sha256 = hashlib.sha256(data).hexdigest()
    inline = len(data) <= INLINE_MAX
    attachment = Attachment(
        owner_table=owner_table,
        owner_id=owner_id,
        file_name=file_name,
        content_type=content_type,
        size_bytes=len(data),
        sha256=sha256,
        data=data if inline else None,
        store_path=None if inline else _write_store_file(sha256, data),
    )
    session.add(attachment)
    session.flush()
    return attachment


def list_attachments(session: Session, owner_table: str, owner_id: int) -> list[Attachment]:
    """The record's attachments, oldest first; the bytes are not loaded (see :func:`read_attachment`)."""
    statement = (
        select(Attachment)
        .where(Attachment.owner_table == owner_table, Attachment.owner_id == owner_id)
        .options(defer(Attachment.data))
        .order_by(Attachment.created_at, Attachment.id)
    )
    return list(session.scalars(statement))


def _get(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        gone = N("Problem", "The attachment was deleted at another workstation.")
        raise AttachmentProblem(Problem(gone, {}))
    return attachment


def read_attachment(session: Session, attachment_id: int) -> bytes:
    """The attachment's bytes, after checking them against the recorded SHA-256."""
    attachment = _get(session, attachment_id)
    if attachment.store_path is None:
        data = attachment.data or b""
    else:
        path = attachment_store() / attachment.store_path
        try:
            data = path.read_bytes()
        except OSError:
            raise AttachmentProblem(Problem(
                N("Problem", "The file of attachment {name} is missing from the attachment folder {folder}; "
                             "check that the folder is reachable from this workstation."),
                {"name": attachment.file_name, "folder": str(attachment_store())})) from None
    if len(data) != attachment.size_bytes or hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise AttachmentProblem(Problem(
            N("Problem", "The attachment {name} is damaged: its content no longer matches what was stored. "
                         "Attach the original file again."), {"name": attachment.file_name}))
    return data


def delete_attachment(session: Session, attachment_id: int) -> None:
    """Delete the attachment; its stored file goes once the deletion is committed and nothing else
    refers to the same content."""
    attachment = _get(session, attachment_id)
    store_path = attachment.store_path
    session.delete(attachment)
    session.flush()
    if store_path is None:
        return
    same_file = select(func.count()).select_from(Attachment).where(Attachment.store_path == store_path)
    if session.scalar(same_file):
        return
    path = attachment_store() / store_path

    def remove_file(_session: Session) -> None:
        path.unlink(missing_ok=True)

    event.listen(session, "after_commit", remove_file, once=True)
