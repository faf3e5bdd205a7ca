"""Start-up: ``journeymapper MAP.json`` until its first painted canvas frame, whole process, against a
bare PySide6 QMainWindow shown and painted in a process of its own, measured in the same run.

Run as ``.venv/bin/python bench/bench_startup.py``. Target: <= 2.5x, for a sample map and for a
generated 300-card map. Informational only: it prints and never fails.

Each process is ``first_frame.py``, which runs the editor's own ``cli.console`` (as ``python -m
journeymapper MAP.json`` does) and prints a line at the first paint of the canvas; the time is from
starting the process to reading that line. The processes take turns, so that a busy machine slows
them alike, and the best of the rounds is compared. Each runs with a home and XDG folders of its
own, so that no saved window layout, recent file or autosave copy changes what it does, and with
its bytecode cached (a first round, not counted, writes it to a folder of the benchmark's own) as
an installed journeymapper has it.

Beside the time it prints the processor time each process used (user and system, until it ended
itself right after its report): on a machine busy with other work it varies less than the time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from journeymapper.formats import json_format

from generate import generate_map
from rows import Row, hand_over, verdict

TARGET = 2.5
ROUNDS = 9
HERE = Path(__file__).parent
SAMPLE = HERE.parent / "samples" / "year-one-customer-journey.json"
CHILD = HERE / "first_frame.py"


def environment(home: Path, bytecode: Path) -> dict[str, str]:
    isolated = {name: str(home / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    inherited = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {
        **inherited,
        **isolated,
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(bytecode),
    }


class Run(NamedTuple):
    seconds: float
    """From starting the process to its report of the first painted frame."""
    processor: float
    """Seconds of processor time it used."""


def first_frame(argument: str, bytecode: Path) -> Run:
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(CHILD), argument],
            env=environment(Path(home), bytecode),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        reported = process.stdout.readline()  # type: ignore[union-attr]
        spent = time.perf_counter() - start
        _, _, usage = os.wait4(process.pid, 0)
    if not reported:
        raise SystemExit(f"first_frame.py {argument} ended without painting a frame")
    return Run(spent, usage.ru_utime + usage.ru_stime)


def main() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "map-300.json"
        json_format.save(generate_map(300, 450), big)
        bytecode = Path(folder) / "bytecode"
        runs = {"bare QMainWindow": "--bare", "sample map": str(SAMPLE), "300-card map": str(big)}
        for argument in runs.values():
            first_frame(argument, bytecode)  # writes the bytecode; not counted
        spent: dict[str, list[Run]] = {name: [] for name in runs}
        for _ in range(ROUNDS):
            for name, argument in runs.items():
                spent[name].append(first_frame(argument, bytecode))
    baseline = min(run.seconds for run in spent["bare QMainWindow"])
    processor_baseline = min(run.processor for run in spent["bare QMainWindow"])
    print(f"start-up to the first painted frame, whole process, best of {ROUNDS}; Python {sys.version.split()[0]}\n")
    rows = []
    for name, runs_of_one in spent.items():
        times = [run.seconds for run in runs_of_one]
        processor = min(run.processor for run in runs_of_one)
        ratio = min(times) / baseline
        note = (
            "baseline" if name.startswith("bare") else f"{ratio:.1f}x, {verdict(ratio <= TARGET)} the {TARGET}x target"
        )
        print(
            f"{name:<18} best {min(times) * 1e3:6.0f} ms   median {statistics.median(times) * 1e3:6.0f} ms   "
            f"processor {processor * 1e3:4.0f} ms ({processor / processor_baseline:.1f}x)   {note}"
        )
        if not name.startswith("bare"):
            rows.append(
                Row(
                    f"`journeymapper` on the {name} to its first painted frame, against a bare QMainWindow",
                    f"{ratio:.1f}x ({min(times):.2f} s against {baseline:.2f} s; processor time "
                    f"{processor / processor_baseline:.1f}x)",
                    f"≤ {TARGET}x",
                )
            )
    return rows


if __name__ == "__main__":
    hand_over(main())
