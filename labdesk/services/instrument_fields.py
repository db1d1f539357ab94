"""The fields of an instrument card as data: what the import reads, the template writes and the card shows.

Headers reuse the Instruments ledger's own column titles (context ``Ledger``), so a sheet exported from
the ledger has the same headers the importer accepts, and the UI translates them with ``tr`` as it
does the ledger's. ``zh_header`` is the Chinese title spelled out, so the importer and the CLI accept
Chinese headers without loading a translation catalog; a unit test keeps it equal to the catalog's.

Status labels are the ledger's (``INSTRUMENTS.statuses``, context ``Status``); this module adds only
the other spellings users type in a sheet (维修 for 维修中, 校准中 for 送检中).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.instruments import InstrumentStatus

HEADER_CONTEXT = "Ledger"  # the context of ``header`` for translation (shared with the ledger titles)

CODE_MAX = 32  # instruments.code is String(32)
TEXT_MAX = 500  # free-text columns are String(500) from migration 0006
SHORT_TEXT_MAX = 64  # certificate_no is String(64)


class FieldKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    INT = "int"
    MONEY = "money"
    STATUS = "status"
    PERSON = "person"  # a person's full name or login; stored as custodian_id


@dataclass(frozen=True)
class InstrumentField:
    key: str  # the English field name in a sheet, and the Instrument attribute (but see ``column``)
    header: str  # English header, marked for translation in HEADER_CONTEXT
    zh_header: str  # the same header in Chinese (what the zh_CN catalog says)
    kind: FieldKind
    max_length: int | None = None  # for text kinds: the most characters accepted
    required: bool = False
    importable: bool = True  # read by the Excel import and written in its template
    column: str | None = None  # the instruments column when it differs from ``key``

    @property
    def db_column(self) -> str:
        return self.column or self.key


FIELDS: tuple[InstrumentField, ...] = (
    # code is not required: a row without one is numbered by the coding rule.
    InstrumentField("code", N("Ledger", "Instrument code"), "设备编号", FieldKind.TEXT, CODE_MAX),
    InstrumentField(
        "name", N("Ledger", "Instrument name"), "设备名称", FieldKind.TEXT, TEXT_MAX, required=True
    ),
    InstrumentField("model", N("Ledger", "Model"), "型号", FieldKind.TEXT, TEXT_MAX),
    InstrumentField("serial_number", N("Ledger", "Serial no."), "出厂编号", FieldKind.TEXT, TEXT_MAX),
    InstrumentField("manufacturer", N("Ledger", "Manufacturer"), "生产厂家", FieldKind.TEXT, TEXT_MAX),
    InstrumentField("category", N("Ledger", "Category"), "类别", FieldKind.TEXT, TEXT_MAX),
    InstrumentField("location", N("Ledger", "Location"), "存放位置", FieldKind.TEXT, TEXT_MAX),
    InstrumentField(
        "custodian", N("Ledger", "Custodian"), "保管人", FieldKind.PERSON, TEXT_MAX, column="custodian_id"
    ),
    InstrumentField("purchase_date", N("Ledger", "Purchased"), "购置日期", FieldKind.DATE),
    InstrumentField(
        "calibration_interval_months", N("Ledger", "Interval (months)"), "校准周期（月）", FieldKind.INT
    ),
    InstrumentField("last_calibration_date", N("Ledger", "Last calibrated"), "上次校准日期", FieldKind.DATE),
    InstrumentField("status", N("Ledger", "Status"), "状态", FieldKind.STATUS),
    # Card fields the import does not take (yet): the card engineer's form shows them.
    InstrumentField(
        "purchase_price", N("Ledger", "Purchase price"), "购置价格", FieldKind.MONEY, importable=False
    ),
    InstrumentField(
        "certificate_no",
        N("Ledger", "Certificate no."),
        "证书编号",
        FieldKind.TEXT,
        SHORT_TEXT_MAX,
        importable=False,
    ),
    InstrumentField(
        "measuring_range",
        N("Ledger", "Measuring range"),
        "测量范围",
        FieldKind.TEXT,
        TEXT_MAX,
        importable=False,
    ),
    InstrumentField(
        "accuracy", N("Ledger", "Accuracy"), "准确度", FieldKind.TEXT, TEXT_MAX, importable=False
    ),
    InstrumentField(
        "calibration_provider",
        N("Ledger", "Calibration provider"),
        "校准机构",
        FieldKind.TEXT,
        TEXT_MAX,
        importable=False,
    ),
    InstrumentField("notes", N("Ledger", "Notes"), "备注", FieldKind.TEXT, TEXT_MAX, importable=False),
)

FIELDS_BY_KEY: dict[str, InstrumentField] = {f.key: f for f in FIELDS}
IMPORT_FIELDS: tuple[InstrumentField, ...] = tuple(f for f in FIELDS if f.importable)

STATUS_KEYS: tuple[str, ...] = tuple(s.value for s in InstrumentStatus)

# Chinese spellings of each status a sheet may carry besides the ledger's own label: the issue's
# short forms (维修, 校准中) next to the ledger's (维修中, 送检中).
STATUS_ZH: dict[str, tuple[str, ...]] = {
    "in_service": ("在用",),
    "under_repair": ("维修", "维修中"),
    "out_for_calibration": ("校准中", "送检中", "送检"),
    "out_of_service": ("停用",),
    "loaned": ("借出",),
    "retired": ("报废",),
}


def status_lookup() -> dict[str, str]:
    """Every accepted spelling of a status (key, English label, Chinese labels; case-folded) -> key."""
    from labdesk.services.ledgers.lab import INSTRUMENTS  # the ledger's labels; imported late (heavy)

    lookup: dict[str, str] = {}
    for key in STATUS_KEYS:
        lookup[key.casefold()] = key
        style = INSTRUMENTS.statuses.get(key)
        if style is not None:
            lookup[style.label.casefold()] = key
        for label in STATUS_ZH.get(key, ()):
            lookup[label.casefold()] = key
    return lookup


def header_lookup(fields: tuple[InstrumentField, ...] = IMPORT_FIELDS) -> dict[str, InstrumentField]:
    """Every accepted header (field key, English header, Chinese header; case-folded) -> field."""
    lookup: dict[str, InstrumentField] = {}
    for f in fields:
        for spelling in (f.key, f.header, f.zh_header):
            lookup[normalize_header(spelling)] = f
    return lookup


def normalize_header(text: str) -> str:
    """A header as compared: case-folded, outer blanks and inner spaces dropped, full-width brackets
    as ASCII (users type 校准周期(月) as often as 校准周期（月）)."""
    return "".join(text.casefold().replace("（", "(").replace("）", ")").split())
