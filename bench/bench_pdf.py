"""PDF export of big maps, against a bare reportlab canvas drawing as much in the same run.

Run as ``.venv/bin/python bench/bench_pdf.py``. Informational only: it prints and never fails.

1. A generated 1,000-touchpoint map exported in fit mode (layout, fonts, drawing and saving), as a
   ratio to a bare canvas that draws the same number of shapes (as plain rectangles) and strings
   (the map's own texts, in the same embedded font) on one page and saves it with reportlab's
   defaults. Target: <= 1.3x. The counts come from one counted export, so the baseline does as
   much drawing as the reader sees.
2. The 10,000-touchpoint map as a tiled poster at scale 1 on A3: seconds and pages.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import cycle

from reportlab.pdfgen.canvas import Canvas

from journeymapper.formats.pdf import ExportOptions, render_pdf
from journeymapper.formats.pdf.fonts import load_fonts
from journeymapper.formats.pdf.pen import SYMBOL_SIZE, Pen

from generate import generate_map
from rows import Row, hand_over, verdict

TARGET = 1.3


def interleaved(actions: list[Callable[[], object]], repeat: int) -> list[list[float]]:
    """Seconds per run of each action, the actions taking turns so that a busy machine slows
    them alike; each run starts from a collected heap."""
    spent: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, times in zip(actions, spent):
            gc.collect()
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
    return spent


@contextmanager
def counting() -> Iterator[Counter]:
    """Counts what an export draws as the reader sees it: shapes and strings.

    The export paints many shapes with one operator (all connectors of one kind on a page) and
    places each face or icon as a form defined once; while counting, each connector counts as
    its own shape and symbols are drawn in place, so the baseline draws as many shapes as the
    reader sees."""
    counts: Counter = Counter()
    originals = {
        (owner, name): getattr(owner, name)
        for owner, name in ((Pen, "_finish"), (Pen, "paths"), (Pen, "symbol"), (Pen, "_string"), (Canvas, "drawString"))
    }

    def counted(original: Callable, key: str, many: Callable[..., int] = lambda *_: 1) -> Callable:
        def call(*arguments, **keywords):
            counts[key] += many(*arguments)
            return original(*arguments, **keywords)

        return call

    def in_place(pen: Pen, key: str, draw: Callable, x: float, y: float, size: float) -> None:
        with pen.at(x, y, size / SYMBOL_SIZE):
            draw(pen)

    Pen._finish = counted(Pen._finish, "shapes")
    Pen.paths = counted(Pen.paths, "shapes", lambda pen, subpaths, *_: len(subpaths) - 1)  # _finish counts one
    Pen._string = counted(Pen._string, "strings")  # plain text, written without drawString
    Canvas.drawString = counted(Canvas.drawString, "strings")  # shaped text
    Pen.symbol = in_place
    try:
        yield counts
    finally:
        for (owner, name), original in originals.items():
            setattr(owner, name, original)


def bare_canvas(shapes: int, strings: int, texts: list[str], page: tuple[float, float]) -> bytes:
    """The baseline: rectangles and strings on one page, in the export's font, saved the same way."""
    fonts = load_fonts(texts)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page, invariant=1, pageCompression=1, initialFontName=fonts.regular.name)
    canvas.setFont(fonts.regular.name, 6)
    width, height = page
    for number in range(shapes):
        canvas.rect(number % 97 * width / 97, number % 89 * height / 89, 9, 5, stroke=1, fill=1)
    for number, text in zip(range(strings), cycle(texts)):
        canvas.drawString(number % 61 * width / 61, number % 83 * height / 83, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def fit_ratio() -> Row:
    document = generate_map(1_000, 1_500)
    options = ExportOptions()
    rendered = render_pdf(document, options)  # also loads the fonts once, as an editor session would have
    with counting() as counts:
        render_pdf(document, options)
    texts = [tp.title for tp in document.touchpoints()]
    page = options.page_size
    exports, bares = interleaved(
        [lambda: render_pdf(document, options), lambda: bare_canvas(counts["shapes"], counts["strings"], texts, page)],
        9,
    )
    export_best, bare_best = min(exports), min(bares)
    export_median, bare_median = statistics.median(exports), statistics.median(bares)
    ratio = export_best / bare_best
    print(
        f"1,000 touchpoints, 1,500 connections, fit on {options.describe_page()}: "
        f"{counts['shapes']:,} shapes, {counts['strings']:,} strings, {len(rendered.data) / 1e3:,.0f} kB"
    )
    print(f"  bare canvas      best {bare_best * 1e3:7.0f} ms   median {bare_median * 1e3:7.0f} ms   baseline")
    print(
        f"  export_pdf       best {export_best * 1e3:7.0f} ms   median {export_median * 1e3:7.0f} ms   "
        f"{ratio:.2f}x the bare canvas, {verdict(ratio <= TARGET)} the {TARGET}x target"
    )
    measure = "PDF of the 1,000-card map against a bare reportlab canvas drawing the same shapes"
    return Row(measure, f"{ratio:.2f}x", f"≤ {TARGET}x")


def tiled_poster() -> Row:
    document = generate_map(10_000, 15_000)
    options = ExportOptions(mode="tile", scale=1.0)
    start = time.perf_counter()
    rendered = render_pdf(document, options)
    spent = time.perf_counter() - start
    print(
        f"10,000 touchpoints, 15,000 connections, tiled on {options.describe_page()} at scale 1: "
        f"{spent:.1f} s, {rendered.pages:,} pages, {len(rendered.data) / 1e6:.1f} MB "
        f"({spent / rendered.pages * 1e3:.0f} ms per page)"
    )
    return Row(
        "PDF of the 10,000-card map as a tiled A3 poster at scale 1", f"{spent:.1f} s, {rendered.pages:,} pages", "—"
    )


def main() -> list[Row]:
    print(f"Python {sys.version.split()[0]}\n")
    fit = fit_ratio()
    print()
    return [fit, tiled_poster()]


if __name__ == "__main__":
    hand_over(main())
