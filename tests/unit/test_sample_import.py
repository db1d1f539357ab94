"""The sample-list import on the embedded SQLite file: sheet checks, order checks, writing, the CLI."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from labdesk.cli import main
from labdesk.models import Order, SampleType
from labdesk.services.actor import Actor
from labdesk.services.connection import make_engine
from labdesk.services.database import Database
from labdesk.services.permissions import PermissionDenied
from labdesk.services.sample_import import ImportRejected, SampleImportRefused, import_samples
from labdesk.services.spreadsheets import WorkbookError
from tests.instrument_sheets import write_book
from tests.sample_lists import (
    HEADERS,
    add_draft_order,
    check_import_prices_and_keeps_text,
    check_refusal_writes_nothing,
    counts,
    demo_with_sample_types,
    item_codes,
    samples_of,
    set_per_type,
)


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = demo_with_sample_types(sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def engine(sqlite_url: str, db: Database) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


def _problems(database: Database, path: Path, order_no: str = "D1") -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_samples(database, path, order_no)
    return [p.text() for p in caught.value.report.problems]


def test_import_prices_and_keeps_hostile_text(db: Database, engine: Engine, tmp_path: Path) -> None:
    check_import_prices_and_keeps_text(db, engine, tmp_path)


def test_every_problem_is_listed_and_nothing_written(db: Database, engine: Engine, tmp_path: Path) -> None:
    check_refusal_writes_nothing(db, engine, tmp_path)


def test_dry_run_checks_everything_and_writes_nothing(db: Database, engine: Engine, tmp_path: Path) -> None:
    add_draft_order(engine, "D1")
    code = item_codes(engine, 1)[0]
    path = write_book(
        tmp_path / "l.xlsx", [HEADERS, ["a", 3, "spec", "钢筋", "", code], ["b", 1, "", "", "", ""]]
    )
    before = counts(engine)
    result = import_samples(db, path, "D1", dry_run=True)
    assert result.dry_run and result.sample_numbers == [] and result.lines == 1
    assert [(r.row, r.sample.name, r.sample.quantity, r.test_item_codes) for r in result.rows] == [
        (2, "a", 3, (code,)),
        (3, "b", 1, ()),
    ]
    assert result.rows[0].sample.storage_condition == "常温干燥"  # the type's usual storage, as the form does
    assert counts(engine) == before
    path = write_book(tmp_path / "bad.xlsx", [HEADERS, ["a", 3, "spec", "", "", "NOPE"]])
    with pytest.raises(ImportRejected):
        import_samples(db, path, "D1", dry_run=True)


def test_order_must_exist_and_be_a_draft(db: Database, engine: Engine, tmp_path: Path) -> None:
    path = write_book(tmp_path / "l.xlsx", [HEADERS, ["a", 1, "", "", "", ""]])
    with pytest.raises(SampleImportRefused, match="There is no order NO-SUCH"):
        import_samples(db, path, "NO-SUCH")
    add_draft_order(engine, "D1")
    with Session(engine) as session:
        session.execute(update(Order).where(Order.order_no == "D1").values(status="submitted"))
        session.commit()
    with pytest.raises(
        SampleImportRefused, match="Order D1 is submitted; only draft orders take new samples"
    ):
        import_samples(db, path, "D1", dry_run=True)
    assert samples_of(engine, "D1") == []


def test_sample_type_needed_when_numbered_per_type(db: Database, engine: Engine, tmp_path: Path) -> None:
    add_draft_order(engine, "D1")
    set_per_type(engine, True)
    with Session(engine) as session:
        session.execute(update(SampleType).where(SampleType.name == "砂").values(retired=True))
        session.commit()
    path = write_book(tmp_path / "l.xlsx", [HEADERS, ["a", 1, "", "", "", ""], ["b", 1, "", "砂", "", ""]])
    texts = _problems(db, path)
    assert texts[0].startswith("row 2, column D: Samples are numbered per type: choose a type (")
    assert "钢筋" in texts[0] and "砂," not in texts[0]  # retired types are not offered
    assert texts[1].startswith("row 3, column D: 砂 is not a sample type in use")
    path = write_book(
        tmp_path / "ok.xlsx", [HEADERS, ["a", 1, "", "钢筋", "", ""], ["b", 2, "", "水泥", "", ""]]
    )
    result = import_samples(db, path, "D1")
    assert "GJ" in result.sample_numbers[0] and "SN" in result.sample_numbers[1]
    no_type_column = write_book(tmp_path / "nt.xlsx", [["name", "quantity", "specification"], ["a", 1, ""]])
    assert _problems(db, no_type_column)[0].startswith("row 2: Samples are numbered per type")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], "row 1: The sheet is empty."),
        ([["name", "quantity"], ["a", 1]], "row 1: The sheet has no specification column."),
        (
            [["name", "数量", "规格", "quantity"], ["a", 1, "", 2]],
            "row 1, column D: Column quantity appears twice",
        ),
        (
            [["名称", "数量", "规格", "colour"], ["a", 1, "", ""]],
            "row 1, column D: Unknown column header colour.",
        ),
        ([HEADERS], "row 1: The sheet has no sample rows under its headers."),
        (
            [HEADERS, ["🧪" * 10_000, 1, "", "", "", ""]],
            "row 2, column A: Too long: 10000 characters; at most 200",
        ),
        (
            [HEADERS, ["a", 1, "", "t" * 10_000, "", ""]],
            "row 2, column D: Too long: 10000 characters; at most 200",
        ),
        ([HEADERS, ["a", True, "", "", "", ""]], "row 2, column B: TRUE is not a quantity."),
        ([HEADERS, ["a", 1_000_001, "", "", "", ""]], "row 2, column B: 1000001 is not a quantity."),
        ([HEADERS, ["a", "=1+1", "", "", "", ""]], "row 2, column B: The cell holds the formula =1+1."),
    ],
)
def test_malformed_sheets(
    db: Database, engine: Engine, tmp_path: Path, rows: list[list[object]], expected: str
) -> None:
    add_draft_order(engine, "D1")
    before = counts(engine)
    texts = _problems(db, write_book(tmp_path / "m.xlsx", rows))
    assert any(t.startswith(expected) for t in texts), texts
    assert counts(engine) == before


def test_error_cells_are_refused(db: Database, engine: Engine, tmp_path: Path) -> None:
    add_draft_order(engine, "D1")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(["a", 1, "#DIV/0!", "", "", ""])
    sheet["C2"].data_type = "e"
    book.save(tmp_path / "e.xlsx")
    assert _problems(db, tmp_path / "e.xlsx") == [
        "row 2, column C: The cell shows the Excel error #DIV/0!. Correct it."
    ]


def test_not_a_workbook(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(WorkbookError, match="is not an Excel workbook"):
        import_samples(db, path, "D1")


def test_only_jobs_that_register_samples(db: Database, engine: Engine, tmp_path: Path) -> None:
    add_draft_order(engine, "D1")
    path = write_book(tmp_path / "l.xlsx", [HEADERS, ["a", 1, "", "", "", ""]])
    finance = dataclasses.replace(db, actor=Actor("luojuan", frozenset({"finance"}), None, "罗娟"))
    with pytest.raises(PermissionDenied, match="罗娟 may not register samples"):
        import_samples(finance, path, "D1")
    assert samples_of(engine, "D1") == []


def test_cli(
    db: Database, engine: Engine, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_draft_order(engine, "D1")
    code = item_codes(engine, 1)[0]
    good = write_book(
        tmp_path / "good.xlsx", [HEADERS, ["a\tb", 2, "", "", "", code], ["b", 1, "", "", "", ""]]
    )
    assert main(["import", "samples", str(good), "--order", "D1", "--dry-run", "--url", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "2 samples and 1 test lines checked for order D1" in out and "row 2: a\\x09b | 2" in out
    assert samples_of(engine, "D1") == []
    assert main(["import", "samples", str(good), "--order", "D1", "--url", sqlite_url]) == 0
    assert "2 samples (" in capsys.readouterr().out
    assert [s.name for s in samples_of(engine, "D1")] == ["a\tb", "b"]

    bad = write_book(tmp_path / "bad.xlsx", [HEADERS, ["", 0, "", "", "", ""]])
    assert main(["import", "samples", str(bad), "--order", "D1", "--url", sqlite_url]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("row 2, column A: name is required") and err[1].startswith("row 2, column B")
    assert main(["import", "samples", str(good), "--order", "NOPE", "--url", sqlite_url]) == 1
    assert "There is no order NOPE" in capsys.readouterr().err
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04junk")
    assert main(["import", "samples", str(tmp_path / "x.xlsx"), "--order", "D1", "--url", sqlite_url]) == 2
    assert (
        main(["import", "samples", str(tmp_path / "missing.xlsx"), "--order", "D1", "--url", sqlite_url]) == 2
    )
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main(["import", "samples", str(good)])  # --order is required
    assert usage.value.code == 2
    down = "postgresql://nobody@127.0.0.1:1/none"
    assert main(["import", "samples", str(good), "--order", "D1", "--url", down]) == 3
    assert len(samples_of(engine, "D1")) == 2


def test_order_lines_follow_the_sample_quantity(db: Database, engine: Engine, tmp_path: Path) -> None:
    order_id = add_draft_order(engine, "D1")
    first, second = item_codes(engine)
    path = write_book(tmp_path / "l.xlsx", [HEADERS, ["a", 5, "", "", "", f" {first} ; {second};{first}"]])
    result = import_samples(db, path, "D1")
    assert result.lines == 2  # a repeated code is one line
    with Session(engine) as session:
        order = session.get(Order, order_id)
        assert order is not None
        assert sorted(
            (line.test_item.code if line.test_item else None, line.quantity) for line in order.lines
        ) == sorted([(first, 5), (second, 5)])


def test_chinese_headers_match_the_catalog() -> None:
    from labdesk.i18n import load_catalog
    from labdesk.services.sample_sheet import SAMPLE_FIELDS

    catalog = load_catalog("zh_CN")
    for f in SAMPLE_FIELDS:
        assert catalog.translate("Ledger", f.header) == f.zh_header, f.key


def test_an_order_form_open_during_an_import_cannot_save_over_it(
    db: Database, engine: Engine, tmp_path: Path
) -> None:
    """The import moves the order's version, so the form's older copy is refused, not saved over the
    imported samples (which the form's draft does not hold and would otherwise remove)."""
    from labdesk.services.orders import OrderConflict, load_draft, save_draft

    order_id = add_draft_order(engine, "D1")
    open_in_form = load_draft(db, order_id)
    path = write_book(tmp_path / "list.xlsx", [HEADERS, ["C30 试块", 3, "150mm", "混凝土", "", ""]])
    import_samples(db, path, "D1")
    with pytest.raises(OrderConflict):
        save_draft(db, dataclasses.replace(open_in_form, notes="from the form"))
    assert len(samples_of(engine, "D1")) == 1


TEMPLATE_HEADERS = {
    "zh_CN": ["样品名称", "数量", "规格型号", "样品类型", "储存条件", "检测项目"],
    "en": ["Sample name", "Quantity", "Specification", "Sample type", "Storage", "Test items"],
}


def _pick_formulas(sheet: Worksheet) -> dict[str, str]:
    """Each data validation's cell range -> its list formula."""
    return {str(v.sqref): str(v.formula1) for v in sheet.data_validations.dataValidation}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_template_reads_back_into_a_draft_order(
    db: Database,
    engine: Engine,
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    from labdesk.services.orders import sample_types

    add_draft_order(engine, "D1")
    code = item_codes(engine, 1)[0]
    out = tmp_path / f"list-{language}.xlsx"
    assert main(["import", "samples", "--template", str(out), "--lang", language, "--url", sqlite_url]) == 0
    assert capsys.readouterr().err == ""
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == TEMPLATE_HEADERS[language]
    assert sheet["B2"].number_format == "0" and sheet["B1001"].number_format == "0"
    names = [t.name for t in sample_types(db)]
    assert len(names) >= 3 and "钢筋" in names
    assert _pick_formulas(sheet) == {"D2:D10000": '"' + ",".join(names) + '"'}
    for letter, value in zip("ABCDEF", ["C30 试块", 3, "150mm", "钢筋", "", code], strict=True):
        sheet[f"{letter}2"] = value
    book.save(out)
    result = import_samples(db, out, "D1")
    added = [(s.name, s.quantity, s.sample_type) for s in samples_of(engine, "D1")]
    assert added == [("C30 试块", 3, "钢筋")]
    assert result.lines == 1


def test_template_usage_and_a_database_that_cannot_be_reached(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.xlsx"
    some = write_book(tmp_path / "some.xlsx", [HEADERS])
    assert main(["import", "samples", str(some), "--template", str(out), "--order", "D1"]) == 2
    assert main(["import", "samples", "--order", "D1"]) == 2
    assert capsys.readouterr().err.count("give either FILE.xlsx to import or --template OUT.xlsx") == 2
    assert not out.exists()
    down = "postgresql://nobody@127.0.0.1:1/none"
    assert main(["import", "samples", "--template", str(out), "--lang", "en", "--url", down]) == 0
    assert "without the sample type pick list" in capsys.readouterr().err
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == TEMPLATE_HEADERS["en"] and _pick_formulas(sheet) == {}


def test_a_long_pick_list_goes_to_a_hidden_sheet(tmp_path: Path) -> None:
    """Excel refuses an inline list over 255 characters (and splits it at commas)."""
    from labdesk.i18n import load_catalog
    from labdesk.services.sample_sheet import write_template

    names = [f"类型{i:03d}" for i in range(60)] + ["a, b", '=1+1 "q"']
    out = tmp_path / "long.xlsx"
    write_template(out, load_catalog("zh_CN").translate, names)
    book = openpyxl.load_workbook(out)
    sheet, lists = book.worksheets
    assert _pick_formulas(sheet) == {"D2:D10000": f"Lists!$D$1:$D${len(names)}"}
    assert lists.sheet_state == "hidden"
    assert [lists[f"D{i}"].value for i in range(1, len(names) + 1)] == names
