"""``journeymapper mermaid`` and ``journeymapper from-mermaid``: files in and out, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journeymapper.cli import main
from journeymapper.formats import json_format
from journeymapper.formats.mermaid import dumps_mermaid

from support import SAMPLES

DRAFT = "journey\n  title Checkout draft\n  section Browse\n    Search: 4: Bea\n  section Pay\n    Pay: 2: Bea, Bank\n"
SAMPLE = SAMPLES[0]


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeymapper", *arguments], capture_output=True, text=True, timeout=120
    )


def test_mermaid_prints_the_diagram_without_an_output(capsys):
    assert main(["mermaid", str(SAMPLE)]) == 0
    captured = capsys.readouterr()
    assert captured.out == dumps_mermaid(json_format.load(SAMPLE)) and captured.err == ""


def test_mermaid_writes_the_output_file_and_nothing_else(tmp_path, capsys):
    target = tmp_path / "journey.mmd"
    target.write_text("an older diagram")
    assert main(["mermaid", str(SAMPLE), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == dumps_mermaid(json_format.load(SAMPLE))
    assert [path.name for path in tmp_path.iterdir()] == ["journey.mmd"]
    assert capsys.readouterr().out == ""


def test_mermaid_never_writes_over_the_map_it_reads_without_force(tmp_path, capsys):
    source = tmp_path / "map.json"
    source.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "link.json").symlink_to(source)
    for output in (source, tmp_path / "link.json"):
        assert main(["mermaid", str(source), "-o", str(output)]) == 1
        assert "is the file this command reads" in capsys.readouterr().err
    assert source.read_bytes() == SAMPLE.read_bytes()
    assert main(["mermaid", str(source), "-o", str(source), "--force"]) == 0
    assert source.read_text(encoding="utf-8").startswith("journey\n")


def test_mermaid_makes_the_folder_of_its_output(tmp_path):
    assert main(["mermaid", str(SAMPLE), "-o", str(tmp_path / "docs" / "journey.mmd")]) == 0
    assert (tmp_path / "docs" / "journey.mmd").read_text(encoding="utf-8").startswith("journey\n")


def test_from_mermaid_writes_the_map_to_standard_output_for_a_dash(tmp_path, capsys):
    (tmp_path / "draft.mmd").write_text(DRAFT, encoding="utf-8")
    assert main(["from-mermaid", str(tmp_path / "draft.mmd"), "-o", "-"]) == 0
    assert json_format.loads(capsys.readouterr().out).title == "Checkout draft"


def test_mermaid_of_a_bad_map_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    result = run("mermaid", str(tmp_path / "bad.json"), "-o", str(tmp_path / "out.mmd"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "bad.json: invalid JSON" in result.stderr
    assert not (tmp_path / "out.mmd").exists()


def test_mermaid_below_a_file_fails_cleanly(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("")
    assert main(["mermaid", str(SAMPLE), "-o", str(tmp_path / "notes.txt" / "out.mmd")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "out.mmd: cannot write: Not a directory" in error


def test_from_mermaid_writes_a_valid_map_and_says_what_it_made(tmp_path, capsys):
    (tmp_path / "draft.mmd").write_text(DRAFT, encoding="utf-8")
    target = tmp_path / "map.json"
    assert main(["from-mermaid", str(tmp_path / "draft.mmd"), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"{target}: user map with 2 stages, 2 touchpoints and 2 personas\n"
    document = json_format.load(target)
    assert (document.title, document.kind, [card.title for card in document.touchpoints()]) == (
        "Checkout draft",
        "user",
        ["Search", "Pay"],
    )


def test_from_mermaid_takes_a_kind_and_a_markdown_file(tmp_path):
    (tmp_path / "notes.md").write_text(f"# Notes\n\n```mermaid\n{DRAFT}```\n", encoding="utf-8")
    assert main(["from-mermaid", str(tmp_path / "notes.md"), "--kind", "customer", "-o", str(tmp_path / "m.json")]) == 0
    assert json_format.load(tmp_path / "m.json").kind == "customer"


def test_from_mermaid_does_not_overwrite_without_force(tmp_path, capsys):
    (tmp_path / "draft.mmd").write_text(DRAFT, encoding="utf-8")
    target = tmp_path / "map.json"
    target.write_text("precious")
    assert main(["from-mermaid", str(tmp_path / "draft.mmd"), "-o", str(target)]) == 1
    assert "map.json: already exists (use --force to overwrite)" in capsys.readouterr().err
    assert target.read_text() == "precious"
    assert main(["from-mermaid", str(tmp_path / "draft.mmd"), "-o", str(target), "--force"]) == 0
    assert json_format.load(target).title == "Checkout draft"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "journey\n  section S\n    Pay: 6: Bea\n",
            "bad.mmd: line 3: a task's score must be a whole number from 1 to 5",
        ),
        ("flowchart LR\n  A --> B\n", "bad.mmd: line 1: not a Mermaid journey: expected 'journey' first"),
        ("", "bad.mmd: file is empty"),
    ],
)
def test_from_mermaid_of_bad_input_is_one_line_exit_1_and_no_file(tmp_path, content, message):
    (tmp_path / "bad.mmd").write_text(content, encoding="utf-8")
    result = run("from-mermaid", str(tmp_path / "bad.mmd"), "-o", str(tmp_path / "map.json"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "map.json").exists()


def test_from_mermaid_of_a_missing_file_says_so(tmp_path, capsys):
    assert main(["from-mermaid", str(tmp_path / "none.mmd"), "-o", str(tmp_path / "map.json")]) == 1
    assert "none.mmd: cannot read: No such file or directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments", [["from-mermaid", "x.mmd"], ["from-mermaid", "x.mmd", "-o", "m.json", "--kind", "galaxy"], ["mermaid"]]
)
def test_bad_arguments_exit_2_with_usage(arguments):
    result = run(*arguments)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


def test_both_commands_run_without_loading_qt(tmp_path):
    probe = (
        "import sys; from journeymapper.cli import main; "
        f"assert main(['mermaid', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'out.mmd')!r}]) == 0; "
        f"assert main(['from-mermaid', {str(tmp_path / 'out.mmd')!r}, '-o', {str(tmp_path / 'map.json')!r}]) == 0; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
