"""Accept a scanned code once: a label held in front of the camera is seen in every frame."""

from __future__ import annotations

import time
from collections.abc import Callable


class Debouncer:
    """``accept(text)`` is True the first time, then False while the same text keeps being seen.

    The window runs from the last time the text was *seen*, not from when it was accepted: a label kept
    in view for a minute is one scan, and it counts again only after it has been out of view for
    ``window_s`` seconds. ``clock`` is injectable so a video file can debounce in its own media time.
    """

    def __init__(self, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str) -> bool:
        now = self._clock()
        # Forget texts not seen for a window, so a long session's memory stays flat.
        self._last_seen = {t: seen for t, seen in self._last_seen.items() if now - seen < self.window_s}
        fresh = text not in self._last_seen
        self._last_seen[text] = now
        return fresh

    def reset(self) -> None:
        """Forget everything (e.g. when the user switches cameras)."""
        self._last_seen.clear()
