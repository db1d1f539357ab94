"""Launch to main window on screen: `labdesk` beside a bare PySide6 window, measured in the same run.

    python benchmarks/startup.py [--runs 7]

Each run is a new process. It starts with LABDESK_STARTUP_PROBE set, so the app prints the wall-clock
time at which its main window is shown and quits; the figure is that time minus the time just before
the process was spawned. The anchor is the least any PySide6 app pays: import QtWidgets, make a
QApplication and show an empty QMainWindow. Offscreen platform; the database is a demo file made
beforehand (opening it happens after the window is shown, in a worker).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ANCHOR = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1400, 860)\n"
    "window.show()\n"
    "app.processEvents()\n"
    "print(f'labdesk-window-shown {time.time():.6f}', flush=True)\n"
)


def launch_ms(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=True)
    shown = next(line for line in done.stdout.splitlines() if line.startswith("labdesk-window-shown"))
    return (float(shown.split()[1]) - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="labdesk-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LABDESK_STARTUP_PROBE="1",
               LABDESK_CONFIG_DIR=str(home / "config"), LABDESK_DATA_DIR=str(home / "data"))
    url = f"sqlite:///{home / 'bench.sqlite3'}"
    subprocess.run([sys.executable, "-m", "labdesk", "demo", "--url", url], env=env, check=True,
                   capture_output=True)
    contenders = {
        "labdesk": [sys.executable, "-m", "labdesk", "--url", url],
        "bare PySide6 window": [sys.executable, "-c", ANCHOR],
    }
    results: dict[str, list[float]] = {name: [] for name in contenders}
    launch_ms(contenders["labdesk"], env)  # warm the file cache once, uncounted
    for _ in range(args.runs):
        for name, command in contenders.items():  # interleaved, so drift hits both alike
            results[name].append(launch_ms(command, env))
    print(f"launch to main window shown, {args.runs} runs each (ms)\n")
    print(f"{'contender':<22}{'min':>8}{'median':>8}{'max':>8}")
    for name, times in results.items():
        print(f"{name:<22}{min(times):>8.0f}{statistics.median(times):>8.0f}{max(times):>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
