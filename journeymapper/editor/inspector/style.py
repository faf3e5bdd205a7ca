"""The inspector's look: colours taken from the canvas theme (light or dark) and a small style sheet.

Widgets ask ``palette()`` whenever they style themselves, so that they can do it again when the
system switches light or dark (``Inspector.restyle``)."""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.editor.theme import current_theme


@dataclass(frozen=True)
class InspectorPalette:
    text: str
    muted: str
    border: str
    base: str
    hover: str
    accent: str
    error: str
    separator: str
    selected: str

    def stylesheet(self) -> str:
        return f"""
            QWidget#inspectorPage {{ background: transparent; }}
            QLabel#caption {{ color: {self.muted}; font-size: 10px; font-weight: 600; }}
            QLabel#heading {{ color: {self.text}; font-size: 14px; font-weight: 600; }}
            QLabel#sectionTitle {{ color: {self.text}; font-size: 11px; font-weight: 600; }}
            QLabel#fieldLabel {{ color: {self.muted}; }}
            QLabel#value {{ color: {self.text}; }}
            QLabel#hint {{ color: {self.muted}; font-size: 11px; }}
            QLabel#error {{ color: {self.error}; font-size: 11px; }}
            QFrame#separator {{ background: {self.separator}; border: none; }}
            QListWidget, QTableWidget {{ border: 1px solid {self.border}; border-radius: 4px; }}
            QListWidget#personaList::item {{ padding: 2px 2px; color: {self.text}; }}
            QListWidget#personaList::item:selected {{ background: {self.selected}; color: {self.text}; }}
            QFrame#personaCard {{ border: 1px solid {self.separator}; border-radius: 6px; }}
        """

    def segment_style(self, accent: str | None, first: bool, last: bool) -> str:
        left = "4px" if first else "0px"
        right = "4px" if last else "0px"
        on = accent or self.accent
        return f"""
            QToolButton {{
                color: {self.text}; background: {self.base};
                border: 1px solid {self.border}; {"" if first else "border-left: none;"}
                border-top-left-radius: {left}; border-bottom-left-radius: {left};
                border-top-right-radius: {right}; border-bottom-right-radius: {right};
                padding: 3px 2px; font-size: 12px;
            }}
            QToolButton:hover {{ background: {self.hover}; }}
            QToolButton:checked {{ background: {on}; color: #ffffff; border-color: {on}; font-weight: 600; }}
            QToolButton:focus {{ border-color: {self.accent}; }}
        """

    def swatch_style(self, colour: str | None, chosen: bool) -> str:
        """A round chip: a colour, "no colour" (crossed out) or "custom" (a colour wheel)."""
        ring = f"2px solid {self.accent}" if chosen else f"1px solid {self.border}"
        if colour is None:
            fill = (
                f"qlineargradient(x1:0, y1:1, x2:1, y2:0, stop:0 {self.base}, stop:0.45 {self.base}, "
                f"stop:0.46 {self.error}, stop:0.54 {self.error}, stop:0.55 {self.base}, stop:1 {self.base})"
            )
        elif colour == "custom":
            fill = (
                "qconicalgradient(cx:0.5, cy:0.5, angle:90, stop:0 #ee6677, stop:0.17 #ccbb44, "
                "stop:0.33 #228833, stop:0.5 #66ccee, stop:0.67 #4477aa, stop:0.83 #aa3377, stop:1 #ee6677)"
            )
        else:
            fill = colour
        return (
            f"QToolButton {{ background: {fill}; border: {ring}; border-radius: 10px; }}"
            f" QToolButton:hover {{ border: 2px solid {self.muted}; }}"
            + (f" QToolButton:checked {{ border: 2px solid {self.accent}; }}" if chosen else "")
        )


LIGHT = InspectorPalette(
    text="#1f2633",
    muted="#6b7587",
    border="#cfd5df",
    base="#ffffff",
    hover="#eef1f6",
    accent="#2f6fed",
    error="#c62828",
    separator="#dde2ea",
    selected="#dbe6fd",
)
DARK = InspectorPalette(
    text="#e6e9ef",
    muted="#9aa3b2",
    border="#434a58",
    base="#2b303a",
    hover="#353b47",
    accent="#6d9cff",
    error="#ff6b6b",
    separator="#3a4150",
    selected="#2c3d61",
)


def palette() -> InspectorPalette:
    """The colours for the canvas theme in use."""
    return DARK if current_theme().dark else LIGHT
