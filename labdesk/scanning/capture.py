"""Frames from a camera, an image, a folder of images or a video file, through OpenCV.

``open_source("camera:0")``, ``open_source("label.png")``, ``open_source("shots/")`` and
``open_source("clip.avi")`` all give a ``FrameSource``: a context manager and an iterator of ``Frame``.
Failures the user can act on are ``CaptureError`` with a translatable ``Problem``. Nothing here may hang
the caller: the camera is opened and read on a helper thread that the caller waits for with a timeout,
because a V4L2/DirectShow/AVFoundation call on a wedged device can block for a long time.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.problems import Problem, ProblemError

OPEN_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 5.0
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"})
# Only these go to FFmpeg: it "plays" almost anything, e.g. a .txt file through its ANSI-art demuxer.
VIDEO_SUFFIXES = frozenset(
    {
        ".avi",
        ".mp4",
        ".m4v",
        ".mov",
        ".mkv",
        ".webm",
        ".mpg",
        ".mpeg",
        ".mjpg",
        ".mjpeg",
        ".wmv",
        ".ts",
        ".gif",
    }
)


class CaptureError(ProblemError):
    """A source that cannot be opened or read, in words for the user."""


@dataclass(frozen=True)
class Frame:
    image: npt.NDArray[np.uint8]  # BGR
    source: str  # a file name, or "camera:0#frame123" / "clip.avi#frame12"
    index: int  # position in the source, from 0
    time_s: float = 0.0  # media time for a video, seconds since opening for a camera, 0 for images


@dataclass(frozen=True)
class Skipped:
    """A file of a folder that was not an image: reported, and the folder goes on."""

    source: str
    problem: Problem


class FrameSource:
    """Iterator of frames; use it in ``with`` so the camera or file is released however the loop ends."""

    spec: str
    live: bool = False  # a camera: frames keep coming until closed
    stream: bool = False  # a camera or a video: one label is seen in many consecutive frames

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.skipped: list[Skipped] = []  # grows while iterating a folder

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[Frame]:
        return self._frames()

    def _frames(self) -> Iterator[Frame]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the device or file; safe to call twice."""


def _error(template: str, **values: str) -> CaptureError:
    return CaptureError(Problem(template, values))


def _read_image(path: Path) -> npt.NDArray[np.uint8] | None:
    # np.fromfile + imdecode instead of imread: imread cannot open non-ASCII paths on Windows.
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    with _quiet_opencv():
        image = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return None if image is None else np.asarray(image, dtype=np.uint8)


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved = 0


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV prints its own warnings on stderr; ours say it better, in one line.

    The log level is process-wide and reader threads overlap, so the first to enter silences OpenCV and
    the last to leave restores the level (a plain save/restore per thread could leave it silenced).
    """
    global _quiet_depth, _quiet_saved
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_saved = cv2.utils.logging.getLogLevel()
            cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                cv2.utils.logging.setLogLevel(_quiet_saved)


class _ImageSource(FrameSource):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        image = _read_image(path)  # read now, so a bad file fails at open, like a bad video
        if image is None:
            raise _error(N("Problem", "{path} is not an image or a video OpenCV can read."), path=str(path))
        self.image, self.name = image, path.name

    def _frames(self) -> Iterator[Frame]:
        yield Frame(self.image, self.name, 0)


class _FolderSource(FrameSource):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if not self.files:
            raise _error(N("Problem", "The folder {path} has no files to scan."), path=str(path))

    def _frames(self) -> Iterator[Frame]:
        for index, path in enumerate(self.files):
            image = _read_image(path)
            if image is None:
                self.skipped.append(
                    Skipped(path.name, Problem(N("Problem", "{name} is not an image."), {"name": path.name}))
                )
                continue
            yield Frame(image, path.name, index)


class _CaptureSource(FrameSource):
    """A cv2.VideoCapture read on a helper thread; for a camera, or a video file when ``live`` is False."""

    def __init__(self, spec: str, name: str, open_capture: Callable[[], Any], *, live: bool) -> None:
        super().__init__(spec)
        self.name = name
        self.live = live
        self.stream = True
        self._stop = threading.Event()
        # One slot: a live source hands over the newest frame and drops stale ones, so a slow decoder
        # never works through a backlog; a file waits for the consumer instead (every frame matters).
        self._frames_queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1 if live else 4)
        opened: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, args=(open_capture, opened), daemon=True)
        self._thread.start()
        try:
            state, value = opened.get(timeout=OPEN_TIMEOUT_S)
        except queue.Empty:
            self._stop.set()  # the thread releases the capture if the open ever returns
            seconds = f"{OPEN_TIMEOUT_S:g}"
            if live:
                raise _error(
                    N("Problem", "{name} did not answer within {seconds} s; unplug it and plug it in again."),
                    name=name,
                    seconds=seconds,
                ) from None
            raise _error(
                N("Problem", "{path} could not be opened within {seconds} s."), path=spec, seconds=seconds
            ) from None
        if state == "error":
            raise value
        self.fps = float(value)

    def _run(self, open_capture: Callable[[], Any], opened: queue.Queue[tuple[str, Any]]) -> None:
        try:
            with _quiet_opencv():
                capture = open_capture()
        except CaptureError as error:
            opened.put(("error", error))
            return
        try:
            if not capture.isOpened():
                opened.put(("error", self._open_failure()))
                return
            fps = float(capture.get(cv2.CAP_PROP_FPS) or 0)
            fps = fps if fps > 0 else 30.0
            opened.put(("ok", fps))
            started = time.monotonic()
            delivered = 0
            while not self._stop.is_set():
                with _quiet_opencv():
                    ok, image = capture.read()
                if not ok or image is None:
                    self._put(("end", delivered))
                    return
                stamp = time.monotonic() - started if self.live else delivered / fps
                self._put(("frame", (np.asarray(image, dtype=np.uint8), delivered, stamp)))
                delivered += 1
        finally:
            capture.release()

    def _put(self, item: tuple[str, Any]) -> None:
        while not self._stop.is_set():
            if self.live and item[0] == "frame":
                with contextlib.suppress(queue.Empty):
                    self._frames_queue.get_nowait()  # drop the stale frame
            try:
                self._frames_queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _open_failure(self) -> CaptureError:
        if self.live:
            return _error(
                N("Problem", "{name} is busy or cannot be opened; close other programs that use the camera."),
                name=self.name,
            )
        return _error(N("Problem", "{path} is not an image or a video OpenCV can read."), path=self.spec)

    def _frames(self) -> Iterator[Frame]:
        delivered = 0
        while True:
            try:
                state, value = self._frames_queue.get(timeout=READ_TIMEOUT_S)
            except queue.Empty:
                raise self._read_failure(delivered, stalled=True) from None
            if state == "end":
                if self.live or delivered == 0:
                    raise self._read_failure(delivered, stalled=False)
                return
            image, index, stamp = value
            delivered += 1
            yield Frame(image, f"{self.name}#frame{index}", index, stamp)

    def _read_failure(self, delivered: int, *, stalled: bool) -> CaptureError:
        if not self.live and delivered:
            return _error(
                N("Problem", "{path} stopped delivering frames after frame {index}."),
                path=self.spec,
                index=str(delivered),
            )
        if not self.live:
            return _error(N("Problem", "{path} has no frames OpenCV can read."), path=self.spec)
        if delivered:
            return _error(
                N("Problem", "{name} stopped sending frames: it was unplugged or went to sleep."),
                name=self.name,
            )
        if stalled:
            return _error(
                N("Problem", "{name} sends no frames; it may be busy in another program."), name=self.name
            )
        return _error(
            N("Problem", "{name} opened but could not deliver a frame; it may be busy in another program."),
            name=self.name,
        )

    def close(self) -> None:
        self._stop.set()
        self._thread.join(
            timeout=1.0
        )  # a wedged driver call must not hang the caller; the thread is a daemon


def _open_camera(index: int, width: int | None, height: int | None) -> Any:
    name = f"camera:{index}"
    if sys.platform.startswith("linux") and not os.path.exists(f"/dev/video{index}"):
        # Asking V4L2 about a device node that does not exist is slow on some builds and says nothing.
        raise _error(
            N("Problem", "{name} does not exist (no /dev/video{index})."), name=name, index=str(index)
        )
    if sys.platform.startswith("linux") and not os.access(f"/dev/video{index}", os.R_OK | os.W_OK):
        raise _error(
            N("Problem", "No permission to use {name}; add the user to the 'video' group."), name=name
        )
    params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(OPEN_TIMEOUT_S * 1000)]
    params += [cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(READ_TIMEOUT_S * 1000)]
    if width:
        params += [cv2.CAP_PROP_FRAME_WIDTH, width]
    if height:
        params += [cv2.CAP_PROP_FRAME_HEIGHT, height]
    capture = cv2.VideoCapture(index, cv2.CAP_ANY, params)
    if not capture.isOpened() and not sys.platform.startswith("linux"):
        raise _error(N("Problem", "{name} does not exist or is busy in another program."), name=name)
    return capture


def camera_spec(spec: str) -> int | None:
    """The index in ``camera:N``, or None if ``spec`` is not a camera."""
    if not spec.startswith("camera:"):
        return None
    number = spec.removeprefix("camera:")
    if not number.isdigit() or not number.isascii():
        raise _error(N("Problem", "{spec} is not a camera; write camera:0, camera:1, ..."), spec=spec)
    return int(number)


def open_source(spec: str, *, width: int | None = None, height: int | None = None) -> FrameSource:
    """A source of frames: ``camera:N``, an image file, a folder of images, or a video file.

    ``width`` and ``height`` ask a camera for that resolution (it may pick the nearest it has); files
    keep their own size.
    """
    index = camera_spec(spec)
    if index is not None:
        return _CaptureSource(spec, f"camera:{index}", lambda: _open_camera(index, width, height), live=True)
    path = Path(spec)
    if path.is_dir():
        return _FolderSource(path)
    if not path.exists():
        raise _error(N("Problem", "There is no file or folder {path}."), path=spec)
    if path.suffix.lower() in IMAGE_SUFFIXES or cv2.haveImageReader(str(path)):
        return _ImageSource(path)
    if path.suffix.lower() not in VIDEO_SUFFIXES:
        raise _error(N("Problem", "{path} is not an image or a video OpenCV can read."), path=spec)
    return _CaptureSource(spec, path.name, lambda: cv2.VideoCapture(str(path), cv2.CAP_FFMPEG), live=False)


def video_as_camera(path: Path, name: str = "camera:0") -> FrameSource:
    """A video file played as if it were camera ``name`` (frames as they come, end = unplugged).

    The fake at the device edge for tests and demos: the camera code path, without a camera.
    """
    return _CaptureSource(name, name, lambda: cv2.VideoCapture(str(path), cv2.CAP_FFMPEG), live=True)


__all__ = [
    "CaptureError",
    "Frame",
    "FrameSource",
    "Skipped",
    "camera_spec",
    "open_source",
    "video_as_camera",
]
