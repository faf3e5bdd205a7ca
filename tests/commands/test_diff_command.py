"""``journeymapper diff``: the changes in the map's words, as JSON, and the two ways git calls it."""

from __future__ import annotations

import json
import os

import pytest

from journeymapper.cli import main
from journeymapper.formats import json_format
from journeymapper.formats.outline import outline

from support import SAMPLES, build_small_map

ZEROS = "0" * 40


@pytest.fixture
def versions(tmp_path):
    """The small map, and a copy in which a stage is renamed, a card moved and one edited."""
    old = build_small_map()
    new = build_small_map()
    new.update_stage("pay", name="Purchase & pay")
    new.move_touchpoint("charge", "browse", "payments", 0)
    new.update_touchpoint("checkout", emotion=1)
    paths = tmp_path / "old.json", tmp_path / "new.json"
    json_format.save(old, paths[0])
    json_format.save(new, paths[1])
    return paths


def test_each_change_is_one_line_in_the_maps_words(versions, capsys):
    assert main(["diff", *map(str, versions)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Stage 'Purchase' renamed to 'Purchase & pay'",
        "Card 'Charge card' moved from Purchase / Payments to Browse / Payments",
        "'Checkout': emotion -1 → +1",
    ]


def test_json_gives_the_same_changes_as_records(versions, capsys):
    assert main(["diff", "--json", *map(str, versions)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [record["text"] for record in records][2] == "'Checkout': emotion -1 → +1"
    assert {key: records[2][key] for key in ("what", "id", "kind", "field", "old", "new")} == {
        "what": "touchpoint",
        "id": "checkout",
        "kind": "changed",
        "field": "emotion",
        "old": -1,
        "new": 1,
    }


def test_a_map_compared_with_itself_prints_nothing(versions, capsys):
    assert main(["diff", str(versions[0]), str(versions[0])]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", "--json", str(versions[0]), str(versions[0])]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_two_unrelated_maps_can_be_compared(capsys):
    assert main(["diff", str(SAMPLES[0]), str(SAMPLES[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    first, second = (json_format.load(sample) for sample in SAMPLES[:2])
    assert lines[0].startswith("Map: id ")
    assert len([line for line in lines if line.startswith("Card ")]) == (
        first.touchpoint_count() + second.touchpoint_count()
    )


def test_a_bad_file_or_a_wrong_count_is_one_line(versions, capsys):
    assert main(["diff", str(versions[0])]) == 1
    assert capsys.readouterr().err == "journeymapper: diff takes two map files, OLD and NEW, not 1\n"
    assert main(["diff", str(versions[0]), str(versions[0].parent / "missing.json")]) == 1
    assert "missing.json: cannot read" in capsys.readouterr().err


# -- as git's diff driver ---------------------------------------------------------------------


def git_diff(*arguments: str, capsys) -> str:
    assert main(["diff", "--git", "--", *arguments]) == 0
    return capsys.readouterr().out


def test_git_passes_seven_arguments_and_sees_the_semantic_diff(versions, capsys):
    old, new = map(str, versions)
    shown = git_diff("maps/checkout.json", old, "1" * 40, "100644", new, ZEROS, "100644", capsys=capsys)
    assert shown.splitlines() == [
        "journeymapper diff a/maps/checkout.json b/maps/checkout.json",
        "  Stage 'Purchase' renamed to 'Purchase & pay'",
        "  Card 'Charge card' moved from Purchase / Payments to Browse / Payments",
        "  'Checkout': emotion -1 → +1",
    ]


def test_a_renamed_file_comes_with_two_more_arguments(versions, capsys):
    old, new = map(str, versions)
    arguments = ("a.json", old, "1" * 40, "100644", new, "2" * 40, "100644", "b.json", "similarity index 90%\n")
    assert git_diff(*arguments, capsys=capsys).startswith("journeymapper diff a/a.json b/b.json\n")


def test_a_new_or_deleted_map_is_summed_up(versions, capsys):
    old = str(versions[0])
    added = git_diff("m.json", os.devnull, ".", ".", old, "1" * 40, "100644", capsys=capsys)
    deleted = git_diff("m.json", old, "1" * 40, "100644", os.devnull, ".", ".", capsys=capsys)
    assert added.splitlines()[1] == "  New map: 'Checkout' (2 stages, 3 lanes, 4 cards, 3 connections)"
    assert deleted.splitlines()[1] == "  Map deleted: 'Checkout' (2 stages, 3 lanes, 4 cards, 3 connections)"


def test_a_file_with_a_new_layout_but_the_same_map_says_so(versions, tmp_path, capsys):
    spread = tmp_path / "spread.json"
    spread.write_text(json.dumps(json.loads(versions[0].read_text()), indent=8))
    shown = git_diff("m.json", str(versions[0]), "1" * 40, "100644", str(spread), ZEROS, "100644", capsys=capsys)
    assert shown.splitlines()[1] == "  The same map: the files differ in layout only"


def test_other_json_gets_an_ordinary_line_diff(tmp_path, capsys):
    (tmp_path / "a.json").write_text('{"name": "app",\n"version": 1}\n')
    (tmp_path / "b.json").write_text('{"name": "app",\n"version": 2}\n')
    shown = git_diff(
        "package.json",
        str(tmp_path / "a.json"),
        "1" * 40,
        "100644",
        str(tmp_path / "b.json"),
        ZEROS,
        "100644",
        capsys=capsys,
    )
    assert shown.splitlines() == [
        "--- a/package.json",
        "+++ b/package.json",
        "@@ -1,2 +1,2 @@",
        ' {"name": "app",',
        '-"version": 1}',
        '+"version": 2}',
    ]


def test_git_arguments_are_counted(versions, capsys):
    assert main(["diff", "--git", str(versions[0]), str(versions[1])]) == 1
    assert "--git takes git's 7 or 9 external diff arguments, not 2" in capsys.readouterr().err


def test_the_outline_for_textconv_is_the_maps_outline_and_other_files_pass_through(versions, tmp_path, capsys):
    assert main(["diff", "--outline", "--", str(versions[0])]) == 0
    assert capsys.readouterr().out == outline(json_format.load(versions[0]))
    (tmp_path / "other.json").write_text('{"not": "a map"}\n')
    assert main(["diff", "--outline", str(tmp_path / "other.json")]) == 0
    assert capsys.readouterr().out == '{"not": "a map"}\n'
