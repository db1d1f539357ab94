"""The coding rules settings screen's services: read every rule with its counters, save one rule.

Saving is for whoever may take the step ``coding_rules.edit`` (administrators) and is version-checked:
if another workstation saved the same rule since this one read it, the save is refused with a sentence
instead of silently overwriting their change. Counters are never edited here; a changed rule goes on
from its counters (or starts at 1 when its new reset opens a new period).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.numbering import CodingCounter, CodingRule, CounterReset, DocType
from labdesk.services import permissions
from labdesk.services.database import Database
from labdesk.services.numbering import (
    DEFAULT_RULES,
    InvalidCodingRule,
    RuleFormat,
    period_key,
    preview_numbers,
    rule_format,
    validate_rule,
)
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import reading, writing

# Re-exported for the UI, which may not import labdesk.models.
__all__ = [
    "EDIT_STEP",
    "CounterReset",
    "DocType",
    "RuleFormat",
    "RuleView",
    "StaleRule",
    "list_rules",
    "may_edit",
    "save_rule",
]

EDIT_STEP = "coding_rules.edit"


class StaleRule(ProblemError):
    """Someone else saved the rule after this screen read it."""


@dataclass(frozen=True)
class RuleView:
    """One document type's rule as stored (or the default when none is stored yet), with its counters.

    ``version`` is 0 for a rule not stored yet. ``counters`` maps (period, type code) to the last
    value handed out, for the periods of ``on`` (today): enough to preview the next numbers for any
    reset the user may pick.
    """

    doc_type: DocType
    rule: RuleFormat
    version: int
    on: dt.date
    counters: dict[tuple[str, str], int] = field(default_factory=dict)

    def next_seq(self, rule: RuleFormat, type_code: str = "") -> int:
        """The sequence value the next number would get under ``rule`` (possibly edited)."""
        code = type_code if rule.per_type else ""
        return self.counters.get((period_key(rule.reset, self.on), code), 0) + 1

    def preview(self, rule: RuleFormat, type_code: str = "X", n: int = 3) -> list[str]:
        """The next ``n`` numbers under ``rule``; empty when the rule is invalid."""
        if validate_rule(rule):
            return []
        return preview_numbers(rule, self.on, self.next_seq(rule, type_code), type_code, n)


def may_edit(roles: frozenset[str]) -> bool:
    return permissions.may_step(roles, EDIT_STEP)


def list_rules(database: Database, on: dt.date | None = None) -> list[RuleView]:
    """Every document type's rule, in :class:`DocType` order."""
    on = on or dt.date.today()
    periods = {period_key(reset, on) for reset in CounterReset}
    with reading(database) as session:
        stored = {row.doc_type: row for row in session.scalars(select(CodingRule))}
        rows = session.execute(
            select(CodingCounter.rule_id, CodingCounter.period, CodingCounter.type_code,
                   CodingCounter.last_value).where(CodingCounter.period.in_(periods))
        ).all()
        counters: dict[int, dict[tuple[str, str], int]] = {}
        for rule_id, period, type_code, last in rows:
            counters.setdefault(rule_id, {})[(period, type_code)] = last
        views = []
        for doc_type in DocType:
            row = stored.get(doc_type.value)
            if row is None:
                views.append(RuleView(doc_type, DEFAULT_RULES[doc_type], 0, on))
            else:
                views.append(RuleView(doc_type, rule_format(row), row.version, on, counters.get(row.id, {})))
        return views


def _stale(doc_type: DocType) -> StaleRule:
    return StaleRule(Problem(
        N("Problem", "Someone else changed this coding rule while you were editing it. "
                     "Close and reopen Coding rules to see their change, then edit again."),
        {"doc_type": doc_type.value},  # not in the sentence, which the UI shows beside the rule
    ))


def save_rule(
    database: Database, doc_type: DocType, rule: RuleFormat, version: int, on: dt.date | None = None
) -> RuleView:
    """Store ``rule`` for ``doc_type`` if it is still at ``version`` (0: not stored yet).

    Raises ``PermissionDenied`` for an actor without ``coding_rules.edit``, ``InvalidCodingRule``
    with the first problem of an invalid rule, and ``StaleRule`` when someone saved it meanwhile.
    """
    permissions.require_step(database.actor, EDIT_STEP)
    problems = validate_rule(rule)
    if problems:
        raise InvalidCodingRule(problems[0])
    try:
        with writing(database) as session:
            row = session.scalars(
                select(CodingRule).where(CodingRule.doc_type == doc_type.value)
            ).one_or_none()
            if row is None:
                if version != 0:
                    raise _stale(doc_type)
                row = CodingRule(doc_type=doc_type.value)
                session.add(row)
            elif row.version != version:
                raise _stale(doc_type)
            row.prefix, row.pattern, row.seq_width = rule.prefix, rule.pattern, rule.seq_width
            row.reset, row.per_type = rule.reset.value, rule.per_type
            try:
                # The UPDATE … WHERE version = … (or the unique doc_type) catches a save racing this one.
                session.flush()
            except IntegrityError as error:
                raise _stale(doc_type) from error
    except StaleDataError as error:
        raise _stale(doc_type) from error
    # Re-read so the counters (and the version) are what the database now holds.
    return next(view for view in list_rules(database, on) if view.doc_type is doc_type)
