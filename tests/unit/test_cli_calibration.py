"""``labdesk calibration plan``: the workbook written and read back; one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from labdesk.cli import main
from tests.unit.test_calibration_plan import build_fleet, open_db
from tests.xlsx import read_sheet


@pytest.fixture
def fleet_url(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LABDESK_USER", "planner")
    database = open_db(sqlite_url)
    build_fleet(database)
    database.dispose()
    return sqlite_url


def test_plan_is_written_in_chinese_and_read_back(
    fleet_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.xlsx"
    code = main(["--lang", "zh_CN", "calibration", "plan", "--months", "2", "--today", "2026-12-03",
                 "--url", fleet_url, "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip() == f"{out}: 8 instruments due by 2027-01-31"
    title, rows = read_sheet(out)
    assert title == "校准计划"
    assert rows[0][0] == "校准计划  2026-12 至 2027-01，截至 2026-12-03"
    assert rows[1][:2] == ("仪器编号", "仪器名称")
    assert [r[0] for r in rows[2:]] == ["逾期", "T-02", "T-01", "T-12", "T-11", "2026-12", "T-04", "T-05",
                                       "2027-01", "T-06", "T-07"]
    t02 = rows[3]
    assert t02[4:10] == ("张伟", "停用", t02[6], t02[7], -63, "是")


def test_plan_in_english(fleet_url: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    assert main(["--lang", "en", "calibration", "plan", "--months", "1", "--today", "2026-12-03",
                 "--url", fleet_url, "--out", str(out)]) == 0
    title, rows = read_sheet(out)
    assert title == "Calibration plan" and rows[2][0] == "Overdue" and rows[7][0] == "2026-12"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "25", "--out", "p.xlsx"], "labdesk: The plan covers 1 to 24 months, not 25.\n"),
        (["--months", "0", "--out", "p.xlsx"], "labdesk: The plan covers 1 to 24 months, not 0.\n"),
        (["--out", "plan.csv"], "labdesk: --out must name an .xlsx file, not plan.csv\n"),
    ],
)
def test_bad_options_are_one_line(
    fleet_url: str, args: list[str], message: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["calibration", "plan", "--url", fleet_url, *args]) == 1
    assert capsys.readouterr().err == message
    assert not list(tmp_path.glob("*.xlsx*"))


def test_bad_date_and_unwritable_file(
    fleet_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["calibration", "plan", "--today", "2026-13-01", "--out", "p.xlsx"])
    assert usage.value.code == 2 and "not a date (YYYY-MM-DD): '2026-13-01'" in capsys.readouterr().err
    missing = tmp_path / "no such folder" / "plan.xlsx"
    assert main(["calibration", "plan", "--url", fleet_url, "--out", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("labdesk: No such file or directory") and err.count("\n") == 1
