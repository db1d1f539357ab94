"""Document numbers from coding rules (编号规则): unique and gapless across every workstation.

A number is taken by one statement that creates or increments the rule's counter row for the
period (``INSERT … ON CONFLICT DO UPDATE … RETURNING``), inside the caller's transaction. The
row stays locked until that transaction ends, so two workstations never get the same value, and a
rolled-back insert rolls the counter back with it: its number is handed out again, leaving no gap.
``SELECT max(number) + 1`` has neither property (see ``benchmarks/numbering.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.numbering import CodingCounter, CodingRule, CounterReset, DocType
from labdesk.services.problems import Problem, ProblemError

# The fields a pattern may use, e.g. "{prefix}{yyyy}{mm}-{type}-{seq}".
PATTERN_FIELDS = ("prefix", "yyyy", "yy", "mm", "dd", "type", "seq")
MAX_SEQ_WIDTH = 12
MAX_NUMBER_LENGTH = 32  # the width of every number column (orders.order_no, samples.sample_no, …)
MAX_PREFIX_LENGTH = 32  # coding_rules.prefix
MAX_PATTERN_LENGTH = 200  # coding_rules.pattern


@dataclass(frozen=True)
class RuleFormat:
    """What a coding rule says, apart from its counters."""

    prefix: str
    pattern: str
    seq_width: int
    reset: CounterReset
    per_type: bool = False


# Used when a database has no rule for a document type yet (and written by the demo).
DEFAULT_RULES: dict[DocType, RuleFormat] = {
    DocType.CUSTOMER: RuleFormat("KH", "{prefix}{seq}", 4, CounterReset.NEVER),
    DocType.INSTRUMENT: RuleFormat("YQ-", "{prefix}{seq}", 6, CounterReset.NEVER),
    DocType.CONTRACT: RuleFormat("HT", "{prefix}{yyyy}-{seq}", 4, CounterReset.YEARLY),
    DocType.ORDER: RuleFormat("WT", "{prefix}{yyyy}-{seq}", 6, CounterReset.YEARLY),
    DocType.SAMPLE: RuleFormat("YP", "{prefix}{yyyy}-{seq}", 6, CounterReset.YEARLY),
    DocType.PROJECT: RuleFormat("XM", "{prefix}{yyyy}-{seq}", 4, CounterReset.YEARLY),
    DocType.TASK: RuleFormat("RW", "{prefix}{yyyy}-{seq}", 6, CounterReset.YEARLY),
    DocType.REPORT: RuleFormat("BG", "{prefix}{yyyy}-{seq}", 6, CounterReset.YEARLY),
    DocType.INVOICE: RuleFormat("KP", "{prefix}{yyyy}-{seq}", 4, CounterReset.YEARLY),
}


class InvalidCodingRule(ProblemError):
    """A coding rule that cannot produce valid numbers."""


def period_key(reset: CounterReset, on: dt.date) -> str:
    """The counter's period: the sequence starts again at 1 whenever this key changes."""
    if reset is CounterReset.YEARLY:
        return f"{on.year:04d}"
    if reset is CounterReset.MONTHLY:
        return f"{on.year:04d}-{on.month:02d}"
    if reset is CounterReset.DAILY:
        return on.isoformat()
    return ""


def _date_fields(rule: RuleFormat, on: dt.date, type_code: str) -> dict[str, str]:
    return {
        "prefix": rule.prefix,
        "yyyy": f"{on.year:04d}",
        "yy": f"{on.year % 100:02d}",
        "mm": f"{on.month:02d}",
        "dd": f"{on.day:02d}",
        "type": type_code,
    }


def format_number(rule: RuleFormat, on: dt.date, seq: int, type_code: str = "") -> str:
    """The number for sequence value ``seq`` on day ``on``."""
    return rule.pattern.format(**_date_fields(rule, on, type_code), seq=f"{seq:0{rule.seq_width}d}")


_TYPE_CODE = re.compile(r"[0-9A-Za-z]{0,8}")


def _pattern_fields(pattern: str) -> list[str] | Problem:
    """The field names of ``pattern``, or the Problem that makes it unusable."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        return Problem(N("Problem", "The pattern has an unmatched brace."))
    for literal, name, spec, conversion in parts:
        if any(not ch.isprintable() for ch in literal):
            return Problem(N("Problem", "The pattern may not contain control characters."))
        # "{seq:>{prefix}}" or "{yyyy!r}" would be evaluated by str.format: allow plain fields only.
        if name is not None and (spec or conversion):
            return Problem(N("Problem", "Write fields plainly, like {example}, without ':' or '!'."),
                           {"example": "{seq}"})
    return [name for _, name, _, _ in parts if name is not None]


# Which date parts a restarting sequence needs, so a new period never repeats an old number:
# "{mm}-{seq}" reset monthly would give "03-0001" again next March.
_PERIOD_PARTS: dict[CounterReset, tuple[tuple[frozenset[str], str], ...]] = {
    CounterReset.YEARLY: ((frozenset({"yyyy", "yy"}), "yyyy"),),
    CounterReset.MONTHLY: ((frozenset({"yyyy", "yy"}), "yyyy"), (frozenset({"mm"}), "mm")),
    CounterReset.DAILY: (
        (frozenset({"yyyy", "yy"}), "yyyy"), (frozenset({"mm"}), "mm"), (frozenset({"dd"}), "dd"),
    ),
}
_RESET_SENTENCES = {
    CounterReset.YEARLY: N("Problem", "A sequence that restarts every year needs {parts} in the pattern."),
    CounterReset.MONTHLY: N("Problem", "A sequence that restarts every month needs {parts} in the pattern."),
    CounterReset.DAILY: N("Problem", "A sequence that restarts every day needs {parts} in the pattern."),
}


def validate_rule(rule: RuleFormat) -> list[Problem]:
    """Every reason the rule cannot be used (empty when it is fine); the settings screen shows them."""
    problems: list[Problem] = []
    if any(ch in rule.prefix for ch in "{}") or any(not ch.isprintable() for ch in rule.prefix):
        problems.append(Problem(N("Problem", "The prefix may not contain braces or control characters.")))
    if len(rule.prefix) > MAX_PREFIX_LENGTH:
        problems.append(Problem(N("Problem", "The prefix may be at most {max} characters long."),
                                {"max": str(MAX_PREFIX_LENGTH)}))
    if not 1 <= rule.seq_width <= MAX_SEQ_WIDTH:
        problems.append(
            Problem(N("Problem", "The sequence width must be between 1 and {max}."),
                    {"max": str(MAX_SEQ_WIDTH)})
        )
    if len(rule.pattern) > MAX_PATTERN_LENGTH:
        return [*problems, Problem(N("Problem", "The pattern may be at most {max} characters long."),
                                   {"max": str(MAX_PATTERN_LENGTH)})]
    names = _pattern_fields(rule.pattern)
    if isinstance(names, Problem):
        return [*problems, names]
    unknown = sorted(set(names) - set(PATTERN_FIELDS))
    if unknown:
        problems.append(
            Problem(
                N("Problem", "Unknown field {fields} in the pattern; use {known}."),
                {"fields": ", ".join("{" + n + "}" for n in unknown),
                 "known": " ".join("{" + n + "}" for n in PATTERN_FIELDS)},
            )
        )
    if names.count("seq") != 1:
        problems.append(Problem(N("Problem", "The pattern must contain {field} exactly once."),
                                {"field": "{seq}"}))
    if rule.per_type and "type" not in names:
        problems.append(Problem(N("Problem", "Numbering per type needs {field} in the pattern."),
                                {"field": "{type}"}))
    missing = [shown for group, shown in _PERIOD_PARTS.get(rule.reset, ()) if not group & set(names)]
    if missing:
        # Otherwise the first number of the new period repeats one of an earlier period.
        problems.append(Problem(_RESET_SENTENCES[rule.reset],
                                {"parts": " ".join("{" + part + "}" for part in missing)}))
    if not problems:
        longest = format_number(rule, dt.date(2026, 12, 31), 10**rule.seq_width - 1, "X" * 8)
        if len(longest) > MAX_NUMBER_LENGTH:
            problems.append(
                Problem(N("Problem", "Numbers would be up to {length} characters; at most {max} fit."),
                        {"length": str(len(longest)), "max": str(MAX_NUMBER_LENGTH)})
            )
    return problems


def check_type_code(type_code: str) -> None:
    if not _TYPE_CODE.fullmatch(type_code):
        raise InvalidCodingRule(
            Problem(N("Problem", "The type code {code} must be up to 8 letters or digits."),
                    {"code": type_code})
        )


def rule_format(row: CodingRule) -> RuleFormat:
    return RuleFormat(row.prefix, row.pattern, row.seq_width, CounterReset(row.reset), row.per_type)


def _rule_row(session: Session, doc_type: DocType) -> CodingRule:
    """The stored rule for ``doc_type``, created from the defaults on first use."""
    row = session.scalars(select(CodingRule).where(CodingRule.doc_type == doc_type.value)).one_or_none()
    if row is None:
        default = DEFAULT_RULES[doc_type]
        row = CodingRule(
            doc_type=doc_type.value,
            prefix=default.prefix,
            pattern=default.pattern,
            seq_width=default.seq_width,
            reset=default.reset.value,
            per_type=default.per_type,
        )
        # A nested transaction: if another workstation creates the rule at the same moment, its
        # unique doc_type wins and this one reads it back instead of failing the caller's work.
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            row = session.scalars(select(CodingRule).where(CodingRule.doc_type == doc_type.value)).one()
    return row


def numbers_per_type(session: Session, doc_type: DocType) -> bool:
    """Whether ``doc_type``'s rule keeps a sequence per type code (then every number needs a type)."""
    return bool(_rule_row(session, doc_type).per_type)


def _counter_key(
    session: Session, doc_type: DocType, type_code: str, on: dt.date
) -> tuple[CodingRule, RuleFormat, str, str]:
    """The rule and the counter row (type code, period) a number of ``doc_type`` is taken from."""
    check_type_code(type_code)
    rule_row = _rule_row(session, doc_type)
    rule = rule_format(rule_row)
    problems = validate_rule(rule)
    if problems:
        raise InvalidCodingRule(problems[0])
    if rule.per_type and not type_code:
        # An empty code would start a sequence of its own and a number with an empty {type}.
        per_type_sentence = N("Problem", "These numbers are kept per type: choose the type first.")
        raise InvalidCodingRule(Problem(per_type_sentence, {"doc_type": doc_type.value}))
    counter_type = type_code if rule.per_type else ""
    return rule_row, rule, counter_type, period_key(rule.reset, on)


def number_for_insert(
    session: Session, doc_type: DocType, *, type_code: str = "", on: dt.date | None = None
) -> str | ColumnElement[str]:
    """The number column's value for a new record: on PostgreSQL a SQL expression the record's own
    INSERT evaluates, elsewhere the number itself (see :func:`allocate_number`).

    Why: the counter row is locked from the moment the number is taken until COMMIT, and numbers of
    one document type are taken one after another across all workstations. Taken by the INSERT itself
    (``labdesk_take_number``, migration 0007), the lock covers only that statement and the commit,
    not the client's work between taking a number and sending the record. Read the number back from
    the record after the flush (the ORM fetches it).
    """
    if session.get_bind().dialect.name != "postgresql":
        return allocate_number(session, doc_type, type_code=type_code, on=on)
    on = on or dt.date.today()
    rule_row, rule, counter_type, period = _counter_key(session, doc_type, type_code, on)
    # validate_rule guarantees exactly one plain {seq}: format both sides, the server fills in the middle.
    left, right = rule.pattern.split("{seq}")
    fields = _date_fields(rule, on, type_code)
    return func.labdesk_take_number(
        rule_row.id, period, counter_type, left.format(**fields), right.format(**fields), rule.seq_width,
        type_=String(),
    )


def allocate_numbers(
    session: Session, doc_type: DocType, count: int = 1, *, type_code: str = "", on: dt.date | None = None
) -> list[str]:
    """Take ``count`` consecutive numbers for ``doc_type`` in the caller's transaction.

    The counter row stays locked until the caller commits or rolls back; keep the transaction
    short. ``type_code`` selects the per-type sequence when the rule numbers per type.
    """
    if count < 1:
        return []
    on = on or dt.date.today()
    rule_row, rule, counter_type, period = _counter_key(session, doc_type, type_code, on)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(CodingCounter)
        .values(rule_id=rule_row.id, period=period, type_code=counter_type, last_value=count)
        .on_conflict_do_update(
            index_elements=["rule_id", "period", "type_code"],
            set_={"last_value": CodingCounter.last_value + count},
        )
        .returning(CodingCounter.last_value)
    )
    last = int(session.execute(statement).scalar_one())
    return [format_number(rule, on, seq, type_code) for seq in range(last - count + 1, last + 1)]


def allocate_number(
    session: Session, doc_type: DocType, *, type_code: str = "", on: dt.date | None = None
) -> str:
    """One number; see :func:`allocate_numbers`."""
    return allocate_numbers(session, doc_type, 1, type_code=type_code, on=on)[0]


def preview_numbers(
    rule: RuleFormat, on: dt.date, next_seq: int = 1, type_code: str = "X", n: int = 3
) -> list[str]:
    """What the next ``n`` numbers would look like, for the settings screen's live preview."""
    code = type_code if rule.per_type else ""
    return [format_number(rule, on, seq, code) for seq in range(next_seq, next_seq + n)]
