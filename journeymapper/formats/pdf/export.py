"""Exporting a map: plan the pages, draw them on one reportlab canvas, write the file atomically.

The output is deterministic: reportlab's invariant mode fixes the creation date and the file id,
font subsets are numbered rather than random, and nothing here reads the clock (the title block's
date comes from the options). The same map with the same options gives the same bytes.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from journeymapper import __version__
from journeymapper.formats import json_format
from journeymapper.formats.files import write_atomically
from journeymapper.formats.pdf.appendix import appendix_pages
from journeymapper.formats.pdf.context import printed_links
from journeymapper.formats.pdf.fit import fit_pages
from journeymapper.formats.pdf.furniture import Page, footer, title_block
from journeymapper.formats.pdf.insights_page import insights_pages
from journeymapper.formats.pdf.label_list import label_pages, label_warning
from journeymapper.formats.pdf.missing import missing_warning
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.plan import PagePlan, PlannedPage
from journeymapper.formats.pdf.poster import poster_pages
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.stage_notes import stage_notes
from journeymapper.formats.pdf.stages_page import has_context, stages_pages
from journeymapper.model import JourneyDocument
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.model.links import Loader, cached_loader

DEFAULT_OPTIONS = ExportOptions()
Source = str | os.PathLike[str] | None
"""The map's file, whose folder its links' paths start from; None for a map not saved yet."""
Progress = Callable[[int, int], None]
"""Called with (pages drawn, pages in all) after each page; raise in it to cancel the export."""


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    pages: int
    warnings: tuple[str, ...]  # for the user: text too small, characters no font has, cards cut
    advice: ExportOptions | None = None  # options that would print the text readably, when these do not


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Plan:
    scene: MapScene
    pages: list[PlannedPage]
    scale: float
    warnings: tuple[str, ...]
    advice: ExportOptions | None


def _plan(document: JourneyDocument, options: ExportOptions, source: Source, load: Loader | None = None) -> _Plan:
    load = load or cached_loader(json_format.load)  # the notes and the printed links read each linked map once
    scene = MapScene.of(document, stage_notes(document, source, load))
    mapped = poster_pages(scene, options) if options.mode == "tile" else fit_pages(scene, options)
    sheet = Page(*options.page_size, options.margin)
    # The findings read as a summary of the map, so they come before the appendix's reference pages.
    pages = [*mapped.pages, *(insights_pages(scene, sheet) if options.insights else [])]
    # A title block that had to shorten the map's description (or title, or personas) sends the
    # reader to the Stages page, which prints them whole: with or without the appendix.
    shortened = title_block(scene.fonts, sheet, document, options.date).shortened
    # Reading the linked maps is only for the pages that print the links.
    links = printed_links(document, source, load) if options.appendix or shortened else {}
    if shortened:
        pages = [*_noted(pages, f"About this map in full: page {len(pages) + 1}"),
                 *stages_pages(scene, sheet, links, shortened=True)]  # fmt: skip
    elif options.appendix and has_context(scene):
        pages += stages_pages(scene, sheet, links)
    if options.appendix:
        pages += [*appendix_pages(scene, options, links), *label_pages(scene, sheet)]
    warnings = [*mapped.warnings, *label_warning(scene, options.appendix), *font_warnings(scene)]
    return _Plan(scene, pages, mapped.scale, tuple(warnings), mapped.advice)


def _noted(pages: list[PlannedPage], note: str) -> list[PlannedPage]:
    """``pages`` with ``note`` in the footer of those that carry the title block."""
    return [replace(page, info=replace(page.info, note=note)) if page.info.kind in ("map", "cover") else page
            for page in pages]  # fmt: skip


def font_warnings(scene: MapScene) -> list[str]:
    """What the fonts cannot draw, for every kind of export."""
    return [missing_warning(scene.fonts.missing)] if scene.fonts.missing else []


def plan_pages(document: JourneyDocument, options: ExportOptions = DEFAULT_OPTIONS, source: Source = None,
               load: Loader | None = None) -> PagePlan:  # fmt: skip
    """How ``document`` falls across pages with ``options``, without drawing: for a preview. A
    preview asked again and again passes its own ``load`` (``model.links.cached_loader``), so that
    the linked maps are read once, not at every change of an option."""
    plan = _plan(document, options, source, load)
    return PagePlan(tuple(page.info for page in plan.pages), plan.scale, plan.scene.layout, plan.warnings)


def render_pdf(
    document: JourneyDocument,
    options: ExportOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    source: Source = None,
) -> RenderedPdf:
    """The PDF in memory; ``source``, the map's file, is where its links are followed from."""
    plan = _plan(document, options, source)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        invariant=1,
        pageCompression=1,
        initialFontName=plan.scene.fonts.regular.name,  # type: ignore[arg-type]  # a name, whatever types-reportlab says
    )
    _metadata(canvas, document)
    pen = Pen(canvas, plan.scene.fonts)
    title, total = document.title, len(plan.pages)
    for number, planned in enumerate(plan.pages, start=1):
        info = planned.info
        page = Page(info.width, info.height, options.margin)
        canvas.setPageSize((info.width, info.height))
        _outline(canvas, plan.pages, number)
        canvas.setLineCap(1)  # round: dots are drawn as zero-length lines (Pen.dots)
        canvas.setLineJoin(1)
        with page.view(pen):
            planned.draw(pen, page)
            footer(pen, page, f"{title} · {info.title}", number, total, info.note)
        canvas.showPage()
        if progress is not None:
            progress(number, total)
    with binary_streams():
        canvas.save()
    return RenderedPdf(buffer.getvalue(), total, plan.warnings, plan.advice)


_saving = threading.Lock()


@contextmanager
def binary_streams() -> Iterator[None]:
    """Save compressed page streams as binary, not ASCII85 text: a quarter smaller, and reportlab
    encodes ASCII85 in pure Python (without its optional C accelerator), slower than all the
    drawing. reportlab reads this setting only from its global configuration, at save time; the
    lock keeps two exports in threads from restoring it under each other."""
    with _saving:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


def export_pdf(
    document: JourneyDocument,
    path: str | os.PathLike[str],
    options: ExportOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    source: Source = None,
) -> ExportResult:
    """Write ``document`` as a PDF at ``path``: safe to call from a worker thread.

    The file appears whole or not at all: it is written beside ``path`` and renamed over it.
    Raises ``JourneyMapError`` if the page cannot hold the map or the file cannot be written.
    """
    rendered = render_pdf(document, options, progress, source)
    target = Path(path)
    write_atomically(target, rendered.data)
    return ExportResult(target, rendered.pages, rendered.warnings)


def _metadata(canvas: Canvas, document: JourneyDocument) -> None:
    canvas.setTitle(document.title)
    canvas.setSubject(KIND_LABELS[document.kind])
    canvas.setAuthor(document.info.author)  # reportlab would say "anonymous" if left unset
    canvas.setCreator(f"journeymapper {__version__}")


def _outline(canvas: Canvas, pages: list[PlannedPage], number: int) -> None:
    """A bookmark at the first page of each part: the map, the insights, the touchpoints, each persona."""
    info = pages[number - 1].info
    continued = ("sheet", "insights", "stages", "touchpoints", "labels")
    if number > 1 and pages[number - 2].info.kind == info.kind and info.kind in continued:
        return
    key = f"page-{number}"
    canvas.bookmarkPage(key)
    parts = {"sheet": "Sheets", "insights": "Insights", "stages": "Stages", "touchpoints": "Touchpoints",
             "labels": "Connector labels"}  # fmt: skip
    title = parts.get(info.kind, info.title)
    canvas.addOutlineEntry(title, key, level=0)
