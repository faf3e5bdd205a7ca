"""``journeymapper merge BASE OURS THEIRS [-o OUT]``: git's calling convention, exit statuses, one
line per conflict, and a valid map whatever happens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from journeymapper.cli import main
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument

from support import build_small_map


def write_versions(
    folder: Path, ours: Callable[[JourneyDocument], object], theirs: Callable[[JourneyDocument], object]
):
    """BASE, OURS and THEIRS files: the small map, edited by ``ours`` and by ``theirs``."""
    paths = folder / "base.json", folder / "ours.json", folder / "theirs.json"
    for path, edit in zip(paths, (None, ours, theirs)):
        document = build_small_map()
        if edit is not None:
            edit(document)
        json_format.save(document, path)
    return paths


@pytest.fixture
def clean(tmp_path):
    return write_versions(
        tmp_path,
        lambda m: m.update_touchpoint("checkout", emotion=2),
        lambda m: m.update_stage("pay", name="Pay"),
    )


@pytest.fixture
def conflicting(tmp_path):
    def theirs(document: JourneyDocument) -> None:
        document.update_touchpoint("checkout", emotion=-2)
        document.update_stage("pay", name="Pay")
        document.update_map(title="Checkout, theirs")

    return write_versions(
        tmp_path, lambda m: (m.update_touchpoint("checkout", emotion=2), m.update_map(title="Checkout, ours")), theirs
    )


def test_a_clean_merge_replaces_ours_with_both_sides_changes_and_exits_0(clean, capsys):
    base, ours, theirs = clean
    assert main(["merge", str(base), str(ours), str(theirs)]) == 0
    merged = json_format.load(ours)
    assert merged.touchpoint("checkout").emotion == 2 and merged.stages["pay"].name == "Pay"
    captured = capsys.readouterr()
    assert captured.out == f"{ours}: merged cleanly\n" and captured.err == ""


def test_the_result_goes_to_out_when_given_and_the_inputs_stay(clean, tmp_path, capsys):
    before = [path.read_bytes() for path in clean]
    assert main(["merge", *map(str, clean), "-o", str(tmp_path / "merged.json")]) == 0
    assert [path.read_bytes() for path in clean] == before
    assert json_format.load(tmp_path / "merged.json").stages["pay"].name == "Pay"


def test_out_naming_an_input_needs_force(clean, capsys):
    assert main(["merge", *map(str, clean), "-o", str(clean[2])]) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert main(["merge", *map(str, clean), "-o", str(clean[2]), "--force"]) == 0


def test_conflicts_exit_1_with_one_line_each_holding_both_values(conflicting, capsys):
    base, ours, theirs = conflicting
    assert main(["merge", "--name=maps/checkout.json", str(base), str(ours), str(theirs)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "journeymapper: maps/checkout.json: conflict: Map: title: ours 'Checkout, ours', theirs 'Checkout, theirs'",
        "journeymapper: maps/checkout.json: conflict: Card 'Checkout': emotion: ours +2, theirs -2",
    ]
    assert captured.out == (
        "maps/checkout.json: merged with 2 conflicts: the map keeps our side, with theirs recorded beside it\n"
    )


def test_a_conflicted_result_is_a_valid_map_with_ours_values_and_theirs_kept(conflicting, capsys):
    base, ours, theirs = conflicting
    main(["merge", str(base), str(ours), str(theirs)])
    merged = json_format.load(ours)
    assert merged.touchpoint("checkout").emotion == 2 and merged.title == "Checkout, ours"
    assert merged.stages["pay"].name == "Pay"  # the clean part of theirs is in
    assert [(c.field, c.ours, c.theirs) for c in merged.conflicts.values()] == [
        ("title", "Checkout, ours", "Checkout, theirs"),
        ("emotion", 2, -2),
    ]


def test_validate_reports_a_map_with_unresolved_conflicts(conflicting, capsys):
    base, ours, theirs = conflicting
    main(["merge", str(base), str(ours), str(theirs)])
    capsys.readouterr()
    assert main(["validate", str(ours)]) == 1
    assert capsys.readouterr().err == (
        f"journeymapper: {ours}: 2 unresolved merge conflicts, the first: "
        "Map: title: ours 'Checkout, ours', theirs 'Checkout, theirs'\n"
    )


def test_a_bad_input_leaves_ours_as_it_was_and_says_why_in_one_line(clean, capsys):
    base, ours, theirs = clean
    theirs.write_text('{"format": "journeymapper", "version": 1, "id": "x"')
    before = ours.read_bytes()
    assert main(["merge", str(base), str(ours), str(theirs)]) == 1
    assert ours.read_bytes() == before
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"journeymapper: {theirs}: ")


def test_the_merged_map_can_go_to_standard_output(clean, capsys):
    assert main(["merge", *map(str, clean), "-o", "-"]) == 0
    assert json_format.loads(capsys.readouterr().out).stages["pay"].name == "Pay"
