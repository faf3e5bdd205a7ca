"""Map files: canonical saving, atomic writes, and loading that says what is wrong and where."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journeymapper.errors import MESSAGE_LIMIT, JourneyMapError
from journeymapper.formats import files, json_format, migrations
from journeymapper.formats.json_format import dumps, load, loads, save
from journeymapper.model import JourneyDocument


def content_of(document) -> dict:
    return json.loads(dumps(document))


def broken(small_map, edit) -> str:
    content = content_of(small_map)
    edit(content)
    return json.dumps(content)


def load_error(text: str | bytes) -> str:
    with pytest.raises(JourneyMapError) as caught:
        loads(text, source="map.json")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("map.json: ")
    return message


# -- saving ----------------------------------------------------------------------------------


def test_saved_file_is_pretty_utf8_with_a_trailing_newline(small_map, tmp_path):
    small_map.update_touchpoint("charge", title="Zahlung bestätigt – Спасибо")
    save(small_map, tmp_path / "map.json")
    raw = (tmp_path / "map.json").read_bytes()
    assert "Zahlung bestätigt – Спасибо".encode() in raw
    assert b"\\u" not in raw
    assert raw.endswith(b"}\n") and raw.startswith(b'{\n  "format": "journeymapper",\n  "version": 1,')


def test_load_of_save_is_the_same_map(small_map, tmp_path):
    save(small_map, tmp_path / "map.json")
    assert load(tmp_path / "map.json") == small_map


def test_saving_twice_gives_the_same_bytes(small_map, tmp_path):
    save(small_map, tmp_path / "a.json")
    save(load(tmp_path / "a.json"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_only_fields_that_differ_from_their_defaults_are_written(small_map):
    content = content_of(small_map)
    assert list(content) == ["format", "version", "id", "title", "kind", "author", "personas", "stages", "lanes",
                             "touchpoints", "connections"]  # fmt: skip
    assert content["stages"][0] == {"id": "browse", "name": "Browse"}
    assert content["lanes"][1] == {"id": "payments", "name": "Payments"}
    assert content["touchpoints"][3] == {"id": "charge", "stage": "pay", "lane": "payments", "title": "Charge card"}
    assert content["connections"][0] == {"id": "c1", "source": "search", "target": "compare"}


def test_the_format_tag_version_and_required_fields_are_always_written():
    content = content_of(JourneyDocument("m", "", "user"))
    assert content == {"format": "journeymapper", "version": 1, "id": "m", "title": "", "kind": "user"}


def test_a_file_written_with_every_default_loads_the_same_and_resaving_changes_it_once(small_map):
    old_style = json.dumps(small_map.to_file().model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert '"part": null' in old_style and '"links": []' in old_style
    assert loads(old_style) == small_map
    resaved = dumps(loads(old_style))
    assert resaved != old_style and dumps(loads(resaved)) == resaved


def test_touchpoints_are_saved_stage_by_stage_and_lane_by_lane(small_map):
    ids = [card["id"] for card in content_of(small_map)["touchpoints"]]
    assert ids == ["compare", "search", "checkout", "charge"]


def test_save_replaces_the_target_and_leaves_no_temporary_file(small_map, tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old")
    save(small_map, target)
    assert load(target) == small_map
    assert [path.name for path in tmp_path.iterdir()] == ["map.json"]


def test_a_failed_save_keeps_the_old_file(small_map, tmp_path, monkeypatch):
    target = tmp_path / "map.json"
    target.write_text("old content")

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(JourneyMapError, match=r"cannot save: No space left on device"):
        save(small_map, target)
    assert target.read_text() == "old content"
    assert [path.name for path in tmp_path.iterdir()] == ["map.json"]


def test_saving_into_a_missing_folder_says_where(small_map, tmp_path):
    with pytest.raises(JourneyMapError, match=re.escape(str(tmp_path / "no" / "map.json")) + ": cannot save"):
        save(small_map, tmp_path / "no" / "map.json")


def test_saving_below_a_file_says_why(small_map, tmp_path):
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(JourneyMapError, match=r"notes.txt/map.json: cannot save: Not a directory"):
        save(small_map, tmp_path / "notes.txt" / "map.json")


def test_save_keeps_the_permissions_of_the_file_it_replaces(small_map, tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old")
    target.chmod(0o640)
    save(small_map, target)
    assert target.stat().st_mode & 0o777 == 0o640


# -- loading bad files -----------------------------------------------------------------------


def test_syntax_errors_name_line_and_column():
    assert load_error('{\n  "format": "journeymapper",\n  "title": oops\n}').startswith(
        "map.json: invalid JSON: line 3, column 12:"
    )


def test_invalid_utf8_names_line_and_column():
    assert load_error(b'{"title":\n "caf\xe9"}') == "map.json: line 2, column 6: invalid UTF-8 byte 0xe9"


def test_utf16_files_are_refused_with_the_reason(small_map):
    assert "UTF-16" in load_error(dumps(small_map).encode("utf-16"))
    assert "UTF-16" in load_error(dumps(small_map).encode("utf-16-le"))


def test_a_utf8_byte_order_mark_is_tolerated(small_map):
    assert loads(b"\xef\xbb\xbf" + dumps(small_map).encode()) == small_map


@pytest.mark.parametrize("text", ["", "   \n", b""])
def test_an_empty_file_is_refused(text):
    assert load_error(text) == "map.json: file is empty" or "the file ends where a value should follow" in load_error(
        text
    )


def test_other_json_is_not_a_map():
    assert "top level must be a JSON object" in load_error("[1, 2]")
    assert 'expected "format": "journeymapper"' in load_error('{"title": "x"}')


def test_a_newer_version_is_refused(small_map):
    message = load_error(broken(small_map, lambda c: c.update(version=99)))
    assert "version 99, newer than this journeymapper understands (1)" in message


@pytest.mark.parametrize("version", ["1", 1.5, True, -1, None])
def test_a_malformed_version_is_refused(small_map, version):
    assert "map.json: version:" in load_error(broken(small_map, lambda c: c.update(version=version)))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: c["touchpoints"][2].update(stage="nowhere"), "touchpoints[2].stage: no stage with id 'nowhere'"),
        (lambda c: c["touchpoints"][3].update(lane="gone"), "touchpoints[3].lane: no lane with id 'gone'"),
        (lambda c: c["touchpoints"][0].update(personas=["buyer", "x"]), "touchpoints[0].personas[1]: no persona"),
        (lambda c: c["connections"][1].update(target="ghost"), "connections[1].target: no touchpoint with id 'ghost'"),
        (lambda c: c["touchpoints"][1].update(id="compare"), "touchpoints[1].id: duplicate id 'compare'"),
        (lambda c: c["stages"].append(c["stages"][0]), "stages[2].id: duplicate id 'browse'"),
        (lambda c: c["connections"][2].update(id="c1"), "connections[2].id: duplicate id 'c1'"),
        (lambda c: c["connections"][0].update(target="search"), "connections[0]: connection 'c1' joins"),
        (
            lambda c: c["touchpoints"][2].update(emotion=7),
            "touchpoints[2].emotion: should be at most 2, found 7",
        ),
        (
            lambda c: c.update(kind="galaxy"),
            "kind: should be 'customer', 'user', 'business' or 'service_blueprint', found \"galaxy\"",
        ),
        (lambda c: c["connections"][0].update(conversion_rate=1.5), "connections[0].conversion_rate:"),
        (
            lambda c: c["touchpoints"][0].update(metrics={"Time on task": {"value": "fast"}}),
            'touchpoints[0].metrics["Time on task"].value:',
        ),
        (lambda c: c["lanes"][0].update(colour="blue"), "lanes[0].colour:"),
        (
            lambda c: c["touchpoints"][0].update(surprise=True),
            "touchpoints[0].surprise: not a field of a touchpoint (misspelt?)",
        ),
        (lambda c: c["stages"][0].update(links=[{"path": "/etc/passwd", "map_id": "m"}]), "stages[0].links[0].path"),
        (lambda c: c.pop("title"), "title: missing (every map needs one)"),
    ],
)
def test_content_errors_name_the_json_path(small_map, edit, expected):
    assert load_error(broken(small_map, edit)).startswith(f"map.json: {expected}")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: c["touchpoints"][0].pop("title"), "touchpoints[0].title: missing (every touchpoint needs one)"),
        (lambda c: c["touchpoints"][2].update(emotion="happy"), 'emotion: should be a whole number, found "happy"'),
        (lambda c: c["touchpoints"][2].update(emotion=1.5), "emotion: should be a whole number, found 1.5"),
        (lambda c: c["touchpoints"][0].update(index=-1), "touchpoints[0].index: should be at least 0, found -1"),
        (lambda c: c.update(title=5), "title: should be text in double quotes, found 5"),
        (lambda c: c.update(title="x" * 600), "title: too long: at most 500 characters, found 600"),
        (lambda c: c.update(stages={}), "stages: should be a list [...], found an object"),
        (lambda c: c["touchpoints"].__setitem__(0, 5), "touchpoints[0]: should be an object {...}, found 5"),
        (lambda c: c["lanes"][0].update(colour="blue"), "colour: should be a colour written #rrggbb, such as #4477aa"),
        (lambda c: c["touchpoints"][0].update(id="a b"), "touchpoints[0].id: should be an id of letters, digits and _"),
    ],
)
def test_content_errors_say_what_is_wrong_in_a_persons_words(small_map, edit, expected):
    """Not pydantic's words ("Field required", "Input should be a valid integer"): what the
    field needs and what the file has."""
    message = load_error(broken(small_map, edit))
    assert expected in message
    assert "Input should" not in message and "Field required" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"title": tru}', "column 14: expected a value (a string, number, true, false, null, an object or a list)"),
        ('{"title": "Pay"', "the file ends inside an object: a closing } is missing"),
        ('{"title" "Pay"}', "expected a colon (:) after the key"),
        ('{"title": "Pay" "kind": "user"}', "expected a comma before the next key, or } to close the object"),
        ('{"stages": [1 2]}', "expected a comma before the next item, or ] to close the list"),
        ("{title: 1}", 'a key must be text in double quotes, such as "title"'),
        ('{"title": "Pay",}', "a comma before a closing bracket, where JSON allows none"),
        ('{"title": "Pay"} }', "more text after the end of the map"),
        ('{"title": "P\\qay"}', "a backslash escape JSON does not have"),
        ('{"title": "P\tay"}', "a control character (a tab or a line break, say) inside a string"),
    ],
)
def test_syntax_errors_say_what_is_wrong_in_a_persons_words(text, expected):
    message = load_error(text)
    assert message.startswith("map.json: invalid JSON: line 1, column ")
    assert expected in message


def test_several_problems_are_counted_in_one_line(small_map):
    def two_problems(content):
        content["touchpoints"][0].update(emotion=9)
        content["touchpoints"][1].update(emotion=9)

    assert load_error(broken(small_map, two_problems)).endswith("(and 1 more problem)")


def test_non_finite_numbers_are_refused(small_map):
    text = broken(small_map, lambda c: c["touchpoints"][0].update(metrics={"NPS": {"value": 1}}))
    assert "touchpoints[0].metrics.NPS.value" in load_error(text.replace('"value": 1', '"value": 1e999'))


@pytest.mark.parametrize("digits", [309, 310, 400, 4300, 4301, 100_000])
def test_a_number_with_hundreds_or_thousands_of_digits_is_refused_in_one_short_line(small_map, digits):
    text = broken(small_map, lambda c: c["touchpoints"][0].update(metrics={"NPS": {"value": 7}}))
    message = load_error(text.replace('"value": 7', f'"value": {"9" * digits}'))
    assert len(message) < 200
    assert "metrics.NPS.value: must be at most 1.8e+308 in size" in message or "number out of range" in message


def test_a_number_just_inside_the_range_loads_and_saves_as_written(small_map):
    text = broken(small_map, lambda c: c["touchpoints"][0].update(metrics={"NPS": {"value": 10**308}}))
    assert f'"value": 1{"0" * 308}' in dumps(loads(text))


def test_a_huge_unknown_key_is_shortened_in_the_message(small_map):
    key = "k" * 10_000_000
    message = load_error(broken(small_map, lambda c: c["touchpoints"][0].update({key: 1})))
    assert message.startswith(f'map.json: touchpoints[0]["{"k" * 59}…"]: not a field of a touchpoint')
    assert len(message) < 200


def test_no_message_is_longer_than_the_limit_whatever_it_quotes():
    assert len(str(JourneyMapError("x" * 100_000))) == MESSAGE_LIMIT


@pytest.mark.parametrize("missing", ["format", "version"])
def test_a_map_without_its_tag_reports_its_real_problem(small_map, missing):
    def damage(content):
        del content[missing]
        content["touchpoints"][2]["stage"] = "nowhere"

    assert load_error(broken(small_map, damage)) == "map.json: touchpoints[2].stage: no stage with id 'nowhere'"


def test_a_map_without_its_tag_but_otherwise_whole_loads(small_map):
    assert loads(broken(small_map, lambda c: c.pop("format"))) == small_map


def test_a_repeated_key_is_refused_with_the_key_and_its_line(small_map):
    text = dumps(small_map).replace('  "connections": [', '  "touchpoints": [],\n  "connections": [', 1)
    line = text.splitlines().index('  "touchpoints": [],') + 1
    message = load_error(text)
    assert message.startswith(f"map.json: line {line}, column ")
    assert 'the key "touchpoints" appears twice in one object' in message


def test_a_repeated_key_deep_inside_a_card_is_refused_too(small_map):
    text = dumps(small_map).replace('"title": "Checkout",', '"title": "Checkout", "title": "Pay",', 1)
    assert 'the key "title" appears twice' in load_error(text)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d\\u0041"])
def test_a_lone_surrogate_escape_is_named_as_such(escape):
    message = load_error('{\n  "title": "café ' + escape + '"\n}')
    assert message.startswith("map.json: invalid JSON: line 2, column 18: \\u")
    assert "half of a surrogate pair without its other half" in message


def test_syntax_error_columns_count_characters_not_bytes():
    assert load_error('{"title": "ééé", oops}').startswith("map.json: invalid JSON: line 1, column 18:")


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(small_map, word):
    text = broken(small_map, lambda c: c["touchpoints"][0].update(metrics={"NPS": {"value": 7}}))
    assert "invalid JSON" in load_error(text.replace('"value": 7', f'"value": {word}'))


def test_cell_indexes_with_gaps_and_ties_close_up_in_file_order(small_map):
    def scramble(content):
        content["touchpoints"][0]["index"] = 5
        content["touchpoints"][1]["index"] = 5

    document = loads(broken(small_map, scramble))
    assert [document.touchpoint(card).index for card in document.cell("browse", "web")] == [0, 1]
    assert document.cell("browse", "web") == ("compare", "search")


# -- files on disk ---------------------------------------------------------------------------


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(JourneyMapError, match=r"nope.json: cannot read: No such file or directory"):
        load(tmp_path / "nope.json")


def test_a_folder_is_not_a_map(tmp_path):
    with pytest.raises(JourneyMapError, match=r"is a folder, not a map file"):
        load(tmp_path)


def test_files_over_the_size_limit_are_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000)
    with pytest.raises(JourneyMapError, match=r"refused"):
        load(big)


# -- migrations ------------------------------------------------------------------------------


def test_older_versions_are_upgraded_step_by_step(small_map, monkeypatch):
    def rename_heading(content):
        upgraded = dict(content)
        upgraded["title"] = upgraded.pop("heading")
        return upgraded

    monkeypatch.setitem(migrations.MIGRATIONS, 0, rename_heading)
    old = content_of(small_map)
    old["heading"] = old.pop("title")
    old["version"] = 0
    assert loads(json.dumps(old)) == small_map


def test_a_version_that_never_existed_is_refused(small_map):
    assert "version 0 was never a published format" in load_error(broken(small_map, lambda c: c.update(version=0)))


def test_json_paths_read_like_javascript():
    assert json_format.json_path(("touchpoints", 12, "stage")) == "touchpoints[12].stage"
    assert (
        json_format.json_path(("touchpoints", 0, "metrics", "Time on task")) == 'touchpoints[0].metrics["Time on task"]'
    )
    assert json_format.json_path(()) == ""


def test_the_samples_folder_exists():
    assert (Path(__file__).parents[2] / "samples").is_dir()
