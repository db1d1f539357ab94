"""Write docs/permissions.md from the permission matrix (labdesk/services/permissions.py).

Run after changing the matrix: `.venv/bin/python docs/make_permissions.py`. A unit test fails while
the file and the matrix disagree.
"""

from __future__ import annotations

from pathlib import Path

from labdesk.services.permissions_doc import render_markdown

if __name__ == "__main__":
    target = Path(__file__).with_name("permissions.md")
    target.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {target}")
