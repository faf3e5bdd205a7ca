"""Opening a map loads only what its first frame shows: the graph algorithms, PDF export, Mermaid,
card tables, the portfolio (and its dock's body), the start page, the listing docks' bodies, the
Inspector's pages other than the map's, comparing and merging load when they are first used, not
before the map is on the screen (the start-up benchmark, bench/bench_startup.py, says what that
saves).

A real journeymapper process opens a sample map on the offscreen platform and reports every module
imported by the first paint of its canvas: ``bench/first_frame.py`` runs the editor's own
``cli.console`` under an event filter, so this is the path ``journeymapper MAP.json`` takes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import SAMPLES

FIRST_FRAME = Path(__file__).parents[2] / "bench" / "first_frame.py"
SAMPLE = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")
NOT_BEFORE_THE_FIRST_FRAME = (
    "networkx",
    "reportlab",
    "journeymapper.formats.pdf",
    "journeymapper.editor.pdf_export",
    "journeymapper.model.insights",
    "journeymapper.portfolio",
    "journeymapper.editor.portfolio_view",
    "journeymapper.formats.mermaid",
    "journeymapper.formats.csv_cards",
    "journeymapper.editor.card_tables",
    "journeymapper.formats.git_markers",
    "journeymapper.model.merge",
    "journeymapper.desktop_entry",
    "journeymapper.editor.start_page",
    "journeymapper.editor.dock_lists",
    "journeymapper.editor.insights_dock",
    "journeymapper.editor.conflicts_dock",
    "journeymapper.editor.changes_dock",
    "journeymapper.editor.compare",
    "journeymapper.editor.marks",
    "journeymapper.model.diff",
    "journeymapper.editor.inspector.card",
    "journeymapper.editor.inspector.bulk",
    "journeymapper.editor.inspector.connection",
    "journeymapper.editor.inspector.headers",
    "journeymapper.editor.inspector.choices",
    "html",
)


def modules_at_first_frame(path: Path, home: Path) -> list[str]:
    """Every module imported by the time the editor has painted ``path`` for the first time."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    done = subprocess.run(
        [sys.executable, str(FIRST_FRAME), str(path)], env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.stdout, f"the editor painted no frame: {done.stderr}"
    modules: list[str] = json.loads(done.stdout)["modules"]
    return modules


def is_part_of(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def test_opening_a_map_paints_it_before_loading_what_the_first_frame_does_not_show(tmp_path):
    loaded = modules_at_first_frame(SAMPLE, tmp_path)
    assert "journeymapper.editor.main_window" in loaded  # the editor's own window painted it
    early = [module for module in loaded if any(is_part_of(module, heavy) for heavy in NOT_BEFORE_THE_FIRST_FRAME)]
    assert early == []
