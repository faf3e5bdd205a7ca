"""Map links resolve relative to the linking map's file, and only ever as a file to read."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument, MapLink, Stage
from journeymapper.model.links import (
    LinkCheck,
    LinkEdit,
    LinkOrigin,
    LinkStatus,
    check_link,
    link_target,
    map_links,
    rebased_links,
    resolve_links,
)

from support import SAMPLES


def save_map(path: Path, map_id: str, *links: MapLink) -> Path:
    """A one-stage map whose stage carries ``links``."""
    document = JourneyDocument(map_id, map_id.title(), "customer")
    document.add_stage(Stage(id="stage", name="Stage", links=links))
    path.parent.mkdir(parents=True, exist_ok=True)
    json_format.save(document, path)
    return path


def check(map_file: Path, path: str, map_id: str) -> LinkCheck:
    return check_link(map_file, MapLink(path=path, map_id=map_id), json_format.load)


def test_a_relative_path_resolves_from_the_linking_map_s_folder(tmp_path):
    save_map(tmp_path / "users" / "first-report.json", "first-report")
    source = save_map(tmp_path / "customers" / "year-one.json", "year-one")
    result = check(source, "../users/first-report.json", "first-report")
    assert result == LinkCheck((tmp_path / "users" / "first-report.json").resolve(), LinkStatus.OK)


def test_the_working_directory_does_not_matter(tmp_path, monkeypatch):
    save_map(tmp_path / "maps" / "b.json", "b")
    source = save_map(tmp_path / "maps" / "a.json", "a")
    monkeypatch.chdir(tmp_path)
    assert check(Path("maps/a.json"), "b.json", "b").status == LinkStatus.OK
    monkeypatch.chdir(tmp_path / "maps")
    assert check(source, "b.json", "b").status == LinkStatus.OK


def test_moving_both_maps_keeps_the_link_working(tmp_path):
    save_map(tmp_path / "old" / "journeys" / "user.json", "user")
    save_map(tmp_path / "old" / "customer.json", "customer", MapLink(path="journeys/user.json", map_id="user"))
    shutil.move(tmp_path / "old", tmp_path / "elsewhere" / "new")
    moved = tmp_path / "elsewhere" / "new" / "customer.json"
    [resolved] = resolve_links(json_format.load(moved), moved, json_format.load)
    assert resolved.check.status == LinkStatus.OK
    assert resolved.check.target == (tmp_path / "elsewhere" / "new" / "journeys" / "user.json").resolve()


def test_a_missing_file_is_reported_not_searched_for(tmp_path):
    save_map(tmp_path / "other-folder" / "user.json", "user")  # a map with the id, elsewhere
    source = save_map(tmp_path / "customer.json", "customer")
    result = check(source, "user.json", "user")
    assert result.status == LinkStatus.MISSING_FILE
    assert result.target == (tmp_path / "user.json").resolve()
    assert result.detail == f"{result.target}: no such file"


def test_a_path_through_a_file_is_missing(tmp_path):
    source = save_map(tmp_path / "customer.json", "customer")
    assert check(source, "customer.json/user.json", "user").status == LinkStatus.MISSING_FILE


def test_an_id_mismatch_is_broken_even_though_the_file_is_a_map(tmp_path):
    save_map(tmp_path / "user.json", "someone-else")
    source = save_map(tmp_path / "customer.json", "customer")
    result = check(source, "user.json", "user")
    assert result.status == LinkStatus.ID_MISMATCH
    assert result.detail == f"{result.target}: holds map 'someone-else', not 'user'"


@pytest.mark.parametrize("content", [b"#!/bin/sh\necho hello\n", b'{"name": "a package.json"}', b"\x89PNG\r\n"])
def test_a_file_that_is_not_a_map_is_unreadable(tmp_path, content):
    (tmp_path / "notes.json").write_bytes(content)
    source = save_map(tmp_path / "customer.json", "customer")
    result = check(source, "notes.json", "notes")
    assert result.status == LinkStatus.UNREADABLE
    assert result.detail.startswith(f"{result.target}: ")
    assert "\n" not in result.detail


def test_a_folder_is_unreadable_not_missing(tmp_path):
    (tmp_path / "maps").mkdir()
    source = save_map(tmp_path / "customer.json", "customer")
    result = check(source, "maps", "maps")
    assert result.status == LinkStatus.UNREADABLE
    assert "is a folder" in result.detail


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and shell scripts")
def test_an_upward_path_to_an_executable_is_only_read_never_run(tmp_path):
    witness = tmp_path / "ran"
    script = tmp_path / "tool.json"
    script.write_text(f"#!/bin/sh\ntouch {witness}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    source = save_map(tmp_path / "deep" / "er" / "customer.json", "customer")
    result = check(source, "../../tool.json", "tool")
    assert result.target == script.resolve()
    assert result.status == LinkStatus.UNREADABLE
    assert not witness.exists()


def test_an_upward_path_past_the_root_is_still_just_a_path(tmp_path):
    source = save_map(tmp_path / "customer.json", "customer")
    climb = "../" * (len(tmp_path.parts) + 3) + "no-such-map.json"
    result = check(source, climb, "x")
    assert result.target == Path(tmp_path.anchor, "no-such-map.json")
    assert result.status == LinkStatus.MISSING_FILE


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_loop_is_unreadable_not_a_crash(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    source = save_map(tmp_path / "customer.json", "customer")
    assert check(source, "a/user.json", "user").status == LinkStatus.UNREADABLE


def test_link_target_is_the_path_joined_to_the_map_s_folder(tmp_path):
    link = MapLink(path="../b/./c.json", map_id="c")
    assert link_target(tmp_path / "a" / "map.json", link) == (tmp_path / "b" / "c.json").resolve()


def test_map_links_lists_stage_links_then_touchpoint_links_with_their_stage(small_map):
    to_user, to_business = MapLink(path="user.json", map_id="user"), MapLink(path="ops/order.json", map_id="order")
    small_map.update_stage("pay", links=[to_business])
    small_map.update_touchpoint("compare", links=[to_user, to_business])
    assert list(map_links(small_map)) == [
        (LinkOrigin("stage", "pay", "Purchase", "pay"), to_business),
        (LinkOrigin("touchpoint", "compare", "Compare sizes", "browse"), to_user),
        (LinkOrigin("touchpoint", "compare", "Compare sizes", "browse"), to_business),
    ]


def test_resolve_links_reads_through_the_loader_it_is_given(tmp_path, small_map):
    small_map.update_touchpoint("search", links=[MapLink(path="user.json", map_id="user")])
    save_map(tmp_path / "user.json", "user")
    asked = []

    def loader(path: Path) -> JourneyDocument:
        asked.append(path)
        return json_format.load(path)

    [resolved] = resolve_links(small_map, tmp_path / "map.json", loader)
    assert resolved.check.status == LinkStatus.OK
    assert asked == [(tmp_path / "user.json").resolve()]


def test_the_samples_links_all_resolve():
    documents = {sample: json_format.load(sample) for sample in SAMPLES}
    found = [
        resolved
        for sample, document in documents.items()
        for resolved in resolve_links(document, sample, json_format.load)
    ]
    assert len(found) == 4
    assert {resolved.check.status for resolved in found} == {LinkStatus.OK}
    targets = {(resolved.origin.id, resolved.check.target.name) for resolved in found}
    assert targets == {
        ("stage-closed-won", "shoe-order-business-journey.json"),
        ("stage-onboarding", "first-report-user-journey.json"),
        ("tp-first-dashboards-live", "first-report-user-journey.json"),
        ("stage-invite", "year-one-customer-journey.json"),
    }


# Save As into another folder: the links are re-expressed from there and name the same files.


def link(path: str, map_id: str = "user") -> MapLink:
    return MapLink(path=path, map_id=map_id, label="Behind it")


def rebased_paths(document: JourneyDocument, old_file: Path, new_file: Path) -> dict[tuple[str, str], list[str]]:
    return {
        (edit.kind, edit.id): [moved.path for moved in edit.links]
        for edit in rebased_links(document, old_file, new_file)
    }


def test_into_a_sibling_folder_a_link_climbs_out_and_back_in(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("year-one.json", "year-one")])
    moved = rebased_paths(small_map, tmp_path / "customer" / "map.json", tmp_path / "user" / "map.json")
    assert moved == {("stage", "pay"): ["../customer/year-one.json"]}


def test_into_a_deeper_folder_a_link_climbs_further(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("../shared/user.json")])
    moved = rebased_paths(
        small_map, tmp_path / "maps" / "map.json", tmp_path / "maps" / "archive" / "2024" / "map.json"
    )
    assert moved == {("stage", "pay"): ["../../../shared/user.json"]}


def test_into_a_shallower_folder_a_link_climbs_less(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("../shared/user.json")])
    moved = rebased_paths(small_map, tmp_path / "maps" / "archive" / "map.json", tmp_path / "map.json")
    assert moved == {("stage", "pay"): ["maps/shared/user.json"]}


def test_a_link_into_the_new_folder_becomes_a_bare_file_name(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("users/first-report.json")])
    moved = rebased_paths(small_map, tmp_path / "map.json", tmp_path / "users" / "copy.json")
    assert moved == {("stage", "pay"): ["first-report.json"]}


def test_in_the_same_folder_nothing_changes_not_even_the_spelling(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("shared/../user.json")])
    assert (
        rebased_links(small_map, tmp_path / "maps" / "map.json", tmp_path / "maps" / ".." / "maps" / "copy.json") == []
    )


def test_stage_and_touchpoint_links_both_move_and_the_document_is_left_alone(tmp_path, small_map):
    small_map.update_stage("pay", links=[link("ops/order.json", "order")])
    small_map.update_touchpoint("compare", links=[link("user.json"), link("../other/user.json", "other")])
    small_map.update_touchpoint("search", links=[link("../other/user.json", "other")])
    edits = rebased_links(small_map, tmp_path / "a" / "map.json", tmp_path / "b" / "map.json")
    assert edits == [
        LinkEdit("stage", "pay", (link("../a/ops/order.json", "order"),), changed=1),
        # From the sibling folder b, "../other/user.json" still names the same file: it stays, and
        # a card whose links all stay gets no edit.
        LinkEdit("touchpoint", "compare", (link("../a/user.json"), link("../other/user.json", "other")), changed=1),
    ]
    assert small_map.stages["pay"].links == (link("ops/order.json", "order"),)
    assert small_map.touchpoint("compare").links == (link("user.json"), link("../other/user.json", "other"))


def test_a_broken_link_still_names_the_same_missing_file(tmp_path, small_map):
    old_file, new_file = save_map(tmp_path / "maps" / "map.json", "map"), tmp_path / "copies" / "map.json"
    broken = link("gone/user.json")
    small_map.update_stage("pay", links=[broken])
    [edit] = rebased_links(small_map, old_file, new_file)
    assert edit.links == (link("../maps/gone/user.json"),)
    assert link_target(new_file, edit.links[0]) == link_target(old_file, broken)
    assert check_link(new_file, edit.links[0], json_format.load).status == LinkStatus.MISSING_FILE


def test_a_link_on_another_drive_is_left_as_it_is_never_made_absolute(tmp_path, small_map, monkeypatch):
    def other_drive(path, start=None):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    small_map.update_stage("pay", links=[link("user.json")])
    assert rebased_links(small_map, tmp_path / "a" / "map.json", tmp_path / "b" / "map.json") == []


@pytest.mark.skipif(sys.platform == "win32", reason="a backslash is a separator on Windows")
def test_a_path_the_schema_cannot_hold_is_left_as_it_is(tmp_path, small_map):
    small_map.update_touchpoint("compare", links=[link("user.json"), link("../plain/user.json")])
    edits = rebased_links(small_map, tmp_path / "odd\\name" / "map.json", tmp_path / "new" / "deeper" / "map.json")
    assert edits == [LinkEdit("touchpoint", "compare", (link("user.json"), link("../../plain/user.json")), changed=1)]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_dot_dot_after_a_symbolic_link_climbs_from_where_it_points(tmp_path, small_map):
    (tmp_path / "real" / "deep").mkdir(parents=True)
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "shortcut").symlink_to(tmp_path / "real" / "deep")
    old_file, new_file = tmp_path / "maps" / "map.json", tmp_path / "maps" / "sub" / "map.json"
    before = link("shortcut/../user.json")
    small_map.update_stage("pay", links=[before])
    [edit] = rebased_links(small_map, old_file, new_file)
    assert link_target(old_file, before) == (tmp_path / "real" / "user.json").resolve()
    assert link_target(new_file, edit.links[0]) == link_target(old_file, before)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_linked_file_that_is_a_symbolic_link_keeps_its_own_name(tmp_path, small_map):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "latest.json").symlink_to(tmp_path / "maps" / "v2.json")
    small_map.update_stage("pay", links=[link("latest.json")])
    moved = rebased_paths(small_map, tmp_path / "maps" / "map.json", tmp_path / "maps" / "sub" / "map.json")
    assert moved == {("stage", "pay"): ["../latest.json"]}
