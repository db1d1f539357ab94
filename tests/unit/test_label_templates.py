"""Custom label templates in the database: save, list, version-checked update, refusals, delete, and
their use by the print service and ``labdesk labels render``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from labdesk.cli import main
from labdesk.models.labels import LabelTemplateRecord
from labdesk.printing.layout import mm_to_dots
from labdesk.printing.templates import BUILTIN_TEMPLATES, FieldBox, LabelTemplate, template_from_json
from labdesk.services import workspace
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.label_printing import choose_template
from labdesk.services.label_templates import (
    TemplateConflict,
    TemplateError,
    delete_template,
    get_template,
    list_templates,
    save_template,
)

BASE = BUILTIN_TEMPLATES["instrument-50x30"]


def custom(name: str, **changes: object) -> LabelTemplate:
    return dataclasses.replace(BASE, name=name, **changes)  # type: ignore[arg-type]


@pytest.fixture
def session(sqlite_engine: Engine) -> Iterator[Session]:
    with Session(sqlite_engine) as session:
        yield session


@pytest.fixture
def database(sqlite_url: str) -> Iterator[Database]:
    opened = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield opened
    opened.dispose()


def test_save_and_list_built_ins_first_then_custom_by_name(session: Session) -> None:
    assert save_template(session, custom("zz-wide", width_mm=60), user="li") == 1
    save_template(session, custom("aa-narrow"), user="li")
    save_template(
        session,
        LabelTemplate("mid-sample", "sample", 40, 25, fields=(FieldBox("qr", 1.5, 1.5, 13, 13),)),
        user="li",
    )
    session.commit()
    names = [t.name for t in list_templates(session)]
    assert names == [*BUILTIN_TEMPLATES, "aa-narrow", "mid-sample", "zz-wide"]
    assert [t.name for t in list_templates(session, "sample")] == ["sample-40x25", "tube-25x15", "mid-sample"]
    assert get_template(session, "zz-wide") == custom("zz-wide", width_mm=60)  # JSON round trip
    row = session.query(LabelTemplateRecord).filter_by(name="zz-wide").one()
    assert (row.kind, row.created_by, row.version) == ("instrument", "li", 1)
    assert template_from_json(row.definition).width_mm == 60
    with pytest.raises(KeyError, match=r"templates: instrument-50x30.*zz-wide"):
        get_template(session, "nope")


def test_update_is_version_checked(session: Session) -> None:
    save_template(session, custom("mine"), user="li")
    session.commit()
    assert save_template(session, custom("mine", height_mm=32), user="wang", expected_version=1) == 2
    session.commit()
    assert get_template(session, "mine").height_mm == 32
    with pytest.raises(TemplateConflict, match="changed by someone else"):  # a stale copy
        save_template(session, custom("mine", height_mm=35), user="li", expected_version=1)
    with pytest.raises(TemplateConflict, match="already exists"):  # a new one under a taken name
        save_template(session, custom("mine"), user="li")
    with pytest.raises(TemplateConflict, match="deleted"):
        save_template(session, custom("gone"), user="li", expected_version=3)


def test_refusals(session: Session) -> None:
    with pytest.raises(TemplateError, match="built-in"):
        save_template(session, custom("instrument-50x30"), user="li")
    with pytest.raises(TemplateError, match="at most 64"):
        save_template(session, custom("x" * 65), user="li")
    with pytest.raises(TemplateError, match="empty"):
        save_template(session, custom(" padded"), user="li")
    broken = custom("broken")
    object.__setattr__(broken, "width_mm", 20)  # boxes now stick out: construction would refuse it
    with pytest.raises(TemplateError, match=r"cannot be printed: .*not inside the margins"):
        save_template(session, broken, user="li")
    with pytest.raises(TemplateError, match="cannot be deleted"):
        delete_template(session, "sample-40x25")
    assert session.query(LabelTemplateRecord).count() == 0


def test_delete(session: Session) -> None:
    save_template(session, custom("temp"), user="li")
    session.commit()
    delete_template(session, "temp")
    session.commit()
    assert "temp" not in [t.name for t in list_templates(session)]
    with pytest.raises(KeyError):
        delete_template(session, "temp")


def test_workspace_and_choose_template(database: Database) -> None:
    assert workspace.save_label_template(database, custom("front-desk", width_mm=55)) == 1
    entries = workspace.label_templates(database, "instrument")
    assert [(e.template.name, e.builtin, e.version) for e in entries] == [
        ("instrument-50x30", True, None),
        ("front-desk", False, 1),
    ]
    assert choose_template(database, "front-desk", "instrument").width_mm == 55
    assert choose_template(database, None, "sample").name == "sample-40x25"
    with pytest.raises(ValueError, match="for instrument labels, not sample"):
        choose_template(database, "front-desk", "sample")
    with pytest.raises(workspace.TemplateNotSaved, match="already exists"):
        workspace.save_label_template(database, custom("front-desk"))
    with pytest.raises(workspace.TemplateNotSaved, match="built-in"):
        workspace.delete_label_template(database, "tube-25x15")
    workspace.delete_label_template(database, "front-desk")
    with pytest.raises(workspace.TemplateNotSaved, match="no longer exists"):
        workspace.delete_label_template(database, "front-desk")


def test_cli_renders_with_a_custom_template(
    sqlite_url: str,
    sqlite_engine: Engine,
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill_demo(sqlite_engine, DemoSizes(customers=3, instruments=5, orders=2, samples=4))
    workspace.save_label_template(database, custom("wide-60", width_mm=60, dpi=300))
    with Session(sqlite_engine) as session:
        from labdesk.models.instruments import Instrument

        code = session.query(Instrument.code).order_by(Instrument.code).limit(1).scalar()
    out = tmp_path / "label.png"
    args = ["labels", "render", "--kind", "instrument", "--codes", str(code), "--template", "wide-60"]
    assert main([*args, "--format", "png", "--out", str(out), "--url", sqlite_url]) == 0
    with Image.open(out) as image:
        assert image.size == (mm_to_dots(60, 300), mm_to_dots(30, 300))
    capsys.readouterr()
    assert main([*args[:-1], "nope", "--format", "png", "--out", str(out), "--url", sqlite_url]) == 1
    assert "no label template 'nope'" in capsys.readouterr().err
    wrong = [*args[:3], "sample", *args[4:]]
    assert main([*wrong, "--format", "zpl", "--out", str(out), "--url", sqlite_url]) == 1
    assert "for instrument labels, not sample labels" in capsys.readouterr().err


def test_a_job_logged_with_a_custom_template_resumes_with_it(
    sqlite_engine: Engine, database: Database, tmp_path: Path
) -> None:
    from labdesk.models.instruments import Instrument
    from labdesk.services.label_printing import ad_hoc_printer, prepare_job, prepare_resume

    fill_demo(sqlite_engine, DemoSizes(customers=3, instruments=5, orders=2, samples=4))
    workspace.save_label_template(database, custom("wide-60", width_mm=60))
    with Session(sqlite_engine) as session:
        codes = list(session.scalars(select(Instrument.code).order_by(Instrument.code).limit(2)))
    printer = ad_hoc_printer(f"file:{tmp_path / 'out.zpl'}")
    job = prepare_job(database, "instrument", codes, printer=printer, template_name="wide-60")
    resumed = prepare_resume(database, job.job_id)  # nothing confirmed: both labels are left
    assert len(resumed.records) == 2
    assert f"^PW{mm_to_dots(60, 203)}".encode() in resumed.render(resumed.records[0])
