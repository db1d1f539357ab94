"""The scan dock's capture-and-decode loop, on its own QThread.

The thread opens the source (a camera may take seconds to answer, so never on the UI thread), reads
frames, decodes each one and reports two things: the newest preview image and the codes it accepted.
Preview frames are never queued: the thread keeps one "latest" slot and signals only when the UI has
taken the previous image, so a busy UI skips frames instead of working through a backlog. Codes are
debounced here (a label held in view is one scan) in the source's own time: media time for a video,
the wall clock for a camera, and not at all across the photos of a folder (each photo is its own scan).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    import numpy.typing as npt

    from labdesk.scanning.capture import FrameSource
    from labdesk.scanning.decode import ScannedCode

PREVIEW_MAX_WIDTH = 800  # the dock never shows more; smaller images are cheaper to hand over and scale
FOLDER_INTERVAL_S = 1.0  # a folder's photos are shown one per second so the user sees each one
DEBOUNCE_S = 3.0


class ScanThread(QThread):
    """Scan ``spec`` (``camera:N``, an image, a folder or a video file) until it ends or ``stop()``."""

    frameAvailable = Signal()  # noqa: N815 - Qt naming
    """A new preview image is in the slot; take it with ``take_frame()``. Not emitted again until taken."""
    codeScanned = Signal(object, str)  # noqa: N815
    """(ScannedCode, frame source) for each accepted (debounced) code."""
    failed = Signal(object)
    """The source could not be opened or stopped delivering: a CaptureError / ProblemError."""
    skipped = Signal(object)
    """A file of a folder that is not an image (``capture.Skipped``)."""
    opened = Signal(bool)
    """The source is open; True for a live camera."""

    def __init__(
        self,
        spec: str,
        *,
        width: int | None = None,
        height: int | None = None,
        backend: str = "zxing",
        paced: bool = True,
        folder_interval_s: float = FOLDER_INTERVAL_S,
        opener: Callable[[], FrameSource] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.spec, self.width, self.height, self.backend = spec, width, height, backend
        # Paced: a video plays at its own frame rate and a folder one photo per interval, as a person
        # would watch them; tests turn it off to run as fast as decoding allows.
        self.paced = paced
        self.folder_interval_s = folder_interval_s
        self.opener = opener  # the device edge, for tests and demos (e.g. capture.video_as_camera)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: QImage | None = None
        self._waiting = False  # a frameAvailable is on its way and not yet answered by take_frame()
        self.frames = 0  # frames read
        self.previewed = 0  # frames handed to the UI (the rest were dropped for a newer one)
        self.decode_ms: list[float] = []

    def stop(self) -> None:
        """Ask the loop to end after the current frame; thread-safe, returns at once."""
        self._stop.set()

    def take_frame(self) -> QImage | None:
        """The newest preview image (UI thread); re-arms ``frameAvailable``."""
        with self._lock:
            image, self._latest, self._waiting = self._latest, None, False
        return image

    def run(self) -> None:
        # OpenCV and zxing load here, on the scanning thread, the first time a scan starts.
        from labdesk.scanning.capture import Skipped, open_source
        from labdesk.scanning.debounce import Debouncer
        from labdesk.scanning.decode import Decoder

        try:
            decoder = Decoder(self.backend)
            if self.opener is not None:
                source = self.opener()
            else:
                source = open_source(self.spec, width=self.width, height=self.height)
        except Exception as error:  # noqa: BLE001 - every failure is a sentence in the dock
            self.failed.emit(error)
            return
        media_time = [0.0]
        clock = time.monotonic if source.live else (lambda: media_time[0])
        debouncer = Debouncer(DEBOUNCE_S, clock)
        self.opened.emit(source.live)
        started = time.monotonic()
        reported = 0
        try:
            with source:
                for frame in source:
                    while reported < len(source.skipped):
                        self.skipped.emit(source.skipped[reported])
                        reported += 1
                    if self._stop.is_set():
                        break
                    self.frames += 1
                    media_time[0] = frame.time_s
                    result = decoder.decode(frame.image)
                    self.decode_ms.append(result.ms)
                    # After decoding, so the codes found are framed on the very frame they were seen in.
                    self._publish(frame.image, [c.position for c in result.codes])
                    for code in result.codes:
                        if not source.stream or debouncer.accept(code.text):
                            self.codeScanned.emit(code, frame.source)
                    self._pace(source.stream, source.live, frame.time_s, started)
                for skipped in source.skipped[reported:]:
                    if isinstance(skipped, Skipped):
                        self.skipped.emit(skipped)
        except Exception as error:  # noqa: BLE001 - an unplugged camera, a truncated video
            if not self._stop.is_set():
                self.failed.emit(error)

    def _pace(self, stream: bool, live: bool, time_s: float, started: float) -> None:
        if not self.paced or live:  # a camera paces itself
            return
        delay = time_s - (time.monotonic() - started) if stream else self.folder_interval_s
        self._stop.wait(max(0.0, delay))

    def _publish(self, image: npt.NDArray[np.uint8], boxes: list[Any] | None = None) -> None:
        preview = _preview(image, boxes or [])
        with self._lock:
            self._latest = preview
            if self._waiting:  # the UI has not taken the last one: it gets this newer one instead
                return
            self._waiting = True
        self.previewed += 1
        self.frameAvailable.emit()


def _preview(image: npt.NDArray[np.uint8], boxes: list[Any]) -> QImage:
    """A copy of the frame for the screen: at most PREVIEW_MAX_WIDTH wide, found codes framed in green."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    scale = min(1.0, PREVIEW_MAX_WIDTH / width) if width else 1.0
    if scale < 1.0:
        image = np.asarray(cv2.resize(image, (round(width * scale), round(height * scale)),
                                      interpolation=cv2.INTER_LINEAR), dtype=np.uint8)
    elif boxes:
        image = image.copy()  # never draw on the frame the decoder or the caller still holds
    for box in boxes:
        if box is not None:
            x, y, w, h = (round(v * scale) for v in box)
            cv2.rectangle(image, (x - 4, y - 4), (x + w + 4, y + h + 4), (60, 200, 60), 4)
    if image.ndim == 2:
        image = np.asarray(cv2.cvtColor(image, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
    rows, columns = image.shape[:2]
    data = image.tobytes()
    # .copy(): the QImage must own its pixels, not borrow a numpy buffer that goes away.
    return QImage(data, columns, rows, 3 * columns, QImage.Format.Format_BGR888).copy()


def scanned_code(text: str) -> ScannedCode:
    """A typed or wedge-scanned text, classified exactly like a camera scan (the payload codec)."""
    from labdesk.scanning.decode import scanned

    return scanned(text, None)
