"""Upgrades of map files written by older journeymapper versions.

``MIGRATIONS[n]`` turns the parsed content of a version-``n`` file into version ``n + 1``. Format
version 1 is the first published format, so there is nothing to upgrade yet; when the format
changes, bump ``FORMAT_VERSION`` in model/schema.py and add the step from the old version here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeymapper.model.schema import FORMAT_VERSION

Content = dict[str, Any]
MIGRATIONS: dict[int, Callable[[Content], Content]] = {}


def migrate(content: Content, version: int) -> Content:
    """Apply each upgrade from ``version`` to the current format version, in turn."""
    while version < FORMAT_VERSION:
        if version not in MIGRATIONS:
            raise ValueError(f"version {version} was never a published format")
        content = {**MIGRATIONS[version](content), "version": version + 1}
        version += 1
    return content
