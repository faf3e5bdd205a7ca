"""``journeymapper install-desktop [--uninstall]``: journeymapper in the current user's applications
menu, with its icon, and map files opened with it from the file manager (``journeymapper.desktop``)."""

from __future__ import annotations

import argparse

from journeymapper import desktop


def add_install_desktop_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``install-desktop``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "install-desktop",
        help="add journeymapper to your desktop's applications menu, and let file managers open maps with it",
        description="Installs, for the current user under $XDG_DATA_HOME (~/.local/share), a desktop entry, "
        "the icon and a MIME type that recognises journeymapper maps by their content.",
    )
    command.add_argument("--uninstall", action="store_true", help="remove what install-desktop installed")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    installation = desktop.Installation(desktop.data_home())
    if arguments.uninstall:
        removed = desktop.uninstall(installation)
        for path in removed:
            print(f"{path}: removed")
        done = (
            "journeymapper is no longer in the applications menu, nor offered for map files"
            if removed
            else f"journeymapper was not installed under {installation.data_home}: nothing to remove"
        )
    else:
        for path in desktop.install(installation):
            print(f"{path}: installed")
        done = "journeymapper is in the applications menu, and file managers open map files with it"
    missing = desktop.update_caches(installation)
    if missing:
        print(
            f"not found, so not run: {', '.join(missing)}; "
            + (
                f"until {desktop.MIME_DATABASE_TOOL} (Debian package shared-mime-info) runs, file managers do not "
                "know of the change to map files"
                if desktop.MIME_DATABASE_TOOL in missing
                else "the desktop finds the files without them"
            )
        )
    print(done)
    return 0
