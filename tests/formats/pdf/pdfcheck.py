"""Helpers for the PDF tests: maps with awkward text, and the outside checks (qpdf, pdftoppm, pypdf)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from journeymapper.model import Connection, JourneyDocument, Lane, LaneKind, Persona, Stage, Touchpoint

INJECTION = '<b>Pay</b> & <img src="file:///etc/passwd"/>'
CYRILLIC = "Оплата заказа картой"
ACCENTED = "Réservation confirmée à Zürich"
GREEK = "Επιβεβαίωση παραγγελίας"


def unicode_map() -> JourneyDocument:
    """A small service blueprint whose card titles need more than ASCII, and one that looks like markup."""
    document = JourneyDocument("unicode-map", "Küche & Café <Übersicht>", "service_blueprint", author="Zoë Ðorđević")
    document.add_persona(Persona(id="guest", name="Ирина", role="Гость", goals=["Быстро оплатить"]))
    for stage_id, name in (("book", "Réserver"), ("pay", "Payer")):
        document.add_stage(Stage(id=stage_id, name=name))
    lanes = (("actions", LaneKind.ACTIONS), ("front", LaneKind.FRONTSTAGE), ("back", LaneKind.BACKSTAGE),
             ("support", LaneKind.SUPPORT), ("mood", LaneKind.EMOTIONS))  # fmt: skip
    for lane_id, kind in lanes:
        document.add_lane(Lane(id=lane_id, name=lane_id.title(), kind=kind, colour="#4477aa"))
    cards = (
        ("c1", "book", "actions", ACCENTED, 1),
        ("c2", "book", "front", GREEK, 0),
        ("c3", "pay", "actions", CYRILLIC, -1),
        ("c4", "pay", "back", INJECTION, None),
        ("c5", "pay", "support", "Ledger & <script>alert(1)</script>", None),
    )
    for card_id, stage, lane, title, emotion in cards:
        document.add_touchpoint(Touchpoint(id=card_id, stage=stage, lane=lane, title=title, emotion=emotion,
                                           personas=["guest"] if emotion is not None else [],
                                           pain_points=["<i>slow</i> & \"odd\""], channel="e-mail"))  # fmt: skip
    document.add_connection(Connection(id="k1", source="c1", target="c3", label="<u>next</u>", conversion_rate=0.5))
    document.add_connection(Connection(id="k2", source="c3", target="c4", kind="handoff"))
    document.add_connection(Connection(id="k3", source="c2", target="c5", kind="dependency"))
    return document


def busy_map(cards: int, stages: int = 6, lanes: int = 4) -> JourneyDocument:
    """Many cards with long titles, pain points and metrics, spread over every cell, one chain of flows."""
    document = JourneyDocument("busy-map", "Busy map", "customer")
    for number in range(stages):
        document.add_stage(Stage(id=f"s{number}", name=f"Stage {number} with a name long enough to wrap"))
    for number in range(lanes):
        document.add_lane(Lane(id=f"l{number}", name=f"Lane {number}", colour="#228833"))
    for number in range(cards):
        document.add_touchpoint(Touchpoint(
            id=f"t{number}", stage=f"s{number % stages}", lane=f"l{number // stages % lanes}", index=999,
            title=f"Card {number}: " + "a fairly long title that wraps " * (number % 3), channel="email",
            emotion=number % 5 - 2, pain_points=["Too slow " * (number % 7)] * (number % 3),
            metrics={"Conversion": {"value": number % 100, "unit": "%"}},
        ))  # fmt: skip
    for number in range(cards - 1):
        document.add_connection(Connection(id=f"k{number}", source=f"t{number}", target=f"t{number + 1}",
                                           label="next" if number % 4 == 0 else ""))  # fmt: skip
    return document


def squeezed(text: str) -> str:
    """Text without whitespace: a wrapped title and its extracted lines compare equal."""
    return "".join(text.split())


def page_texts(data: bytes) -> list[str]:
    return [squeezed(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def needs(binary: str) -> str:
    path = shutil.which(binary)
    if path is None:
        pytest.skip(f"{binary} is not installed (Debian: apt-get install qpdf poppler-utils)")
    return path


def qpdf_check(path: Path) -> None:
    result = subprocess.run([needs("qpdf"), "--check", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def renders(path: Path, folder: Path) -> list[Path]:
    """Every page rendered to PNG at a low resolution; returns the images."""
    prefix = folder / path.stem
    result = subprocess.run([needs("pdftoppm"), "-png", "-r", "20", str(path), str(prefix)], capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    return sorted(folder.glob(f"{path.stem}*.png"))


BIDI_CONTROLS = dict.fromkeys(range(0x202A, 0x202F))


def pdftotext(path: Path) -> list[str]:
    """The text layer as poppler reads it, one line per line of text, without the embedding marks
    it wraps around right-to-left words."""
    result = subprocess.run([needs("pdftotext"), str(path), "-"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = (line.translate(BIDI_CONTROLS).strip() for line in result.stdout.splitlines())
    return [line for line in lines if line]


def render(path: Path, folder: Path, resolution: int = 60) -> Path:
    """The first page as a PNG."""
    prefix = folder / f"{path.stem}-page"
    subprocess.run([needs("pdftoppm"), "-png", "-singlefile", "-r", str(resolution), str(path), str(prefix)],
                   check=True, timeout=120)  # fmt: skip
    return prefix.with_suffix(".png")
