"""The instrument Excel import on SQLite: validation, all-or-nothing commit, numbering, CLI, report files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labdesk.cli import main
from labdesk.i18n import load_catalog
from labdesk.models import AuditLog, Instrument
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.import_desk import (
    ImportCancelled,
    ImportRejected,
    check_file,
    import_checked,
    import_file,
    may_import,
    save_error_report,
    save_template,
)
from labdesk.services.instrument_fields import FIELDS, IMPORT_FIELDS, status_lookup
from labdesk.services.permissions import PermissionDenied
from labdesk.services.spreadsheets import WorkbookError, column_letter
from tests.instrument_sheets import (
    ENGLISH_KEYS,
    add_person,
    counter_values,
    instrument_count,
    row_of,
    write_book,
)

TODAY = dt.date.today()
ZH_HEADERS = [
    "设备编号", "设备名称", "型号", "出厂编号", "生产厂家", "类别",
    "存放位置", "保管人", "购置日期", "校准周期（月）", "上次校准日期", "状态",
]  # fmt: skip
EN_HEADERS = [
    "Instrument code", "Instrument name", "Model", "Serial no.", "Manufacturer", "Category", "Location",
    "Custodian", "Purchased", "Interval (months)", "Last calibrated", "Status",
]  # fmt: skip


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "importer")  # no person record: every role on SQLite
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield database
    database.dispose()


def rejected_lines(db: Database, path: Path, *, dry_run: bool = False) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_file(db, path, dry_run=dry_run)
    return [p.text() for p in caught.value.report.problems]


def test_field_list_matches_the_issue_and_the_catalog() -> None:
    assert tuple(f.key for f in IMPORT_FIELDS) == ENGLISH_KEYS
    catalog = load_catalog("zh_CN")
    for f in FIELDS:  # the spelled-out Chinese header is what the UI shows
        assert catalog.translate("Ledger", f.header) == f.zh_header, f.key
    lookup = status_lookup()
    for label, key in {"在用": "in_service", "维修": "under_repair", "校准中": "out_for_calibration",
                       "停用": "out_of_service", "借出": "loaned", "报废": "retired"}.items():  # fmt: skip
        assert lookup[label] == key and lookup[key] == key


def test_good_import_with_english_field_names(db: Database, engine: Engine, tmp_path: Path) -> None:
    anna = add_person(engine, "anna", "王安娜")
    bo = add_person(engine, "bo", "李博")
    path = write_book(
        tmp_path / "good.xlsx",
        [
            ENGLISH_KEYS,
            row_of(code="EQ-1", name="电子天平", model="XS205", serial_number="B123", manufacturer="Mettler",
                   category="天平", location="A101", custodian="王安娜", purchase_date=dt.date(2020, 5, 6),
                   calibration_interval_months=12, last_calibration_date=dt.date(2026, 3, 1), status="在用"),
            row_of(name="压力计", custodian="bo", calibration_interval_months=6,
                   last_calibration_date=dt.date(2025, 8, 31), status="out_for_calibration"),
            row_of(name="烘箱", status="报废"),
        ],
    )  # fmt: skip
    _, result = import_file(db, path)
    assert result is not None and result.imported == 3 and result.numbered == 2
    assert result.codes[0] == "EQ-1" and result.codes[1] != result.codes[2]
    with Session(engine) as session:
        rows = {i.name: i for i in session.scalars(select(Instrument))}
        audited = session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "instruments")
        )
    scale = rows["电子天平"]
    assert (scale.code, scale.model, scale.custodian_id, scale.status) == (
        "EQ-1",
        "XS205",
        anna,
        "in_service",
    )
    assert scale.purchase_date == dt.date(2020, 5, 6) and scale.next_due_date == dt.date(2027, 3, 1)
    assert scale.created_by == "importer"
    gauge = rows["压力计"]
    assert gauge.custodian_id == bo and gauge.status == "out_for_calibration"
    assert gauge.next_due_date == dt.date(2026, 2, 28)  # 31 Aug + 6 months, clamped to February's end
    assert rows["烘箱"].status == "retired" and rows["烘箱"].next_due_date is None
    assert audited == 3


def test_localized_and_english_headers_both_import(db: Database, engine: Engine, tmp_path: Path) -> None:
    zh = write_book(tmp_path / "zh.xlsx", [ZH_HEADERS, ["ZH-1", "天平", *[None] * 9, "维修"]])
    en = write_book(tmp_path / "en.xlsx", [EN_HEADERS, ["EN-1", "Balance", *[None] * 9, "Under repair"]])
    # Headers in another order, with stray spaces and half-width brackets, still match.
    mixed = write_book(tmp_path / "mixed.xlsx", [[" 状态 ", "校准周期(月)", "NAME"], ["停用", "12", "天平"]])
    for path in (zh, en, mixed):
        import_file(db, path)
    with Session(engine) as session:
        got = sorted(session.execute(select(Instrument.code, Instrument.name, Instrument.status)).all())
    assert [(name, status) for _, name, status in got] == [
        ("Balance", "under_repair"),
        ("天平", "out_of_service"),  # the mixed sheet's row, numbered YQ-…
        ("天平", "under_repair"),
    ]
    assert [row[0] for row in got] == ["EN-1", "YQ-000001", "ZH-1"]  # the mixed sheet's row was numbered


def test_dates_numbers_as_text_and_blank_rows(db: Database, engine: Engine, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "dates.xlsx",
        [
            ["code", "name", "last_calibration_date", "calibration_interval_months", "purchase_date"],
            [1001, "real date", dt.datetime(2026, 3, 1, 0, 0), 12.0, dt.date(2019, 1, 2)],
            [],
            ["1002", "iso text", "2026-03-01", "12", "2019-1-2"],
            [None, None, None, None, None],
            ["  1003 ", "slash text", "2026/3/1", " 24 ", "2019/01/02"],
            ["1004", "chinese text", "2026年3月1日", "6", "2019年1月2日"],
        ],
    )
    report, result = import_file(db, path)
    assert [r.row for r in report.rows] == [2, 4, 6, 7]  # blank rows skipped, Excel's numbering kept
    assert result is not None and result.codes == ["1001", "1002", "1003", "1004"]
    with Session(engine) as session:
        got = {i.code: i for i in session.scalars(select(Instrument))}
    assert {i.last_calibration_date for i in got.values()} == {dt.date(2026, 3, 1)}
    assert {i.purchase_date for i in got.values()} == {dt.date(2019, 1, 2)}
    assert [got[c].calibration_interval_months for c in ("1001", "1002", "1003", "1004")] == [12, 12, 24, 6]
    assert got["1003"].next_due_date == dt.date(2028, 3, 1)


HOSTILE = [
    "\"quoted\" 'single' `back`",
    "Robert'); DROP TABLE instruments;--",
    "emoji 🔬🧪 and 中文 and ZWJ 👩‍🔬",
    '=HYPERLINK("http://evil")',
    "line one\nline two\ttabbed",
    "x" * 500,
]


def test_hostile_text_is_kept_verbatim(db: Database, engine: Engine, tmp_path: Path) -> None:
    rows = [["code", "name", "model"]] + [[f"H-{i}", text, text] for i, text in enumerate(HOSTILE)]
    path = write_book(tmp_path / "hostile.xlsx", rows, text_cells=["B5", "C5"])
    import_file(db, path)
    with Session(engine) as session:
        got = {code: name for code, name in session.execute(select(Instrument.code, Instrument.name))}
        models = set(session.scalars(select(Instrument.model)))
    assert [got[f"H-{i}"] for i in range(len(HOSTILE))] == HOSTILE
    assert models == set(HOSTILE)


def test_every_defect_is_one_clear_line(db: Database, engine: Engine, tmp_path: Path) -> None:
    add_person(engine, "wang1", "王伟")
    add_person(engine, "wang2", "王伟")  # two people of the same name
    add_person(engine, "gone", "离职者", active=False)
    import_file(db, write_book(tmp_path / "first.xlsx", [["code", "name"], ["OLD-1", "已有"]]))
    future = (TODAY + dt.timedelta(days=30)).isoformat()
    path = write_book(
        tmp_path / "bad.xlsx",
        [
            ["code", "name", "status", "last_calibration_date", "calibration_interval_months", "custodian"],
            ["D-1", "ok", "在用", "2026-03-01", 12, None],  # row 2: fine
            ["D-1", "repeat", None, None, None, None],  # row 3: code repeated in the file
            ["OLD-1", "in db", None, None, None, None],  # row 4: code already in the ledger
            [None, "status", "broken", None, None, None],  # row 5
            [None, "date", None, "2026-02-30", None, None],  # row 6: no such day
            [None, "future", None, future, None, None],  # row 7
            [None, "negative", None, None, -3, None],  # row 8
            [None, "text", None, None, "twelve", None],  # row 9
            [None, "half", None, None, "1.5", None],  # row 10
            [None, None, None, None, 12, None],  # row 11: name missing
            [None, "who", None, None, None, "无名氏"],  # row 12
            [None, "which", None, None, None, "王伟"],  # row 13
            [None, "left", None, None, None, "离职者"],  # row 14
            ["X" * 33, "long code", None, None, None, None],  # row 15
            [None, "y" * 501, None, None, None, None],  # row 16
            [None, "not a date", None, 45000, None, None],  # row 17
        ],
    )
    lines = rejected_lines(db, path)
    assert lines == [
        "row 3, column A: Code D-1 is already used on row 2. Each code may appear once.",
        "row 4, column A: Code OLD-1 is already in the ledger. Use another code, or leave it empty to have "
        "the row numbered.",
        "row 5, column C: broken is not an instrument status. Use one of: in_service, under_repair, "
        "out_for_calibration, out_of_service, loaned, retired, or 在用, 维修, 校准中, 停用, 借出, 报废.",
        "row 6, column D: 2026-02-30 is not a real date. Check the month and the day.",
        f"row 7, column D: {future} is in the future. A calibration date must be today or earlier.",
        "row 8, column E: -3 months is not a calibration interval. Use a whole number from 1 to 240.",
        "row 9, column E: twelve is not a whole number of months. Write a number such as 12.",
        "row 10, column E: 1.5 is not a whole number of months. Write a number such as 12.",
        "row 11, column B: name is required. Fill it in.",
        "row 12, column F: Nobody called 无名氏 is on the staff list. Use a person's full name or login.",
        "row 13, column F: Several people are called 王伟. Use the login of the one you mean.",
        "row 14, column F: 离职者 is deactivated. Choose an active person as custodian.",
        "row 15, column A: Too long: 33 characters; at most 32 are allowed.",
        "row 16, column B: Too long: 501 characters; at most 500 are allowed.",
        "row 17, column D: 45000 is not a date. Use an Excel date or write 2026-03-01, 2026/3/1 or "
        "2026年3月1日.",
    ]
    assert rejected_lines(db, path, dry_run=True) == lines  # the dry run finds the same
    assert instrument_count(engine) == 1  # only OLD-1: nothing of the bad file


def test_all_or_nothing_takes_no_numbers(db: Database, engine: Engine, tmp_path: Path) -> None:
    import_file(db, write_book(tmp_path / "one.xlsx", [["name"], ["first"]]))
    before = counter_values(engine)
    bad = write_book(tmp_path / "bad.xlsx", [["name", "status"], ["a", None], ["b", None], ["c", "nonsense"]])
    rejected_lines(db, bad)
    assert instrument_count(engine) == 1 and counter_values(engine) == before
    _, result = import_file(db, write_book(tmp_path / "two.xlsx", [["name"], ["x"], ["y"]]))
    assert result is not None
    with Session(engine) as session:
        codes = sorted(session.scalars(select(Instrument.code)))
    assert len(codes) == 3 and codes == sorted(set(codes))
    assert [int(c[-4:]) for c in codes] == [1, 2, 3]  # gapless: the refused import took no numbers


def test_dry_run_writes_nothing(db: Database, engine: Engine, tmp_path: Path) -> None:
    path = write_book(tmp_path / "ok.xlsx", [["code", "name"], ["A", "a"], [None, "b"]])
    report, result = import_file(db, path, dry_run=True)
    assert result is None and report.ok and len(report.rows) == 2
    assert instrument_count(engine) == 0 and counter_values(engine) == []


def test_not_a_workbook_and_wrong_headers(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("code,name\nA,b\n")
    with pytest.raises(WorkbookError, match=r"notes\.xlsx is not an Excel workbook"):
        import_file(db, text)
    with pytest.raises(WorkbookError, match="does not exist"):
        import_file(db, tmp_path / "missing.xlsx")
    wrong = write_book(tmp_path / "wrong.xlsx", [["Sample no.", "Customer"], ["S-1", "ACME"]])
    assert rejected_lines(db, wrong) == [
        "row 1: This row should hold the column headers, but none is an instrument field. "
        "Use the import template."
    ]
    partly = write_book(tmp_path / "partly.xlsx", [[None], ["code", "colour", "code"], ["A", "red", "B"]])
    assert rejected_lines(db, partly) == [
        "row 2: The sheet has no name column. Use the headers of the import template.",
        "row 2, column B: Unknown column header colour. Use the headers of the import template.",
        "row 2, column C: Column code appears twice (also in column A). Keep one.",
    ]
    empty = write_book(tmp_path / "empty.xlsx", [])
    assert rejected_lines(db, empty) == [
        "row 1: The sheet is empty. Fill in the import template and try again."
    ]
    headers_only = write_book(tmp_path / "headers.xlsx", [["code", "name"]])
    assert rejected_lines(db, headers_only) == [
        "row 1: The sheet has no instrument rows under its headers. Nothing to import."
    ]


def test_a_code_taken_after_the_check_is_caught_at_commit(db: Database, tmp_path: Path) -> None:
    path = write_book(tmp_path / "late.xlsx", [["code", "name"], ["LATE-1", "x"]])
    report = check_file(db, path)
    assert report.ok
    import_file(db, write_book(tmp_path / "other.xlsx", [["code", "name"], ["LATE-1", "y"]]))
    with pytest.raises(ImportRejected) as caught:
        import_checked(db, report)
    assert caught.value.report.problems[0].text().startswith("row 2, column A: Code LATE-1 is already")


def test_cancel_rolls_back(db: Database, engine: Engine, tmp_path: Path) -> None:
    path = write_book(tmp_path / "big.xlsx", [["name"], *[[f"n{i}"] for i in range(2500)]])
    report = check_file(db, path)
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        import_checked(
            db, report, progress=lambda done, total: seen.append(done), cancelled=lambda: bool(seen)
        )
    assert seen == [1000] and instrument_count(engine) == 0 and counter_values(engine) == []


def test_only_equipment_managers_may_import(db: Database, engine: Engine, tmp_path: Path) -> None:
    assert may_import(frozenset({"equipment_manager"})) and not may_import(frozenset({"technician"}))
    technician = dataclasses.replace(db, actor=Actor("tech", frozenset({"technician"})))
    with pytest.raises(PermissionDenied):
        import_file(technician, write_book(tmp_path / "t.xlsx", [["name"], ["x"]]))
    assert instrument_count(engine) == 0


def test_template_round_trip_and_error_report(db: Database, tmp_path: Path) -> None:
    for language, headers in (("zh_CN", ZH_HEADERS), ("en", EN_HEADERS)):
        template = tmp_path / f"template-{language}.xlsx"
        save_template(template, load_catalog(language).translate)
        book = openpyxl.load_workbook(template)
        sheet = book.worksheets[0]
        assert [c.value for c in sheet[1]] == headers
        sheet.append(
            ["T-" + language, "天平", None, None, None, None, None, None, "2020-01-01", 12, None, "在用"]
        )
        book.save(template)
        import_file(db, template)
    bad = write_book(
        tmp_path / "bad.xlsx",
        [["code", "name", "status"], ["B-1", "=1+1", "oops"], [None, None, None]],
        text_cells=["B2"],
    )
    with pytest.raises(ImportRejected) as caught:
        import_file(db, bad)
    out = tmp_path / "report.xlsx"
    save_error_report(caught.value.report, out, load_catalog("zh_CN").translate)
    book = openpyxl.load_workbook(out)
    listing, data = book.worksheets
    assert [c.value for c in listing[1]] == ["行", "列", "表头", "问题"]
    assert [(r[0], r[1], r[2]) for r in listing.iter_rows(min_row=2, values_only=True)] == [
        (2, "C", "status")
    ]
    assert data["C2"].fill.fgColor.rgb.endswith("FFC7CE") and data["C2"].comment is not None
    assert data["B2"].value == "'=1+1"  # kept as text, not made a formula
    assert data["A2"].fill.fgColor.rgb != data["C2"].fill.fgColor.rgb
    assert "oops" in str(data["D2"].value)


def test_cli(sqlite_url: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_book(tmp_path / "good.xlsx", [["code", "name"], ["C-1", "a"], [None, "b"]])
    assert main(["import", "instruments", str(good), "--dry-run", "--url", sqlite_url]) == 0
    assert "2 rows checked, no problems; nothing written (dry run)" in capsys.readouterr().out
    assert instrument_count(engine) == 0
    assert main(["import", "instruments", str(good), "--url", sqlite_url]) == 0
    assert "2 instruments imported, 1 numbered by the coding rule" in capsys.readouterr().out
    assert (
        main(
            [
                "import",
                "instruments",
                str(good),
                "--url",
                sqlite_url,
                "--error-report",
                str(tmp_path / "e.xlsx"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("row 2, column A: Code C-1 is already in the ledger.")
    assert (
        err[-1] == "labdesk: good.xlsx: 1 problem(s) found; nothing was imported. Correct them and try again."
    )
    assert (tmp_path / "e.xlsx").is_file()
    template = tmp_path / "t.xlsx"
    assert main(["import", "instruments", "--template", str(template), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(template).worksheets[0]["A1"].value == "Instrument code"
    assert main(["import", "instruments"]) == 2
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", "instruments", str(tmp_path / "x.xlsx"), "--url", sqlite_url]) == 1
    assert "x.xlsx is not an Excel workbook" in capsys.readouterr().err


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]
