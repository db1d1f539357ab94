"""`labdesk users` and `labdesk db secure` on the embedded file: people and roles, no passwords."""

from __future__ import annotations

import io

import pytest

from labdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_on_the_embedded_file(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _ = run(
        capsys, "users", "add", "tom", "--role", "technician", "--full-name", "Tom Li", "--url", sqlite_url
    )
    assert code == 0 and "added tom (technician)" in out
    assert (
        run(capsys, "users", "grant", "tom", "--role", "front_desk", "--role", "sales", "--url", sqlite_url)[
            0
        ]
        == 0
    )
    assert run(capsys, "users", "revoke", "tom", "--role", "sales", "--url", sqlite_url)[0] == 0
    assert run(capsys, "users", "disable", "tom", "--url", sqlite_url)[1] == "disabled tom\n"
    code, out, _ = run(capsys, "users", "list", "--url", sqlite_url)
    assert code == 0 and out == "tom\tTom Li\tfront_desk,technician\tdisabled\n"
    assert run(capsys, "users", "enable", "tom", "--url", sqlite_url)[0] == 0
    assert "active" in run(capsys, "users", "list", "--url", sqlite_url)[1]


def test_mistakes_are_one_clear_line(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, _, err = run(capsys, "users", "add", "Bad Name", "--role", "admin", "--url", sqlite_url)
    assert code == 1 and "cannot be a login" in err and "Traceback" not in err
    code, _, err = run(capsys, "users", "add", "labdesk_x", "--role", "admin", "--url", sqlite_url)
    assert code == 1 and "cannot be a login" in err
    code, _, err = run(capsys, "users", "disable", "nobody", "--url", sqlite_url)
    assert code == 1 and "There is no user 'nobody'" in err
    run(capsys, "users", "add", "ann", "--role", "admin", "--url", sqlite_url)
    code, _, err = run(capsys, "users", "add", "ann", "--role", "admin", "--url", sqlite_url)
    assert code == 1 and "exists already" in err
    with pytest.raises(SystemExit):
        main(["users", "add", "x", "--role", "wizard", "--url", sqlite_url])


def test_no_passwords_on_the_embedded_file(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("secret\n"))
    code, _, err = run(
        capsys, "users", "add", "tom", "--role", "technician", "--password-stdin", "--url", sqlite_url
    )
    assert code == 1 and "no logins and no passwords" in err and "secret" not in err
    code, _, err = run(capsys, "users", "passwd", "tom", "--password-stdin", "--url", sqlite_url)
    assert code == 1 and "no logins and no passwords" in err
    code, _, err = run(capsys, "db", "secure", "--url", sqlite_url)
    assert code == 1 and "checked by LabDesk itself" in err


def test_a_person_without_the_admin_role_may_not_manage_users(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "users", "add", "tom", "--role", "technician", "--url", sqlite_url)
    monkeypatch.setenv("LABDESK_USER", "tom")
    code, _, err = run(capsys, "users", "add", "eve", "--role", "admin", "--url", sqlite_url)
    assert code == 1 and "tom may not add records to people" in err
