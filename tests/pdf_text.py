"""How large a PDF prints its text, read from the file itself (shared by the PDF and command tests)."""

from __future__ import annotations

import io
import math

import pypdf


def text_sizes(data: bytes) -> list[list[float]]:
    """The printed size in points of every piece of text on each page, read from the PDF itself:
    the font size times the text matrix's and the page transformation's vertical scale."""
    return [_page_sizes(page) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _page_sizes(page: pypdf.PageObject) -> list[float]:
    found: list[float] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(text_matrix[2], text_matrix[3]) * math.hypot(matrix[2], matrix[3])
            found.append(round(size * scale, 2))  # the file keeps its numbers to a few decimals

    page.extract_text(visitor_text=visit)
    return found


def smallest_text(data: bytes, page: int = 0) -> float:
    return min(text_sizes(data)[page])


MAP_PARTS = ("Map", "How the sheets fit together", "Sheets")  # the outline's names of the map's own pages


def map_text_sizes(data: bytes) -> list[float]:
    """The sizes of the text on the map's own pages (the map, or a poster's cover and sheets), not
    on the insights and appendix pages that follow them, as the PDF's outline tells them apart."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    starts = [reader.get_destination_page_number(entry) for entry in reader.outline if entry.title not in MAP_PARTS]
    end = min(starts, default=len(reader.pages))
    return [size for page in text_sizes(data)[:end] for size in page]
