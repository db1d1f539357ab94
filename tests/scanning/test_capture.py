"""Frame sources: image, folder, video, camera (a missing one, and a video file standing in for one)."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from labdesk.scanning.capture import CaptureError, FrameSource, open_source, video_as_camera
from labdesk.scanning.frames import Effects, Placement, compose


def _write(path: Path, label: npt.NDArray[np.uint8]) -> Path:
    cv2.imwrite(str(path), compose([Placement(label, 400)], Effects()))
    return path


def test_one_image(tmp_path: Path, instrument_label: npt.NDArray[np.uint8]) -> None:
    path = _write(tmp_path / "标签 1.png", instrument_label)  # non-ASCII name on purpose
    with open_source(str(path)) as source:
        frames = list(source)
    assert [(f.source, f.index, f.image.shape, f.image.dtype) for f in frames] == [
        ("标签 1.png", 0, (720, 1280, 3), np.dtype(np.uint8))
    ]
    assert not source.stream and not source.live


def test_folder_sorted_and_an_unreadable_file_is_reported(
    tmp_path: Path, instrument_label: npt.NDArray[np.uint8]
) -> None:
    _write(tmp_path / "b.jpg", instrument_label)
    _write(tmp_path / "a.png", instrument_label)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / ".hidden.png").write_bytes(b"")
    with open_source(str(tmp_path)) as source:
        names = [frame.source for frame in source]
    assert names == ["a.png", "b.jpg"]
    assert [(s.source, str(s.problem)) for s in source.skipped] == [
        ("broken.png", "broken.png is not an image."),
        ("notes.txt", "notes.txt is not an image."),
    ]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("empty folder", "has no files to scan"),
        ("missing", "There is no file or folder"),
        ("text file", "is not an image or a video"),
        ("fake png", "is not an image or a video"),
        ("fake video", "is not an image or a video"),
        ("empty file", "is not an image or a video"),
    ],
)
def test_sources_that_cannot_be_read(tmp_path: Path, setup: str, message: str) -> None:
    paths = {
        "empty folder": tmp_path / "empty",
        "missing": tmp_path / "nope.png",
        "text file": tmp_path / "notes.txt",
        "fake png": tmp_path / "x.png",
        "fake video": tmp_path / "x.avi",
        "empty file": tmp_path / "empty.mp4",
    }
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("not a picture\n" * 100)
    (tmp_path / "x.png").write_text("not a picture")
    (tmp_path / "x.avi").write_bytes(b"RIFF\x00\x00\x00\x00AVI garbage" * 50)
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(CaptureError, match=message), open_source(str(paths[setup])) as source:
        list(source)


def test_video_frames_and_media_time(label_video: Path) -> None:
    with open_source(str(label_video)) as source:
        frames = list(source)
    assert source.stream and not source.live
    assert len(frames) == 18
    assert frames[3].source == "label.avi#frame3"
    assert frames[15].time_s == pytest.approx(1.0)  # 15 fps


def test_missing_camera_fails_at_once() -> None:
    outcome: list[BaseException | FrameSource] = []

    def attempt() -> None:
        try:
            outcome.append(open_source("camera:9"))
        except CaptureError as error:
            outcome.append(error)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(timeout=30)  # a guard against a hang, not a timing assertion
    assert not thread.is_alive(), "opening a missing camera hung"
    (error,) = outcome
    assert isinstance(error, CaptureError)
    assert "camera:9" in str(error)


@pytest.mark.parametrize("spec", ["camera:", "camera:-1", "camera:one", "camera:１"])
def test_bad_camera_specs(spec: str) -> None:
    with pytest.raises(CaptureError, match="is not a camera"):
        open_source(spec)


def test_camera_unplugged_mid_scan(label_video: Path) -> None:
    """A video played as a camera: when it ends after delivering frames, that is an unplugged camera."""
    received = 0
    with video_as_camera(label_video, "camera:0") as source:
        assert source.live and source.stream
        with pytest.raises(CaptureError, match="camera:0 stopped sending frames"):
            for frame in source:
                assert frame.source.startswith("camera:0#frame")
                received += 1
    assert received >= 1


def test_closing_early_releases_the_reader(label_video: Path) -> None:
    before = threading.active_count()
    with open_source(str(label_video)) as source:
        first = next(iter(source))
    assert first.index == 0
    assert threading.active_count() <= before
