"""The `labdesk` command: right exit codes, one clear line on failure, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from labdesk import __version__
from labdesk.cli import main
from tests.ledger_data import insert_instruments
from tests.xlsx import read_sheet


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_from_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "labdesk", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"LabDesk {__version__}"


def test_db_upgrade_then_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    code, _, err = run(capsys, "db", "check", "--url", url)
    assert code == 1 and "run `labdesk db upgrade`" in err
    code, out, _ = run(capsys, "db", "upgrade", "--url", url)
    assert code == 0 and "(was empty)" in out
    code, out, _ = run(capsys, "db", "check", "--url", url)
    assert code == 0 and "schema matches the models" in out


def test_top_level_url_reaches_the_subcommand(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'top.sqlite3'}"
    code, out, _ = run(capsys, "--url", url, "db", "upgrade")
    assert code == 0 and str(tmp_path / "top.sqlite3") in out


def test_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "db", "check", "--url", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("labdesk: Cannot reach the database server")


def test_bad_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "db", "check", "--url", "not a url")
    assert code == 1 and err.startswith("labdesk: not a database URL") and "Traceback" not in err


def test_export_cli_writes_the_ledger(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, sqlite_engine: Engine, tmp_path: Path
) -> None:
    insert_instruments(sqlite_engine, 120)
    out_file = tmp_path / "yq.xlsx"
    code, out, err = run(
        capsys,
        "--lang",
        "en",
        "export",
        "instruments",
        "--out",
        str(out_file),
        "--url",
        sqlite_url,
        "--search",
        "YQ-00001",
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"{out_file}: 10 rows"  # YQ-000010 .. YQ-000019
    assert len(read_sheet(out_file)[1]) == 11


def test_export_refuses_other_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "fees", "--out", str(tmp_path / "fees.csv"))
    assert code == 1 and "--out must name an .xlsx file" in err


def test_unknown_ledger_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "aliens", "--out", "x.xlsx"])
    assert exited.value.code == 2
    assert "invalid choice: 'aliens'" in capsys.readouterr().err
