"""The model, the layout engine, the JSON format and the command line never load Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = [
    "journeymapper.model",
    "journeymapper.layout",
    "journeymapper.formats.json_format",
    "journeymapper.formats.mermaid",
    "journeymapper.commands.mermaid_command",
    "journeymapper.commands.from_mermaid_command",
    "journeymapper.commands.install_desktop_command",
    "journeymapper.desktop",
    "journeymapper.cli",
    "journeymapper.portfolio",
    "journeymapper.model.insights",
    "journeymapper.palette",
]


@pytest.mark.parametrize("module", QT_FREE)
def test_importing_loads_no_pyside(module):
    probe = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
