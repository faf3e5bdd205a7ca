"""Every benchmark in bench/, one after the other, then one table: measure | now | target.

Run as ``.venv/bin/python bench/run_all.py``. Each benchmark runs in a process of its own (so that
none of them measures with another's imports, caches or memory around), on Qt's offscreen
platform, and prints its details as it goes; each hands its rows over in a file (``rows.py``).
The table at the end is Markdown, as the README shows it. Informational only: it never fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rows import ROWS_OPTION, Row, read_rows

HERE = Path(__file__).parent
BENCHMARKS = ("bench_startup.py", "bench_model.py", "bench_editor.py", "bench_pdf.py", "bench_mermaid.py")


def run(benchmark: str, rows_file: Path) -> list[Row]:
    print(f"\n== {benchmark} ==", flush=True)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(HERE / benchmark), ROWS_OPTION, str(rows_file)], env=environment, check=True)
    return read_rows(rows_file)


def table(rows: list[Row]) -> str:
    lines = ["| measure | now | target |", "|---|---|---|"]
    lines += [f"| {row.measure} | {row.now} | {row.target} |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        for number, benchmark in enumerate(BENCHMARKS):
            rows += run(benchmark, Path(folder) / f"{number}.json")
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print(table(rows))


if __name__ == "__main__":
    main()
