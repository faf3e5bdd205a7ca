"""Map links resolve relative to the linking map's file, and only ever as a file to read."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

import pytest

from support import SAMPLES
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument, MapLink, Stage
from journeymapper.model.links import (
    LinkCheck,
    LinkOrigin,
    LinkStatus,
    check_link,
    link_target,
    map_links,
    resolve_links,
)


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
    found = [resolved for sample, document in documents.items()
             for resolved in resolve_links(document, sample, json_format.load)]
    assert len(found) == 4
    assert {resolved.check.status for resolved in found} == {LinkStatus.OK}
    targets = {(resolved.origin.id, resolved.check.target.name) for resolved in found}
    assert targets == {
        ("stage-closed-won", "shoe-order-business-journey.json"),
        ("stage-onboarding", "first-report-user-journey.json"),
        ("tp-first-dashboards-live", "first-report-user-journey.json"),
        ("stage-invite", "year-one-customer-journey.json"),
    }
