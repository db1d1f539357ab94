"""Screenshots of the instrument import wizard on the demo data (Chinese):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_import_screens.py

Writes import-wizard-problems.png: the preview of a sheet with problems, each bad cell red with its
reason in the tooltip and the problem list below. Throwaway config and data directories, as
make_screenshots.py.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from shots import scratch_environment

_scratch = scratch_environment()

import openpyxl  # noqa: E402
from make_screenshots import save, settle  # noqa: E402

from labdesk.services import workspace  # noqa: E402
from labdesk.ui.app import create_application  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.import_wizard import ImportWizard  # noqa: E402

HEADERS = (
    "设备编号", "设备名称", "型号", "出厂编号", "生产厂家",
    "存放位置", "保管人", "校准周期（月）", "上次校准日期", "状态",
)  # fmt: skip
# Six rows: two good, the others with the defects the preview marks (custodian "" = a real person).
ROWS = (
    ("", "数字压力计", "YB-160", "P2301", "上海仪表", "力学室 A101", "", 12, dt.date(2026, 3, 1), "在用"),
    ("", "电子天平", "XS205", "B9921", "梅特勒", "天平室 B203", "", "12", "2026/3/1", "维修"),
    ("", "恒温恒湿箱", "HWS-250", "H0007", "宁波江南", "养护室", "", "十二", "2026年2月30日", "在用"),
    ("YQ-000001", "万能试验机", "WAW-1000B", "W1000", "济南试金", "力学室", "", 24, "2025-11-05", "坏了"),
    ("", "", "DHG-9140", "D3312", "上海一恒", "化学室", "", -6, "2099-01-01", "借出"),
    ("QX-77", "酸度计", "PHS-3C", "S8812", "上海雷磁", "化学室 C105", "无名氏", 12, "2026-01-15", "校准中"),
)


def write_sheet(path: Path, custodian: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append([custodian if i == 6 and not value else value for i, value in enumerate(row)])
    book.save(path)
    return path


def main() -> int:
    app = create_application(sys.argv[:1])
    install_translators(app, "zh_CN")
    database = workspace.connect(workspace.demo_database_target())
    with database.read_session() as session:  # a real custodian from the demo staff
        from sqlalchemy import select

        from labdesk.models import Person

        custodian = session.scalars(select(Person.full_name).order_by(Person.id).limit(1)).one()
    path = write_sheet(Path(_scratch) / "仪器导入.xlsx", custodian)
    wizard = ImportWizard(database)
    wizard.resize(1280, 700)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.check(path)
    settle(app, lambda: wizard.report is not None)
    wizard.table.resizeColumnsToContents()
    wizard.problem_list.setCurrentRow(1)
    settle(app)
    save(wizard, "import-wizard-problems.png")
    wizard.close()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
