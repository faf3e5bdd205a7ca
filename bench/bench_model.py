"""Loading and laying out a big map, against bare ``json.loads`` of the same bytes.

Run as ``.venv/bin/python bench/bench_model.py``. Targets: ``json_format.load`` within 4x of
``json.loads``; ``compute_layout`` at most 15 ms per 1,000 cards. Informational only: it prints
a table and never fails; when loading misses its target it prints where the time goes.

Each step is timed as shipped (cyclic garbage collector on) and again with the collector paused.
Loading and layout hold back the collector's full passes while they run (``journeymapper.collector``);
the full pass that then comes later is not free, so one more row times load followed at once by
``gc.collect()``, against ``json.loads`` followed by the same.
"""

from __future__ import annotations

import cProfile
import gc
import json
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journeymapper.formats import json_format
from journeymapper.layout import Measure, approximate_measure, compute_layout

from generate import generate_map
from rows import Row, hand_over, verdict

TOUCHPOINTS, CONNECTIONS = 10_000, 15_000
LOAD_TARGET = 4.0
LAYOUT_TARGET_MS = 15.0  # per 1,000 cards
Timings = tuple[list[float], list[float]]  # seconds per call with the collector on, then paused


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, each from the same clean heap; freeing the result is left out."""
    spent = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = action()
        spent.append(time.perf_counter() - start)
        del result
    return spent


def without_collector(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()

    return run


def measure(action: Callable[[], object], repeat: int) -> Timings:
    return timings(action, repeat), timings(without_collector(action), repeat)


def row(name: str, spent: Timings, note: str) -> str:
    on, off = spent
    return f"{name:<24} {min(on) * 1e3:9.1f} {statistics.median(on) * 1e3:9.1f} {min(off) * 1e3:11.1f}   {note}"


def then_full_pass(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        result = action()
        gc.collect()
        return result

    return run


def as_new(measure: Measure) -> Measure:
    """The same measure as a function the layout has not seen: it remembers wrapped titles by their
    measure, so that a relayout after an edit wraps only the titles that changed. With this one it
    wraps them all, as for a map's first layout."""
    return lambda text, size, bold: measure(text, size, bold)


def per_thousand_cards(spent: Timings) -> list[float]:
    return [statistics.median(spent[0]) * 1e6 / TOUCHPOINTS, min(spent[1]) * 1e6 / TOUCHPOINTS]


def report(
    size: int, baseline: Timings, load: Timings, layouts: tuple[Timings, Timings], settled: tuple[Timings, Timings]
) -> list[Row]:
    """Print the table; returns its rows for ``run_all.py``: load / json.loads (best of each,
    collector on) and the first layout's median per 1,000 cards."""
    layout, relayout = layouts
    ratios = [min(load[n]) / min(baseline[n]) for n in (0, 1)]
    per_thousand, again = per_thousand_cards(layout), per_thousand_cards(relayout)
    print(
        f"map: {TOUCHPOINTS:,} touchpoints, {CONNECTIONS:,} connections, {size / 1e6:.1f} MB; "
        f"Python {sys.version.split()[0]}\n"
    )
    print(f"{'':<24} {'best ms':>9} {'median ms':>9} {'GC off, ms':>11}")
    print(row("json.loads(bytes)", baseline, "baseline"))
    print(row("json_format.load(path)", load, f"{ratios[0]:.1f}x json.loads ({ratios[1]:.1f}x with GC off)"))
    layout_note = f"{per_thousand[0]:.1f} ms per 1,000 cards ({per_thousand[1]:.1f} GC off), a first layout"
    print(row("compute_layout", layout, layout_note))
    again_note = f"{again[0]:.1f} ms per 1,000 cards ({again[1]:.1f} GC off), titles wrapped before"
    print(row("compute_layout again", relayout, again_note))
    settled_ratio = min(settled[1][0]) / min(settled[0][0])
    print(row("json.loads + gc.collect", settled[0], "baseline, then a full collection"))
    print(row("load + gc.collect", settled[1], f"{settled_ratio:.1f}x, the deferred full pass paid at once"))
    print(f"\nload: {ratios[0]:.1f}x json.loads, {verdict(ratios[0] <= LOAD_TARGET)} the {LOAD_TARGET:.0f}x target")
    print(
        f"layout: median {statistics.median(layout[0]) * 1e3:.0f} ms for {TOUCHPOINTS:,} cards, "
        f"{verdict(per_thousand[0] <= LAYOUT_TARGET_MS)} the {LAYOUT_TARGET_MS:.0f} ms per 1,000 cards target"
    )
    return [
        Row(f"load a {TOUCHPOINTS:,}-card map, against json.loads", f"{ratios[0]:.1f}x", f"≤ {LOAD_TARGET:.0f}x"),
        Row(
            "layout, a map's first (a relayout after an edit, its titles wrapped before)",
            f"{per_thousand[0]:.0f} ms per 1,000 cards ({again[0]:.0f} ms)",
            f"≤ {LAYOUT_TARGET_MS:.0f} ms",
        ),
    ]


def profile_load(path: Path) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(without_collector(lambda: json_format.load(path)))
    print("\nwhere load's time goes, collector paused (cumulative):")
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative")
    stats.print_stats(r"journeymapper|pydantic|networkx", 14)


def main() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        json_format.save(generate_map(TOUCHPOINTS, CONNECTIONS), path)
        data = path.read_bytes()
        baseline = measure(lambda: json.loads(data), 9)
        load = measure(lambda: json_format.load(path), 7)
        document = json_format.load(path)
        layout = measure(lambda: compute_layout(document, measure=as_new(approximate_measure)), 7)
        relayout = measure(lambda: compute_layout(document), 7)
        settled = (
            measure(then_full_pass(lambda: json.loads(data)), 5),
            measure(then_full_pass(lambda: json_format.load(path)), 5),
        )
        rows = report(len(data), baseline, load, (layout, relayout), settled)
        if min(load[0]) / min(baseline[0]) > LOAD_TARGET:
            profile_load(path)
    return rows


if __name__ == "__main__":
    hand_over(main())
