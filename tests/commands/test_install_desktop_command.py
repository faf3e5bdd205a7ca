"""``journeymapper install-desktop [--uninstall]``, against a temporary $XDG_DATA_HOME: the desktop
entry, the MIME type and the icons, what desktops make of them, and one-line errors."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from journeymapper.app_icon import ICON_FILE
from journeymapper.cli import main
from journeymapper.desktop import Installation, data_home, launch_command
from journeymapper.desktop_entry import MIME_TYPE, desktop_entry

from support import SAMPLES

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"
PLAIN_JSON = b'{\n  "format": "geojson",\n  "name": "journeymapper",\n  "version": 1\n}\n'
COMPACT_MAP = b'{"format":"journeymapper","version":1,"id":"m","title":"T","kind":"user"}'
needs_mime_database = pytest.mark.skipif(
    shutil.which("update-mime-database") is None,
    reason="update-mime-database (Debian package shared-mime-info) is missing",
)


@pytest.fixture
def share(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def installed(share, capsys) -> Installation:
    assert main(["install-desktop"]) == 0
    capsys.readouterr()
    return Installation(share)


@pytest.fixture
def no_tools(tmp_path, monkeypatch) -> None:
    """A PATH on which none of the desktop's cache tools is found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def exec_arguments(value: str) -> list[str]:
    """The arguments a launcher reads from an Exec value: the string escapes first, then the quoting."""
    text = re.sub(
        r"\\([sntr\\])", lambda escape: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(escape.group(1), "\\"), value
    )
    arguments: list[str] = []
    current: str | None = None
    quoted = False
    characters = iter(text)
    for character in characters:
        if quoted and character == "\\":
            current += next(characters)
        elif character == '"':
            quoted, current = not quoted, current or ""
        elif character == " " and not quoted:
            if current is not None:
                arguments.append(current)
            current = None
        else:
            current = (current or "") + character
    return [*arguments, *([current] if current is not None else [])]


def magic_matches(package: Path, data: bytes) -> bool:
    """Whether the package's magic rule for the type recognises ``data``, as shared-mime-info reads it."""
    mime_type = ElementTree.parse(package).getroot().find(f"{MIME}mime-type")
    return any(_matches(match, data) for magic in mime_type.iter(f"{MIME}magic") for match in magic)


def _matches(match: ElementTree.Element, data: bytes) -> bool:
    assert match.get("type") == "string"
    value = match.get("value").encode("utf-8")
    first, _, last = match.get("offset").partition(":")
    found = data.find(value, int(first), int(last or first) + len(value))
    children = list(match)
    return found >= 0 and (not children or any(_matches(child, data) for child in children))


def test_install_writes_the_entry_the_mime_type_and_both_icons_and_says_so(share, capsys):
    assert main(["install-desktop"]) == 0
    lines = capsys.readouterr().out.splitlines()
    installation = Installation(share)
    assert lines[:4] == [f"{path}: installed" for path in installation.files()]
    assert lines[-1] == "journeymapper is in the applications menu, and file managers open map files with it"
    assert installation.app_icon.read_bytes() == installation.mime_icon.read_bytes() == ICON_FILE.read_bytes()
    assert installation.app_icon == share / "icons/hicolor/scalable/apps/journeymapper.svg"
    assert installation.mime_icon == share / "icons/hicolor/scalable/mimetypes/application-x-journeymapper+json.svg"


def test_the_desktop_entry_starts_this_journeymapper_on_the_chosen_maps(installed):
    entry = read_entry(installed.desktop_file)
    assert installed.desktop_file == installed.data_home / "applications/journeymapper.desktop"
    assert entry["Type"] == "Application"
    assert entry["Name"] == entry["Icon"] == "journeymapper"
    assert entry["GenericName"] == "Journey map editor"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["StartupWMClass"] == "journeymapper"
    assert entry["Categories"] == "Office;FlowChart;"
    *command, field = exec_arguments(entry["Exec"])
    assert field == "%F"
    assert command == launch_command()
    assert os.path.isabs(command[0]) and os.access(command[0], os.X_OK)
    assert entry["TryExec"] == command[0]
    started = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False, timeout=120)
    assert started.stdout.startswith("journeymapper ")


def test_run_from_its_console_script_the_entry_names_that_script(monkeypatch):
    script = Path(sys.executable).parent / "journeymapper"
    if not script.is_file():
        pytest.skip("journeymapper is not installed as a console script beside this Python")
    monkeypatch.setattr(sys, "argv", [str(script), "install-desktop"])
    assert launch_command() == [str(script)]


def test_exec_quotes_a_path_with_spaces_quotes_dollars_backslashes_and_percents():
    awkward = ['/opt/my apps/"jm" $HOME\\bin 100%', "-m", "journeymapper"]
    exec_line = next(line for line in desktop_entry(awkward).splitlines() if line.startswith("Exec="))
    assert exec_line == r'Exec="/opt/my apps/\\"jm\\" \\$HOME\\\\bin 100%%" -m journeymapper %F'
    arguments = exec_arguments(exec_line.removeprefix("Exec="))
    assert [argument.replace("%%", "%") for argument in arguments] == [*awkward, "%F"]


def test_the_mime_type_recognises_maps_by_content_and_leaves_other_json_alone(installed):
    root = ElementTree.parse(installed.mime_file).getroot()
    (mime_type,) = root.findall(f"{MIME}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert mime_type.find(f"{MIME}comment").text == "Journey map"
    assert mime_type.find(f"{MIME}sub-class-of").get("type") == "application/json"
    assert mime_type.find(f"{MIME}icon").get("name") == "application-x-journeymapper+json"
    glob = mime_type.find(f"{MIME}glob")
    assert glob.get("pattern") == "*.json" and int(glob.get("weight")) < 50  # below application/json's
    assert int(mime_type.find(f"{MIME}magic").get("priority")) >= 80
    for sample in SAMPLES:
        assert magic_matches(installed.mime_file, sample.read_bytes()[:4096]), sample.name
    assert magic_matches(installed.mime_file, COMPACT_MAP)
    assert not magic_matches(installed.mime_file, PLAIN_JSON)


def test_uninstall_removes_those_files_and_nothing_else_and_may_run_twice(installed, capsys):
    others = [
        installed.data_home / "applications" / "other.desktop",
        installed.data_home / "mime" / "packages" / "other.xml",
        installed.data_home / "icons" / "hicolor" / "scalable" / "apps" / "other.svg",
    ]
    for other in others:
        other.write_text("someone else's")
    assert main(["install-desktop", "--uninstall"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [f"{path}: removed" for path in installed.files()]
    assert not any(path.exists() for path in installed.files())
    assert all(other.read_text() == "someone else's" for other in others)
    assert main(["install-desktop", "--uninstall"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"journeymapper was not installed under {installed.data_home}: nothing to remove"
    )


def test_installing_again_replaces_the_files_whole(installed, capsys):
    before = {path: path.read_bytes() for path in installed.files()}
    installed.desktop_file.write_text("[Desktop Entry]\nExec=/gone/journeymapper %F\n")
    installed.app_icon.write_bytes(b"")
    assert main(["install-desktop"]) == 0
    assert {path: path.read_bytes() for path in installed.files()} == before
    folders = {path.parent for path in installed.files()}
    assert not [name for folder in folders for name in os.listdir(folder) if name.endswith(".tmp")]


def test_an_unwritable_data_folder_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"journeymapper: {blocker}/applications/journeymapper.desktop: cannot install: Not a directory\n"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_data_folder_is_one_line_and_exit_1(share, capsys):
    share.mkdir()
    share.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert main(["install-desktop"]) == 1
    finally:
        share.chmod(stat.S_IRWXU)
    assert "cannot install: Permission denied" in capsys.readouterr().err


def test_missing_cache_tools_are_named_on_one_line_and_the_files_are_still_installed(share, no_tools, capsys):
    assert main(["install-desktop"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[4].startswith(
        "not found, so not run: update-mime-database, update-desktop-database, "
        "gtk-update-icon-cache; until update-mime-database"
    )
    assert all(path.is_file() for path in Installation(share).files())


def test_a_failing_cache_tool_is_one_line_and_exit_1(share, tmp_path, monkeypatch, capsys):
    tools = tmp_path / "bin"
    tools.mkdir()
    tool = tools / "update-mime-database"
    tool.write_text("#!/bin/sh\necho 'cannot write the cache' >&2\nexit 3\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    assert main(["install-desktop"]) == 1
    assert capsys.readouterr().err == (
        f"journeymapper: update-mime-database {share / 'mime'}: failed (exit status 3): cannot write the cache\n"
    )


def test_the_data_folder_is_xdg_data_home_unless_unset_or_relative(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for value, expected in (
        (str(tmp_path / "data"), tmp_path / "data"),
        ("", tmp_path / ".local/share"),
        ("relative/share", tmp_path / ".local/share"),
    ):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert data_home() == expected
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_home() == tmp_path / ".local/share"


@needs_mime_database
def test_after_install_the_mime_database_knows_the_type(installed):
    generated = installed.data_home / "mime" / "application" / "x-journeymapper+json.xml"
    assert "Journey map" in generated.read_text(encoding="utf-8")


@needs_mime_database
def test_qt_file_managers_recognise_maps_and_not_other_json(installed, tmp_path):
    plain, compact = tmp_path / "package.json", tmp_path / "compact.json"
    plain.write_bytes(PLAIN_JSON)
    compact.write_bytes(COMPACT_MAP)
    probe = (
        "import sys; from PySide6.QtCore import QMimeDatabase; database = QMimeDatabase(); "
        "print(*(database.mimeTypeForFile(path).name() for path in sys.argv[1:]))"
    )
    files = [*map(str, SAMPLES), str(compact), str(plain)]
    result = subprocess.run(
        [sys.executable, "-c", probe, *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "XDG_DATA_HOME": str(installed.data_home)},
    )
    assert result.stdout.split() == [MIME_TYPE] * (len(SAMPLES) + 1) + ["application/json"]


@needs_mime_database
@pytest.mark.skipif(shutil.which("gio") is None, reason="gio (Debian package libglib2.0-bin) is missing")
def test_gnome_file_managers_recognise_maps_and_offer_journeymapper(installed, tmp_path):
    environment = {**os.environ, "XDG_DATA_HOME": str(installed.data_home)}
    plain = tmp_path / "package.json"
    plain.write_bytes(PLAIN_JSON)

    def content_type(path: Path) -> str:
        result = subprocess.run(
            ["gio", "info", "--attributes=standard::content-type", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            env=environment,
            check=True,
        )
        return result.stdout.split()[-1]

    assert [content_type(sample) for sample in SAMPLES] == [MIME_TYPE] * len(SAMPLES)
    assert content_type(plain) == "application/json"
    handlers = subprocess.run(
        ["gio", "mime", MIME_TYPE], capture_output=True, text=True, timeout=60, env=environment, check=True
    )
    assert handlers.stdout.splitlines()[0].endswith(": journeymapper.desktop")


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (Debian package desktop-file-utils) is missing",
)
def test_the_desktop_entry_passes_desktop_file_validate(installed):
    result = subprocess.run(
        ["desktop-file-validate", str(installed.desktop_file)], capture_output=True, text=True, check=False, timeout=60
    )
    errors = [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]
    assert (result.returncode, errors) == (0, [])


def test_the_command_runs_without_loading_qt(share):
    probe = (
        "import sys; from journeymapper.cli import main; "
        "assert main(['install-desktop']) == 0; assert main(['install-desktop', '--uninstall']) == 0; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
