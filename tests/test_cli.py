"""The command line: one clear line per problem, a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from journeymapper.cli import main
from journeymapper.formats.json_format import load, save

from support import JSON_TEST_SUITE, SAMPLES

CORPUS = sorted(JSON_TEST_SUITE.glob("*.json"))


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeymapper", *arguments], capture_output=True, text=True, timeout=120
    )


def test_validate_accepts_the_samples():
    result = run("validate", *map(str, SAMPLES))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == len(SAMPLES) >= 3


def test_validate_reports_each_bad_file_on_one_line_and_fails(tmp_path, small_map):
    good = tmp_path / "good.json"
    save(small_map, good)
    (tmp_path / "bad.json").write_text('{"format": "journeymapper", "version": 99}')
    result = run("validate", str(good), str(tmp_path / "bad.json"), str(tmp_path / "missing.json"), str(tmp_path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert "bad.json: version: the file is format version 99" in lines[0]
    assert "missing.json: cannot read: No such file or directory" in lines[1]
    assert "is a folder, not a map file" in lines[2]
    assert "good.json: ok (4 touchpoints, 3 connections)" in result.stdout


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_validate_refuses_every_json_test_suite_file_with_one_line(path, capsys):
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"journeymapper: {path}: ")


def test_the_whole_corpus_in_one_process_gives_one_line_per_file_and_no_traceback():
    result = run("validate", *map(str, CORPUS))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == len(CORPUS)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["customer", "user", "business", "service_blueprint"])
def test_new_writes_a_valid_map_from_the_kinds_template(tmp_path, kind):
    target = tmp_path / f"{kind}.json"
    result = run("new", "--kind", kind, "--title", "Q3 onboarding", "-o", str(target))
    assert result.returncode == 0, result.stderr
    document = load(target)
    assert (document.kind, document.title) == (kind, "Q3 onboarding")
    assert len(document.stages) >= 4 and len(document.lanes) >= 3


def test_new_takes_another_template_of_the_same_kind(tmp_path):
    assert main(["new", "--kind", "customer", "--template", "customer_year_one", "-o", str(tmp_path / "y1.json")]) == 0
    assert next(stage.name for stage in load(tmp_path / "y1.json").stages.values()) == "Closed/Won"


def test_new_refuses_a_template_of_another_kind(tmp_path, capsys):
    assert main(["new", "--kind", "user", "--template", "business", "-o", str(tmp_path / "x.json")]) == 1
    assert "template 'business' is for business maps, not user" in capsys.readouterr().err


def test_new_does_not_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "map.json"
    target.write_text("precious")
    assert main(["new", "--kind", "user", "-o", str(target)]) == 1
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert target.read_text() == "precious"
    assert main(["new", "--kind", "user", "-o", str(target), "--force"]) == 0
    assert load(target).kind == "user"


def test_new_into_an_unwritable_place_fails_cleanly(tmp_path):
    result = run("new", "--kind", "user", "-o", str(tmp_path / "missing" / "map.json"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot save" in result.stderr


def test_stats_prints_counts_and_mean_emotion_per_stage(tmp_path, small_map):
    save(small_map, tmp_path / "map.json")
    result = run("stats", str(tmp_path / "map.json"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Checkout", "4 touchpoints, 3 connections"]
    assert lines[3].split() == ["Stage", "Touchpoints", "Mean", "emotion"]
    assert lines[4].split() == ["Browse", "2", "+0.50"]
    assert lines[5].split() == ["Purchase", "2", "-1.00"]
    assert "Payments" in result.stdout and "(none)" in result.stdout


def test_stats_json_output_is_machine_readable(tmp_path, small_map, capsys):
    save(small_map, tmp_path / "map.json")
    main(["stats", "--json", str(tmp_path / "map.json")])
    figures = json.loads(capsys.readouterr().out)
    assert figures["stages"][1] == {"name": "Purchase", "touchpoints": 2, "mean_emotion": -1.0}
    assert figures["lanes"][0] == ["Web team", 3]


@pytest.mark.parametrize(
    "arguments",
    [["validate"], ["new", "--kind", "galaxy", "-o", "x.json"], ["stats"], ["frobnicate"], ["new", "--kind", "user"]],
)
def test_bad_arguments_exit_2_with_usage_and_no_traceback(arguments):
    result = run(*arguments)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_stats_of_a_bad_file_is_one_line(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    result = run("stats", str(tmp_path / "bad.json"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "invalid JSON" in result.stderr
