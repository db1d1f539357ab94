from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from labdesk.scanning.frames import label_image, write_label_video


@pytest.fixture(scope="session")
def instrument_label() -> npt.NDArray[np.uint8]:
    return label_image("instrument", "YQ-000123")


@pytest.fixture(scope="session")
def label_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample label sliding into view, then held still (MJPG .avi, 18 frames at 15 fps)."""
    path = tmp_path_factory.mktemp("video") / "label.avi"
    return write_label_video(path, label_image("sample", "YP2026-000045"), frames=18)
