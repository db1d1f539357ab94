"""Label templates: the built-in ones (in code) and the lab's own, saved in the database as JSON.

A custom template is stored as ``template_to_json`` in ``label_templates.definition``; built-in names
cannot be reused, so a name always means one template. Updates are version-checked (the row's
optimistic lock): saving over a template someone else changed meanwhile is a ``TemplateConflict``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from labdesk.models.labels import LabelTemplateRecord
from labdesk.printing.templates import (
    BUILTIN_TEMPLATES,
    LabelTemplate,
    template_from_json,
    template_problems,
    template_to_json,
)

NAME_MAX = 64


class TemplateError(ValueError):
    """A template request the user can fix; the message is one sentence."""


class TemplateConflict(TemplateError):
    """The template was changed or deleted by someone else since it was loaded."""


def is_builtin(name: str) -> bool:
    return name in BUILTIN_TEMPLATES


def _rows(session: Session, kind: str | None = None) -> list[LabelTemplateRecord]:
    query = select(LabelTemplateRecord).order_by(LabelTemplateRecord.name)
    if kind is not None:
        query = query.where(LabelTemplateRecord.kind == kind)
    return list(session.scalars(query))


def _load(row: LabelTemplateRecord) -> LabelTemplate | None:
    try:
        return template_from_json(row.definition)
    except ValueError:
        return None  # a row no LabDesk can print (e.g. from a newer version) is skipped, not fatal


def list_templates(session: Session, kind: str | None = None) -> list[LabelTemplate]:
    """Built-in templates first (in their order), then the custom ones by name; ``kind`` filters."""
    builtins = [t for t in BUILTIN_TEMPLATES.values() if kind is None or t.kind == kind]
    custom = [t for t in map(_load, _rows(session, kind)) if t is not None]
    return builtins + custom


def custom_versions(session: Session, kind: str | None = None) -> dict[str, int]:
    """The version of each custom template's row, for a version-checked save."""
    return {row.name: row.version for row in _rows(session, kind)}


def get_template(session: Session, name: str) -> LabelTemplate:
    """A built-in or custom template by name; KeyError listing the names there are."""
    if name in BUILTIN_TEMPLATES:
        return BUILTIN_TEMPLATES[name]
    row = session.scalars(select(LabelTemplateRecord).where(LabelTemplateRecord.name == name)).first()
    template = _load(row) if row is not None else None
    if template is None:
        known = ", ".join(t.name for t in list_templates(session))
        raise KeyError(f"no label template {name!r}; templates: {known}")
    return template


def save_template(
    session: Session,
    template: LabelTemplate,
    *,
    user: str,
    expected_version: int | None = None,
    notes: str | None = None,
) -> int:
    """Insert a new custom template or update the one of that name; returns the row's new version.

    ``expected_version`` is the version the caller loaded (None for a new template): a row changed
    since, or one that appeared meanwhile under the same name, is a ``TemplateConflict``.
    """
    name = template.name
    if not name.strip() or name != name.strip():
        raise TemplateError("A template name must not be empty or start or end with a space.")
    if len(name) > NAME_MAX:
        raise TemplateError(f"A template name can have at most {NAME_MAX} characters.")
    if is_builtin(name):
        raise TemplateError(f"{name} is a built-in template; save a copy under another name.")
    if problems := template_problems(template):
        raise TemplateError(f"The template cannot be printed: {'; '.join(problems)}.")
    row = session.scalars(select(LabelTemplateRecord).where(LabelTemplateRecord.name == name)).first()
    if row is None:
        if expected_version is not None:
            raise TemplateConflict(f"The template {name} was deleted by someone else.")
        row = LabelTemplateRecord(
            name=name,
            kind=template.kind,
            definition=template_to_json(template),
            notes=notes,
            created_by=user,
            updated_by=user,
        )
        session.add(row)
    else:
        if expected_version is None:
            raise TemplateConflict(f"A template named {name} already exists; choose another name.")
        if row.version != expected_version:
            raise TemplateConflict(
                f"The template {name} was changed by someone else; reload it and make your change again."
            )
        row.kind, row.definition, row.updated_by = template.kind, template_to_json(template), user
        if notes is not None:
            row.notes = notes
    try:
        session.flush()
    except StaleDataError:
        raise TemplateConflict(
            f"The template {name} was changed by someone else; reload it and make your change again."
        ) from None
    return row.version


def delete_template(session: Session, name: str) -> None:
    """Delete a custom template (built-ins cannot be deleted); KeyError when there is none."""
    if is_builtin(name):
        raise TemplateError(f"{name} is a built-in template and cannot be deleted.")
    row = session.scalars(select(LabelTemplateRecord).where(LabelTemplateRecord.name == name)).first()
    if row is None:
        raise KeyError(f"no custom label template {name!r}")
    session.delete(row)
    session.flush()
