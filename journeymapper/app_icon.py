"""Where journeymapper's application icon is: for the editor's windows and for the desktop entry.

The icon lives in the repository's resources/icons. A wheel installs it as the package's icons/
folder (pyproject.toml maps one to the other, as it does the fonts); a source checkout and an
editable install have no such folder and read it where it is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGED = resources.files("journeymapper") / "icons"
CHECKOUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICON_FILE = Path(str(PACKAGED if PACKAGED.is_dir() else CHECKOUT)) / "journeymapper.svg"
