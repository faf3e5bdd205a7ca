"""The command line against hostile files and unlucky moments, run as a user runs it (a real
process): special files are refused within a bounded time, map text cannot drive the terminal, a
full disk on standard output is one line, and Ctrl+C during start-up prints no traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeymapper.formats.json_format import dumps, save

from support import SAMPLES, build_small_map

posix_only = pytest.mark.skipif(os.name != "posix", reason="special files and signals as POSIX has them")
BOUND = 30  # seconds: far more than any refusal takes, far less than a hang


def journeymapper(*arguments: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeymapper", *arguments],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=BOUND,
    )


def one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture
def special_files(tmp_path) -> dict[str, Path]:
    """A link to an endless device, one whose relative path climbs to it, and a named pipe."""
    files = {"device.json": "/dev/zero", "climbing.json": "../" * len(tmp_path.parts) + "dev/zero"}
    for name, target in files.items():
        (tmp_path / name).symlink_to(target)
    os.mkfifo(tmp_path / "pipe.json")
    return {name: tmp_path / name for name in (*files, "pipe.json")}


@posix_only
@pytest.mark.parametrize("command", ["validate", "stats", "insights", "mermaid", "export"])
def test_every_command_refuses_devices_and_pipes_in_one_line(special_files, tmp_path, command):
    options = ["-o", str(tmp_path / "out.pdf")] if command == "export" else []
    for path in special_files.values():
        result = journeymapper(command, str(path), *options)
        assert result.returncode == 1
        assert "not a regular file" in one_clean_line(result)


@posix_only
def test_from_mermaid_refuses_a_pipe(special_files, tmp_path):
    os.mkfifo(tmp_path / "draft.mmd")
    result = journeymapper("from-mermaid", str(tmp_path / "draft.mmd"), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 1 and "a named pipe, not a regular file" in one_clean_line(result)


@posix_only
def test_a_portfolio_lists_special_files_and_links_to_them_as_broken(special_files, tmp_path):
    document = build_small_map()
    document.update_stage(
        "pay",
        links=[{"path": "pipe.json", "map_id": "x"}, {"path": "../" * len(tmp_path.parts) + "dev/zero", "map_id": "x"}],
    )
    save(document, tmp_path / "map.json")
    result = journeymapper("portfolio", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    portfolio = json.loads(result.stdout)
    assert {failure["path"] for failure in portfolio["unreadable"]} == set(special_files)
    assert [link["status"] for link in portfolio["links"]] == ["unreadable", "unreadable"]
    assert all("not a regular file" in link["detail"] for link in portfolio["links"])


@posix_only
def test_a_write_to_a_device_is_refused_and_a_dash_means_standard_output(tmp_path):
    (tmp_path / "null.mmd").symlink_to("/dev/null")
    result = journeymapper("mermaid", str(SAMPLES[0]), "-o", str(tmp_path / "null.mmd"))
    assert result.returncode == 1 and "it leads to /dev/null, a device, not a regular file" in one_clean_line(result)
    assert "('-' writes to standard output)" in result.stderr
    assert Path("/dev/null").is_char_device()
    piped = journeymapper("mermaid", str(SAMPLES[0]), "-o", "/dev/stdout")
    assert piped.returncode == 1 and "a named pipe, not a regular file" in one_clean_line(piped)
    assert journeymapper("mermaid", str(SAMPLES[0]), "-o", "-").stdout.startswith("journey\n")


# -- what reaches the terminal ----------------------------------------------------------------

HOSTILE = "Review \x1b]0;owned\x07\x1b[2J\x9b31m"


@pytest.fixture
def hostile_map(tmp_path) -> Path:
    text = dumps(build_small_map()).replace('"title": "Checkout",', f'"title": {json.dumps(HOSTILE)},', 1)
    text = text.replace('"title": "Charge card"', f'"title": {json.dumps("Charge " + HOSTILE)}')
    (tmp_path / "map.json").write_text(text, encoding="utf-8")
    return tmp_path / "map.json"


@pytest.mark.parametrize("command", [["stats"], ["insights"], ["mermaid"], ["portfolio"]])
def test_map_text_reaches_the_terminal_with_its_control_characters_escaped(hostile_map, command):
    target = hostile_map.parent if command == ["portfolio"] else hostile_map
    result = journeymapper(*command, str(target))
    assert result.returncode == 0, result.stderr
    assert not any(char in result.stdout for char in "\x1b\x07\x9b")
    assert "Review" in result.stdout


@pytest.mark.parametrize("command", [["stats", "--json"], ["insights", "--json"], ["portfolio", "--json"]])
def test_json_output_keeps_the_exact_text(hostile_map, command):
    target = hostile_map.parent if command[0] == "portfolio" else hostile_map
    result = journeymapper(*command, str(target))
    assert not any(char in result.stdout for char in "\x1b\x07\x9b")
    printed = json.loads(result.stdout)
    title = printed["maps"][0]["title"] if command[0] == "portfolio" else printed["title"]
    assert title == HOSTILE


def test_an_error_naming_a_hostile_file_name_is_escaped_too(tmp_path):
    result = journeymapper("validate", str(tmp_path / "\x1b[2Jmissing.json"))
    assert "\x1b" not in result.stderr and "\\u001b[2Jmissing.json: cannot read" in one_clean_line(result)


# -- a full disk on standard output -----------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [
    ["schema"], ["validate", str(SAMPLES[0])], ["stats", str(SAMPLES[0])], ["stats", "--json", str(SAMPLES[0])],
    ["insights", str(SAMPLES[0])], ["portfolio", str(SAMPLES[0].parent)], ["mermaid", str(SAMPLES[0])],
    ["export", str(SAMPLES[0]), "-o", "-"], ["new", "--kind", "user", "-o", "-"], ["--help"],
])  # fmt: skip
def test_a_full_disk_on_standard_output_is_one_line(command):
    with open("/dev/full", "w") as full:
        result = journeymapper(*command, stdout=full)
    assert result.returncode == 1
    assert "cannot write to standard output: No space left on device" in one_clean_line(result)


# -- Ctrl+C -----------------------------------------------------------------------------------

# What the journeymapper script runs, saying "ready" once it has imported the entry point. Ctrl+C
# before that falls in Python's own start-up (its site module), which no program written in Python
# can quieten; the entry point's module imports nothing but sys, so that this stays all there is.
# Nor can it quieten the few bytecodes between the import and the call of ``console``, which sets
# Ctrl+C's default first: the signals below come a few milliseconds after "ready" at the soonest.
LAUNCHER = "import sys; from journeymapper.cli import console; print('ready', flush=True); sys.exit(console())"


def assert_interrupted_quietly(arguments: list[str], delay: float, environment: dict[str, str] | None = None) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, *arguments],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "ready\n"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=BOUND)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert process.returncode in (0, 130, -signal.SIGINT)


@posix_only
@pytest.mark.parametrize("delay", [0.005, 0.01, 0.03, 0.1, 0.2, 0.4])
def test_ctrl_c_during_start_up_ends_quietly(delay):
    assert_interrupted_quietly(["validate", *map(str, SAMPLES)], delay)


@posix_only
@pytest.mark.parametrize("delay", [0.005, 0.05, 0.2, 0.5, 1.0])
def test_ctrl_c_while_the_editor_starts_ends_quietly(tmp_path, delay):
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    assert_interrupted_quietly([str(SAMPLES[0])], delay, environment)
