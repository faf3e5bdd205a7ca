"""What the editor puts on the clipboard and in drags: vendor MIME types carrying validated JSON."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from PySide6.QtCore import QMimeData

from journeymapper.model import Connection, LaneKind, Touchpoint

PALETTE_MIME = "application/x-journeymapper-palette+json"
CARDS_MIME = "application/x-journeymapper-cards+json"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NewTouchpoint(_Entry):
    item: Literal["touchpoint"] = "touchpoint"
    channel: Annotated[str, Field(max_length=80)] = ""
    label: Annotated[str, Field(max_length=80)] = "Touchpoint"


class NewStage(_Entry):
    item: Literal["stage"] = "stage"


class NewLane(_Entry):
    item: Literal["lane"] = "lane"
    kind: LaneKind = LaneKind.TEAM


PaletteEntry = Annotated[NewTouchpoint | NewStage | NewLane, Field(discriminator="item")]
# Built at the first drop, not before the editor's first frame.
_PALETTE = TypeAdapter(PaletteEntry, config=ConfigDict(defer_build=True))


class ClipboardCards(_Entry):
    """Copied cards with the connections among them; ids are replaced on paste."""

    model_config = ConfigDict(defer_build=True)  # its validator is built at the first paste
    touchpoints: tuple[Touchpoint, ...]
    connections: tuple[Connection, ...] = ()


def palette_mime(entry: NewTouchpoint | NewStage | NewLane) -> QMimeData:
    mime = QMimeData()
    mime.setData(PALETTE_MIME, entry.model_dump_json().encode())
    return mime


def palette_entry(mime: QMimeData) -> NewTouchpoint | NewStage | NewLane | None:
    """The palette entry a drag carries, or None if it carries none or something malformed."""
    if not mime.hasFormat(PALETTE_MIME):
        return None
    try:
        return _PALETTE.validate_json(bytes(mime.data(PALETTE_MIME).data()))
    except ValidationError:
        return None


def cards_mime(cards: ClipboardCards, plain_text: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(CARDS_MIME, cards.model_dump_json().encode())
    mime.setText(plain_text)
    return mime


def clipboard_cards(mime: QMimeData) -> ClipboardCards | None:
    if not mime.hasFormat(CARDS_MIME):
        return None
    try:
        return ClipboardCards.model_validate_json(bytes(mime.data(CARDS_MIME).data()))
    except ValidationError:
        return None
