"""Where LabDesk keeps its files: per-OS directories (platformdirs) and the repo's own resources.

``LABDESK_CONFIG_DIR`` and ``LABDESK_DATA_DIR`` override the per-OS directories; tests use them so
that a test run never reads or writes a real user's settings or embedded database.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "LabDesk"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


def config_dir() -> Path:
    """The directory of the settings file (created on demand)."""
    override = os.environ.get("LABDESK_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The directory of the embedded database and its backups (created on demand)."""
    override = os.environ.get("LABDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def embedded_database_path() -> Path:
    """The user's own embedded SQLite file (created by "new local database")."""
    return data_dir() / "labdesk.sqlite3"


def demo_database_path() -> Path:
    """The demo file opened when nothing else is configured, so a new user sees a full LabDesk."""
    return data_dir() / "demo.sqlite3"
