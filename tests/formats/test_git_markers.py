"""Recognising git's conflict markers in a map file, and the advice that goes with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.formats.git_markers import has_conflict_markers, merge_advice

MARKED = '{\n<<<<<<< HEAD\n  "title": "Ours"\n=======\n  "title": "Theirs"\n>>>>>>> ben\n}\n'


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (MARKED, True),
        (MARKED.replace("\n", "\r\n"), True),  # a checkout with Windows line ends
        (MARKED.replace(">>>>>>> ben", ""), False),  # all three or none
        ('{"title": "<<<<<<< HEAD"}\n=======\n>>>>>>> x\n', False),  # a marker starts a line
        ('{"title": "Ours"}\n', False),
    ],
)
def test_all_three_markers_at_the_start_of_a_line(tmp_path, text, found):
    path = tmp_path / "map.json"
    path.write_bytes(text.encode())
    assert has_conflict_markers(path) is found


def test_a_file_that_cannot_be_read_has_none(tmp_path):
    assert not has_conflict_markers(tmp_path / "missing.json")
    assert not has_conflict_markers(tmp_path)  # a folder


def test_the_advice_names_the_file_and_the_commands():
    advice = merge_advice(Path("maps/year-one.json"))
    assert "in year-one.json" in advice
    assert "journeymapper git-setup" in advice and "git checkout --merge year-one.json" in advice
