"""``journeymapper export``: the sub-command as cli.py will register it, in a parser built here."""

from __future__ import annotations

import argparse
import datetime
import io
import os
import shlex
import subprocess
import sys
import time

import pypdf
import pytest

from journeymapper.commands.export_command import add_export_command
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format

from pdf_text import map_text_sizes
from support import SAMPLES, build_small_map


def run(*arguments: str) -> int:
    """What cli.main does with a sub-command: its exit status, a JourneyMapError as one line."""
    parser = argparse.ArgumentParser(prog="journeymapper")
    add_export_command(parser.add_subparsers())
    try:
        parsed = parser.parse_args(["export", *arguments])
        return parsed.run(parsed)
    except JourneyMapError as error:
        print(f"journeymapper: {error}", file=sys.stderr)
        return 1
    except SystemExit as stop:
        return int(stop.code)


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "small.json"
    json_format.save(build_small_map(), path)
    return path


def test_one_map_to_one_file(small_file, tmp_path, capsys):
    target = tmp_path / "out.pdf"
    assert run(str(small_file), "-o", str(target), "--page", "A4", "--portrait", "--appendix") == 0
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 3  # the map, the touchpoints, one persona
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height
    assert capsys.readouterr().out == f"{small_file} -> {target} (3 pages)\n"


def test_several_maps_into_a_folder(tmp_path, capsys):
    folder = tmp_path / "pdfs"
    assert run(*map(str, SAMPLES), "-o", f"{folder}/", "--tile", "--scale", "0.8", "-q") == 0
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{path.stem}.pdf" for path in SAMPLES)
    assert capsys.readouterr().out == ""


def test_scale_alone_means_tile(small_file, tmp_path):
    target = tmp_path / "out.pdf"
    assert run(str(small_file), "-o", str(target), "--scale", "1.2", "--page", "A4") == 0
    assert pypdf.PdfReader(target).outline[0].title == "How the sheets fit together"


def test_bad_maps_get_one_line_each_and_the_good_ones_are_exported(small_file, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    folder = tmp_path / "out"
    assert run(str(bad), str(small_file), str(tmp_path / "missing.json"), "-o", f"{folder}/", "-q") == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"journeymapper: {bad}: invalid JSON")
    assert lines[1].startswith(f"journeymapper: {tmp_path / 'missing.json'}: cannot read")
    assert [path.name for path in folder.iterdir()] == ["small.pdf"]


@pytest.mark.parametrize(("arguments", "message"), [
    (["--page", "B7"], "unknown page size 'B7'"),
    (["--scale", "zero"], "scale 'zero' is not a number"),
    (["--scale", "50"], "scale 50 is out of range"),
    (["--fit", "--scale", "2"], "--scale applies to --tile"),
    (["--fit", "--tile"], "not allowed with argument"),
    (["--date", "14/03/2025"], "is not YYYY-MM-DD"),
    (["--margin", "wide"], "bad length"),
    (["--dpi", "300"], "--dpi applies to a .png output"),
])  # fmt: skip
def test_bad_options_are_usage_errors(small_file, tmp_path, capsys, arguments, message):
    assert run(str(small_file), "-o", str(tmp_path / "out.pdf"), *arguments) == 2
    assert message in capsys.readouterr().err.splitlines()[-1]
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(("output", "message"), [
    ("out.json", "the output must be a .pdf, .svg or .png file"),
    ("small.json/out.pdf", "cannot write: Not a directory"),
    ("small.json", "the output must be a .pdf, .svg or .png file"),
])  # fmt: skip
def test_impossible_outputs_are_one_line_and_leave_nothing(small_file, tmp_path, capsys, output, message):
    before = sorted(tmp_path.iterdir())
    assert run(str(small_file), "-o", str(tmp_path / output)) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("output", ["new/", "new/deeper/", "new/deeper/map.pdf"])
def test_folders_that_do_not_exist_yet_are_made(small_file, tmp_path, output):
    assert run(str(small_file), "-o", f"{tmp_path}/{output}", "-q") == 0
    made = tmp_path / output if output.endswith(".pdf") else tmp_path / output / "small.pdf"
    assert made.read_bytes().startswith(b"%PDF")


def test_a_map_is_never_exported_over_without_force(tmp_path, capsys):
    oddly_named = tmp_path / "map.pdf"
    json_format.save(build_small_map(), oddly_named)
    assert run(str(oddly_named), "-o", str(oddly_named)) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert json_format.load(oddly_named).title == "Checkout"
    assert run(str(oddly_named), "-o", str(oddly_named), "--force", "-q") == 0
    assert oddly_named.read_bytes().startswith(b"%PDF")


def test_a_dash_writes_the_pdf_to_standard_output(small_file, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", str(small_file), "-o", "-"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.startswith(b"%PDF") and result.stdout.rstrip().endswith(b"%%EOF")
    assert len(pypdf.PdfReader(io.BytesIO(result.stdout)).pages) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["small.json"]


def test_several_maps_cannot_share_standard_output(small_file, capsys):
    assert run(str(small_file), str(small_file), "-o", "-") == 1
    assert "several maps cannot all go to standard output" in capsys.readouterr().err


def test_several_maps_need_a_folder(small_file, tmp_path, capsys):
    (tmp_path / "file.pdf").write_bytes(b"")
    assert run(str(small_file), str(small_file), "-o", str(tmp_path / "file.pdf")) == 1
    assert "several maps need a folder" in capsys.readouterr().err


def test_the_title_date_is_the_map_files_date_unless_told(small_file, tmp_path, monkeypatch):
    os.utime(small_file, (0, datetime.datetime(2024, 5, 6, 12).timestamp()))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def first_page(*arguments: str) -> str:
        target = tmp_path / "out.pdf"
        assert run(str(small_file), "-o", str(target), *arguments) == 0
        return pypdf.PdfReader(target).pages[0].extract_text()

    assert "6 May 2024" in first_page()
    assert "1 February 2023" in first_page("--date", "2023-02-01")
    assert "2024" not in first_page("--date", "none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2022, 7, 8, 12).timestamp())))
    assert "8 July 2022" in first_page()


@pytest.fixture
def paper(monkeypatch):
    """Set the locale whose paper the export chooses from: ``paper("en_US.UTF-8")``."""

    def use(locale: str) -> None:
        for key in ("LC_ALL", "LC_PAPER"):
            monkeypatch.delenv(key, raising=False)
        monkeypatch.setenv("LANG", locale)

    return use


@pytest.mark.parametrize("locale", ["en_GB.UTF-8", "en_US.UTF-8"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_each_sample_exported_without_options_prints_every_text_at_6_pt_or_more(sample, locale, tmp_path, paper,
                                                                                 capsys):  # fmt: skip
    paper(locale)
    target = tmp_path / "out.pdf"
    assert run(str(sample), "-o", str(target)) == 0
    err = capsys.readouterr().err
    assert min(map_text_sizes(target.read_bytes())) >= 6
    chose = [line for line in err.splitlines() if ": chose " in line]
    assert len(chose) == 1 and chose[0].startswith(f"journeymapper: {sample}: chose ")
    assert "under 6 pt" not in err


@pytest.mark.parametrize("options", [[], ["--tile", "--trim-marks"]], ids=["default", "tiled"])
def test_each_sample_exports_byte_identical_every_time(options, tmp_path, paper):
    paper("en_US.UTF-8")
    for sample in SAMPLES:
        for name in ("a.pdf", "b.pdf"):
            assert run(str(sample), "-o", str(tmp_path / name), "-q", *options) == 0
        assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_the_page_chosen_is_said_in_one_line_unless_quiet(tmp_path, paper, capsys):
    paper("en_GB.UTF-8")
    sample = SAMPLES[-1]  # the year-one customer journey
    assert run(str(sample), "-o", str(tmp_path / "out.pdf")) == 0
    assert (
        f"journeymapper: {sample}: chose A3 landscape so that the smallest text prints at " in capsys.readouterr().err
    )
    assert run(str(sample), "-o", str(tmp_path / "out.pdf"), "-q") == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("options", [
    ["--page", "A4"],
    ["--page", "Letter", "--portrait", "--margin", "20mm", "--insights", "--date", "2025-01-02"],
    ["--page", "A4", "--tile", "--scale", "0.3"],
    ["--scale", "0.4", "--appendix", "--trim-marks"],
    ["--page", "300x200mm"],
])  # fmt: skip
def test_options_that_print_text_too_small_are_told_the_command_that_would_not(options, tmp_path, paper, capsys):
    paper("en_GB.UTF-8")
    sample, target = SAMPLES[1], tmp_path / "out folder" / "out.pdf"  # the shoe order, the largest sample
    assert run(str(sample), "-o", str(target), *options) == 0
    err = capsys.readouterr().err
    assert "under 6 pt" in err
    advice = [line for line in err.splitlines() if "to print it readably, run: " in line]
    assert len(advice) == 1
    words = shlex.split(advice[0].split("run: ", 1)[1])
    assert words[:5] == ["journeymapper", "export", str(sample), "-o", str(target)]
    for kept in ("--portrait", "--insights", "--appendix", "--trim-marks", "2025-01-02", "20mm"):
        assert (kept in options) == (kept in words)  # the user's other choices are kept
    assert run(*words[2:]) == 0  # the command as given, run
    assert min(map_text_sizes(target.read_bytes())) >= 6
    assert "under 6 pt" not in capsys.readouterr().err


@pytest.fixture
def time_zone(monkeypatch):
    """Set the process's time zone by name; the original comes back after the test."""

    def switch(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


def test_the_title_date_is_the_same_in_every_time_zone(small_file, tmp_path, monkeypatch, time_zone):
    """A map saved at 20:00 UTC on 30 November is already 1 December in Tokyo: the date is taken in
    UTC, so both print the same day and the same bytes."""
    os.utime(small_file, (0, datetime.datetime(2026, 11, 30, 20, tzinfo=datetime.UTC).timestamp()))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    exported = {}
    for zone in ("UTC", "Asia/Tokyo", "America/Los_Angeles"):
        time_zone(zone)
        target = tmp_path / f"{zone.replace('/', '-')}.pdf"
        assert run(str(small_file), "-o", str(target)) == 0
        exported[zone] = target.read_bytes()
    assert "30 November 2026" in pypdf.PdfReader(io.BytesIO(exported["Asia/Tokyo"])).pages[0].extract_text()
    assert len(set(exported.values())) == 1


def test_source_date_epoch_is_a_day_in_utc(small_file, tmp_path, monkeypatch, time_zone):
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime.datetime(2025, 3, 2, 23, 30, tzinfo=datetime.UTC).timestamp()))
    )
    time_zone("Asia/Tokyo")
    target = tmp_path / "out.pdf"
    assert run(str(small_file), "-o", str(target)) == 0
    assert "2 March 2025" in pypdf.PdfReader(target).pages[0].extract_text()


def test_the_same_map_exported_twice_is_the_same_file(small_file, tmp_path):
    for name in ("a.pdf", "b.pdf"):
        assert run(str(small_file), "-o", str(tmp_path / name), "--appendix") == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize("output", ["x.pdf", "x.svg"])
def test_exporting_loads_no_qt(small_file, tmp_path, output):
    probe = (
        "import argparse, sys\n"
        "from journeymapper.commands.export_command import add_export_command\n"
        "parser = argparse.ArgumentParser(); add_export_command(parser.add_subparsers())\n"
        f"arguments = parser.parse_args(['export', {str(small_file)!r}, '-o', {str(tmp_path / output)!r}, '-q'])\n"
        "assert arguments.run(arguments) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def test_registering_the_command_loads_no_reportlab():
    """Every run of the command line registers ``export``; only an export should pay for reportlab."""
    probe = (
        "import sys, argparse\n"
        "from journeymapper.commands.export_command import add_export_command\n"
        "add_export_command(argparse.ArgumentParser().add_subparsers())\n"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_an_svg_output_is_the_map_page_as_svg(small_file, tmp_path, capsys):
    target = tmp_path / "map.svg"
    assert run(str(small_file), "-o", str(target)) == 0
    assert target.read_bytes().startswith(b"<?xml")
    assert capsys.readouterr().out == f"{small_file} -> {target} (SVG)\n"


@pytest.mark.parametrize(("arguments", "size"), [
    ([], (1684, 1191)),  # A4 landscape, chosen for the small map, at 144 dpi: twice its 841.89 x 595.28 points
    (["--dpi", "72", "--page", "A3"], (1191, 842)),
    (["--dpi", "300", "--page", "A4"], (3508, 2480)),
])  # fmt: skip
def test_a_png_output_has_the_page_size_at_the_resolution(small_file, tmp_path, arguments, size):
    target = tmp_path / "map.png"
    assert run(str(small_file), "-o", str(target), "-q", *arguments) == 0
    assert _png_size(target.read_bytes()) == size


def test_a_png_is_made_without_a_display(small_file, tmp_path):
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    target = tmp_path / "map.png"
    command = [sys.executable, "-m", "journeymapper", "export", str(small_file), "-o", str(target), "--dpi", "50"]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    assert _png_size(target.read_bytes()) == (585, 413)  # A4 landscape, chosen for the small map


def test_images_exported_twice_are_the_same_files(small_file, tmp_path):
    for name in ("a.svg", "b.svg", "a.png", "b.png"):
        assert run(str(small_file), "-o", str(tmp_path / name), "-q") == 0
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
