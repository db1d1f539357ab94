"""The user's saved settings: a small JSON file in the config directory.

Passwords are never written here: they live in the OS keyring (see ``labdesk.secrets``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from labdesk.paths import config_dir


@dataclass
class Settings:
    """What LabDesk remembers between runs (column layouts are kept by the UI in its own store)."""

    database_url: str | None = None  # a server URL without password; None = the embedded file
    language: str | None = None  # "zh_CN" or "en"; None = follow the OS locale
    recent_urls: list[str] = field(default_factory=list)
    # Where attachments over 1 MiB are kept (a folder every workstation can reach when the database
    # is shared); None = the attachments folder in the data directory (labdesk.services.attachments).
    attachment_store: str | None = None
    reminder_days: int = 30  # calibration due within this many days is shown amber (reminders, plan)
    # The scan dock: which camera, the resolution asked of it, the QR decoder, and the action continuous
    # (bench) mode applies to each scanned sample.
    scan_camera: int = 0
    scan_width: int = 1280
    scan_height: int = 720
    scan_backend: str = "zxing"
    scan_continuous_action: str = "take"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """Read the settings file; a missing or unreadable file gives the defaults."""
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {k: v for k, v in raw.items() if k in Settings.__dataclass_fields__}
    try:
        return Settings(**known)
    except TypeError:
        return Settings()


def save_settings(settings: Settings) -> None:
    """Write the settings atomically (write a temporary file, then rename)."""
    path = settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
