"""What the desktop integration files say: the freedesktop desktop entry that puts journeymapper in
the applications menu, and the shared-mime-info package that tells map files from other JSON.

Map files end in .json, as countless other files do, so the MIME type recognises them by their
first bytes: ``"format": "journeymapper"``, which journeymapper writes as the first key of every map.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from journeymapper.app_icon import APP_ID
from journeymapper.model.schema import FORMAT_TAG

MIME_TYPE = "application/x-journeymapper+json"
MIME_ICON = MIME_TYPE.replace("/", "-")  # the icon name shared-mime-info derives from the type
# The spec's characters that make an Exec argument need quoting, and those that must then be
# escaped inside the quotes.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def desktop_entry(command: Sequence[str]) -> str:
    """The desktop entry that starts ``command`` (a program and its arguments) on the chosen maps."""
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",  # the newest that desktop-file-validate of Debian 12 knows; nothing here needs 1.5
            f"Name={APP_ID}",
            "GenericName=Journey map editor",
            "Comment=Draw customer, user and business journey maps and export them as PDF",
            "Keywords=journey map;customer journey;user journey;service blueprint;swimlane;",
            # TryExec hides the entry once the program is gone (a deleted virtual environment, say)
            # rather than leaving a menu item that fails.
            f"TryExec={_string(command[0])}",
            f"Exec={_string(' '.join(map(_exec_argument, command)))} %F",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;FlowChart;",  # one main category, or menus list it twice
            f"MimeType={MIME_TYPE};",
            f"StartupWMClass={APP_ID}",  # Qt's window class is the application name (editor.app)
            "",
        )
    )


def _exec_argument(argument: str) -> str:
    """One argument of Exec, quoted as the desktop entry spec says when it has to be."""
    if not argument or not _RESERVED.isdisjoint(argument):
        argument = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    return argument.replace("%", "%%")  # a lone % would start a field code such as %F


def _string(value: str) -> str:
    """A value of type string: the escapes apply on top of Exec's quoting, so a backslash inside
    quotes ends up as four."""
    return "".join(_STRING_ESCAPES.get(char, char) for char in value)


def mime_package() -> str:
    """The shared-mime-info package for map files."""
    # A *.json glob of low weight makes every .json file a candidate, so that desktops (GIO, Qt)
    # read its first bytes instead of settling on application/json by name; the magic then picks
    # maps out, and any other JSON file stays application/json, whose glob weighs more.
    patterns = "".join(
        f'\n      <match type="string" offset="0:256" value={quoteattr(pattern)}/>'
        for pattern in (f'"format": "{FORMAT_TAG}"', f'"format":"{FORMAT_TAG}"')  # as written; compact
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Journey map</comment>
    <sub-class-of type="application/json"/>
    <icon name="{MIME_ICON}"/>
    <glob pattern="*.json" weight="10"/>
    <magic priority="80">{patterns}
    </magic>
  </mime-type>
</mime-info>
"""
