"""Where journeymapper's application icon is, and its name: for the editor's windows and for the
desktop entry.

The icon lives in the repository's resources/icons. A wheel installs it as the package's icons/
folder (pyproject.toml maps one to the other, as it does the fonts); a source checkout and an
editable install have no such folder and read it where it is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

APP_ID = "journeymapper"
"""The desktop entry's file name (without .desktop), the icon's name and the window class. Here
rather than in ``desktop_entry``, which the editor does not need to start."""
PACKAGED = resources.files("journeymapper") / "icons"
CHECKOUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICON_FILE = Path(str(PACKAGED if PACKAGED.is_dir() else CHECKOUT)) / "journeymapper.svg"
