"""PDF export: print-ready vector journey maps, drawn from the same layout as the editor's canvas.

    from journeymapper.formats.pdf import ExportOptions, export_pdf, page_size
    options = ExportOptions(page=page_size("A3"), mode="tile", scale=1.0, appendix=True)
    result = export_pdf(document, "map.pdf", options, progress=lambda done, total: ...)
    result.warnings  # e.g. text under 6 pt, characters no installed font has
    svg = render_svg(document, options)  # the map page alone as SVG: svg.data, svg.width, svg.height

``plan_pages(document, options)`` says how the map falls across pages without drawing anything,
for a preview. Nothing here imports Qt.

The names below load on first use: the command line registers ``export``
(``commands/export_command.py``) on every run, and reportlab, which only an export needs, takes
longer to import than the rest of it.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see
    from journeymapper.formats.pdf.export import (
        ExportResult,
        Progress,
        RenderedPdf,
        export_pdf,
        plan_pages,
        render_pdf,
    )
    from journeymapper.formats.pdf.options import NAMED_SIZES, ExportOptions, PageSize, length, page_size
    from journeymapper.formats.pdf.plan import PageInfo, PagePlan
    from journeymapper.formats.pdf.svg import RenderedSvg, render_svg

_HOMES = {
    "ExportResult": "export",
    "Progress": "export",
    "RenderedPdf": "export",
    "export_pdf": "export",
    "plan_pages": "export",
    "render_pdf": "export",
    "NAMED_SIZES": "options",
    "ExportOptions": "options",
    "PageSize": "options",
    "length": "options",
    "page_size": "options",
    "PageInfo": "plan",
    "PagePlan": "plan",
    "RenderedSvg": "svg",
    "render_svg": "svg",
}
__all__ = [  # the names of _HOMES, spelt out for tools that read them without running this
    "NAMED_SIZES",
    "ExportOptions",
    "ExportResult",
    "PageInfo",
    "PagePlan",
    "PageSize",
    "Progress",
    "RenderedPdf",
    "RenderedSvg",
    "export_pdf",
    "length",
    "page_size",
    "plan_pages",
    "render_pdf",
    "render_svg",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
