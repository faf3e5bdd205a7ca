"""Importing a Mermaid journey grows with its size, not with its square.

Run as ``.venv/bin/python bench/bench_mermaid.py``. For journeys of 2,000 to 16,000 tasks (in
sections of 40, three actors), it times ``loads_mermaid`` against loading the very map it makes
from its JSON file (``json_format.loads``), measured in the same run: a linear import keeps that
ratio about level as the journey grows, where a quadratic one would multiply it. The target is the
16,000-task journey (a 1 MB diagram) within a few seconds, and a ratio at 16,000 tasks no more than
twice the one at 2,000. Informational only: it prints a table and never fails.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from journeymapper.formats import json_format
from journeymapper.formats.mermaid import loads_mermaid

from rows import Row, hand_over, verdict

SIZES = (2_000, 4_000, 8_000, 16_000)
SECTION = 40


def diagram(tasks: int) -> str:
    lines = ["journey", "  title A long onboarding"]
    for number in range(tasks):
        if number % SECTION == 0:
            lines.append(f"  section Week {number // SECTION + 1}")
        lines.append(f"    Step {number}: {number % 5 + 1}: Ana, Ben, Cleo")
    return "\n".join(lines) + "\n"


def best_of(action: Callable[[], object], repeat: int = 3) -> float:
    spent = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        spent.append(time.perf_counter() - start)
    return min(spent)


def main() -> list[Row]:
    print(f"{'tasks':>7} {'KB':>6} {'import s':>9} {'JSON load s':>12} {'ratio':>6}")
    ratios = []
    for tasks in SIZES:
        text = diagram(tasks)
        saved = json_format.dumps(loads_mermaid(text)).encode()
        imported = best_of(lambda text=text: loads_mermaid(text))
        loaded = best_of(lambda saved=saved: json_format.loads(saved))
        ratios.append(imported / loaded)
        print(f"{tasks:>7,} {len(text) / 1e3:>6.0f} {imported:>9.2f} {loaded:>12.3f} {ratios[-1]:>5.1f}x")
    growth = ratios[-1] / ratios[0]
    print(
        f"\nratio at {SIZES[-1]:,} tasks / ratio at {SIZES[0]:,}: {growth:.2f} "
        f"({'linear' if growth <= 2 else 'NOT linear'}, {verdict(growth <= 2)} the target; a quadratic import "
        f"would give about {SIZES[-1] / SIZES[0]:.0f})"
    )
    return [
        Row(
            f"from-mermaid, {SIZES[-1]:,} tasks against {SIZES[0]:,}: the ratio to JSON load, grown by",
            f"{growth:.2f}x",
            "≤ 2x (linear)",
        )
    ]


if __name__ == "__main__":
    hand_over(main())
