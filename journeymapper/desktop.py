"""journeymapper as a desktop application of the current user: a freedesktop desktop entry, the
icon and a MIME type for map files, under $XDG_DATA_HOME (by default ~/.local/share), where
desktops look for a user's own applications. Nothing outside that folder is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from journeymapper.app_icon import APP_ID, ICON_FILE
from journeymapper.desktop_entry import MIME_ICON, desktop_entry, mime_package
from journeymapper.errors import JourneyMapError
from journeymapper.formats.files import write_atomically

MIME_DATABASE_TOOL = "update-mime-database"
_TOOL_TIMEOUT = 120  # seconds: on a user's own folders each tool takes well under one


@dataclass(frozen=True, slots=True)
class Installation:
    """The files that make journeymapper a desktop application, under one data folder."""

    data_home: Path

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_file(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def app_icon(self) -> Path:
        return self._icons / "apps" / f"{APP_ID}.svg"

    @property
    def mime_icon(self) -> Path:
        return self._icons / "mimetypes" / f"{MIME_ICON}.svg"

    @property
    def _icons(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable"

    def files(self) -> tuple[Path, ...]:
        return self.desktop_file, self.mime_file, self.app_icon, self.mime_icon

    def cache_updates(self) -> tuple[tuple[str, ...], ...]:
        """The commands that bring the desktop's caches of these folders up to date."""
        return (
            (MIME_DATABASE_TOOL, str(self.data_home / "mime")),
            ("update-desktop-database", "--quiet", str(self.desktop_file.parent)),
            # A user's hicolor folder has no index.theme of its own: the system's applies.
            (
                "gtk-update-icon-cache",
                "--quiet",
                "--force",
                "--ignore-theme-index",
                str(self.data_home / "icons" / "hicolor"),
            ),
        )


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or (as the spec says to treat it)
    relative."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(configured):
        return Path(configured)
    try:
        return Path.home() / ".local" / "share"
    except RuntimeError:
        raise JourneyMapError("cannot tell where the home folder is: set HOME or XDG_DATA_HOME") from None


def launch_command() -> list[str]:
    """The command that starts the journeymapper that is running now: its console script, or this
    Python with ``-m journeymapper`` when it runs some other way (``python -m journeymapper``)."""
    script = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if Path(script).name == APP_ID and os.path.isfile(script) and os.access(script, os.X_OK):
        return [script]
    return [sys.executable, "-m", "journeymapper"]


def install(installation: Installation) -> list[Path]:
    """Write the desktop entry, the MIME type and the icons; returns the files written."""
    try:
        icon = ICON_FILE.read_bytes()
    except OSError:
        raise JourneyMapError(f"{ICON_FILE}: the application icon is missing; reinstall journeymapper") from None
    command = launch_command()
    try:
        entry = desktop_entry(command).encode("utf-8")
    except UnicodeEncodeError:  # a path of undecodable bytes, which a desktop entry cannot hold
        raise JourneyMapError(
            f"{command[0]!r}: the path of journeymapper is not valid UTF-8, as a desktop "
            "entry needs; install journeymapper under another path"
        ) from None
    contents = {
        installation.desktop_file: entry,
        installation.mime_file: mime_package().encode("utf-8"),
        installation.app_icon: icon,
        installation.mime_icon: icon,
    }
    for path, data in contents.items():
        write_atomically(path, data, action="install", make_folder=True)
    return list(contents)


def uninstall(installation: Installation) -> list[Path]:
    """Remove the files ``install`` writes, where they exist; returns those removed."""
    removed = []
    for path in installation.files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise JourneyMapError(f"{path}: cannot remove: {error.strerror or error}") from None
        removed.append(path)
    return removed


def update_caches(installation: Installation) -> list[str]:
    """Run the desktop's cache tools on the folders that exist; returns the tools not installed.

    Without them the files are in place but unseen until the tools next run (update-mime-database
    above all: without its output no file manager knows the MIME type)."""
    missing = []
    for command in installation.cache_updates():
        program = shutil.which(command[0])
        if program is None:
            missing.append(command[0])
        elif Path(command[-1]).is_dir():
            _run(program, command)
    return missing


def _run(program: str, command: tuple[str, ...]) -> None:
    try:
        result = subprocess.run(
            [program, *command[1:]],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=_TOOL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise JourneyMapError(f"{command[0]} {command[-1]}: could not run: {error}") from None
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise JourneyMapError(
            f"{command[0]} {command[-1]}: failed (exit status {result.returncode})" + (f": {said[-1]}" if said else "")
        )
