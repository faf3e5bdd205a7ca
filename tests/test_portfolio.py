"""The portfolio of a folder: its maps, the links between them, broken links and coverage."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument, Lane, MapLink, Stage, Touchpoint
from journeymapper.model.links import LinkOrigin, LinkStatus
from journeymapper.portfolio import DuplicateId, MapSummary, PortfolioLink, StageCoverage, scan_portfolio

from support import SAMPLES

NOON = datetime.datetime(2024, 5, 17, 12, 0).timestamp()  # local noon: 2024-05-17 in the local date it reports


def link(path: str, map_id: str) -> MapLink:
    return MapLink(path=path, map_id=map_id)


def write(path: Path, map_id: str, kind: str, stages: dict[str, tuple[MapLink, ...]], cards=()) -> Path:
    """A map with ``stages`` (id -> links) and ``cards`` (id, stage, links) in one team lane."""
    document = JourneyDocument(map_id, map_id.replace("-", " ").capitalize(), kind)
    for stage_id, links in stages.items():
        document.add_stage(Stage(id=stage_id, name=stage_id.capitalize(), links=links))
    document.add_lane(Lane(id="team", name="Team"))
    for card_id, stage_id, links in cards:
        document.add_touchpoint(Touchpoint(id=card_id, stage=stage_id, lane="team", title=card_id, links=links))
    path.parent.mkdir(parents=True, exist_ok=True)
    json_format.save(document, path)
    os.utime(path, (NOON, NOON))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A customer journey whose stages link behind them, or fail to, in every way there is."""
    write(
        tmp_path / "customer" / "year-one.json",
        "year-one",
        "customer",
        {
            "won": (link("../business/order.json", "order"),),  # covered by a business journey
            "kickoff": (),  # nothing linked
            "onboarding": (),  # covered through a touchpoint's link
            "renewal": (link("../users/gone.json", "gone"),),  # the file is missing
            "review": (link("../business/order.json", "not-order"),),  # the id does not match
            "advocacy": (link("other.json", "other"),),  # links to another customer journey
        },
        cards=[
            (
                "dashboards",
                "onboarding",
                (link("../users/first-report.json", "first-report"), link("../business/order.json", "order")),
            )
        ],
    )
    write(tmp_path / "customer" / "other.json", "other", "customer", {"only": ()})
    write(
        tmp_path / "users" / "first-report.json",
        "first-report",
        "user",
        {"invite": (link("../customer/year-one.json", "year-one"),)},
        cards=[("signs-up", "invite", ())],
    )
    write(tmp_path / "business" / "order.json", "order", "business", {"placed": (), "paid": ()})
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "broken.json").write_text('{"format": "journeymapper", ')
    (tmp_path / "notes" / "readme.txt").write_text("not a map, not a candidate")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hidden.json").write_text("{}")
    (tmp_path / ".autosave.json").write_text("{}")
    return tmp_path


def test_every_map_is_listed_with_kind_title_counts_and_last_change(folder):
    portfolio = scan_portfolio(folder)
    assert portfolio.maps == (
        MapSummary("business/order.json", "order", "Order", "business", 2, 0, "2024-05-17"),
        MapSummary("customer/other.json", "other", "Other", "customer", 1, 0, "2024-05-17"),
        MapSummary("customer/year-one.json", "year-one", "Year one", "customer", 6, 1, "2024-05-17"),
        MapSummary("users/first-report.json", "first-report", "First report", "user", 1, 1, "2024-05-17"),
    )


def test_a_file_that_does_not_load_is_listed_with_its_error_and_hidden_files_are_skipped(folder):
    [failure] = scan_portfolio(folder).unreadable
    assert failure.path == "notes/broken.json"
    assert failure.error.startswith(f"{folder / 'notes' / 'broken.json'}: invalid JSON: line 1")
    assert "\n" not in failure.error


def test_links_between_maps_with_their_status(folder):
    links = scan_portfolio(folder).links
    summary = [(one.source, one.origin.kind, one.origin.id, one.target, one.status) for one in links]
    assert summary == [
        ("customer/year-one.json", "stage", "won", "business/order.json", LinkStatus.OK),
        ("customer/year-one.json", "stage", "renewal", "users/gone.json", LinkStatus.MISSING_FILE),
        ("customer/year-one.json", "stage", "review", "business/order.json", LinkStatus.ID_MISMATCH),
        ("customer/year-one.json", "stage", "advocacy", "customer/other.json", LinkStatus.OK),
        ("customer/year-one.json", "touchpoint", "dashboards", "users/first-report.json", LinkStatus.OK),
        ("customer/year-one.json", "touchpoint", "dashboards", "business/order.json", LinkStatus.OK),
        ("users/first-report.json", "stage", "invite", "customer/year-one.json", LinkStatus.OK),
    ]


def test_broken_links_say_why(folder):
    missing, mismatch = scan_portfolio(folder).broken_links
    assert missing == PortfolioLink(
        "customer/year-one.json",
        LinkOrigin("stage", "renewal", "Renewal", "renewal"),
        "users/gone.json",
        "gone",
        LinkStatus.MISSING_FILE,
        f"{(folder / 'users' / 'gone.json').resolve()}: no such file",
    )
    assert mismatch.detail.endswith("holds map 'order', not 'not-order'")


def test_coverage_lists_the_user_and_business_journeys_behind_each_customer_stage(folder):
    coverage = scan_portfolio(folder).coverage
    assert coverage == (
        StageCoverage("customer/other.json", "only", "Only", ()),
        StageCoverage("customer/year-one.json", "won", "Won", ("business/order.json",)),
        StageCoverage("customer/year-one.json", "kickoff", "Kickoff", ()),
        StageCoverage(
            "customer/year-one.json", "onboarding", "Onboarding", ("business/order.json", "users/first-report.json")
        ),
        StageCoverage("customer/year-one.json", "renewal", "Renewal", ()),  # a missing file covers nothing
        StageCoverage("customer/year-one.json", "review", "Review", ()),  # nor does a map with another id
        StageCoverage("customer/year-one.json", "advocacy", "Advocacy", ()),  # nor another customer journey
    )
    assert [gap.stage for gap in scan_portfolio(folder).gaps] == ["Only", "Kickoff", "Renewal", "Review", "Advocacy"]


def test_maps_with_ids_of_their_own_have_no_duplicates(folder):
    assert scan_portfolio(folder).duplicates == ()


def test_a_map_copied_to_start_a_variant_shares_its_id_with_the_original(folder):
    shutil.copy(folder / "business" / "order.json", folder / "business" / "order (copy).json")
    assert scan_portfolio(folder).duplicates == (
        DuplicateId("order", ("business/order (copy).json", "business/order.json")),
    )


def test_every_file_holding_the_id_is_named_in_scan_order_and_ids_are_sorted(folder):
    for copy in ("variants/order.json", "archive/order-2023.json"):
        (folder / copy).parent.mkdir(exist_ok=True)
        shutil.copy(folder / "business" / "order.json", folder / copy)
    shutil.copy(folder / "users" / "first-report.json", folder / "users" / "first-report-v2.json")
    assert scan_portfolio(folder).duplicates == (
        DuplicateId("first-report", ("users/first-report-v2.json", "users/first-report.json")),
        DuplicateId("order", ("archive/order-2023.json", "business/order.json", "variants/order.json")),
    )


def test_links_into_a_file_whose_id_another_file_holds_still_arrive_and_cover_their_stage(folder):
    # A link names a file and checks the id there: the link itself is not ambiguous.
    before = scan_portfolio(folder)
    shutil.copy(folder / "business" / "order.json", folder / "customer" / "order.json")
    after = scan_portfolio(folder)
    assert [duplicate.id for duplicate in after.duplicates] == ["order"]
    assert after.links == before.links and after.coverage == before.coverage


def test_a_symbolic_link_to_a_map_is_that_map_again_not_a_duplicate(folder):
    (folder / "business" / "order-alias.json").symlink_to(folder / "business" / "order.json")
    portfolio = scan_portfolio(folder)
    assert "business/order-alias.json" in [summary.path for summary in portfolio.maps]
    assert portfolio.duplicates == ()


def test_a_link_out_of_the_folder_is_named_relative_to_it(tmp_path):
    write(tmp_path / "shared" / "order.json", "order", "business", {"placed": ()})
    write(
        tmp_path / "team" / "customer.json", "customer", "customer", {"buy": (link("../shared/order.json", "order"),)}
    )
    portfolio = scan_portfolio(tmp_path / "team")
    assert [one.target for one in portfolio.links] == ["../shared/order.json"]
    assert portfolio.coverage[0].linked == ("../shared/order.json",)
    assert [summary.path for summary in portfolio.maps] == ["customer.json"]


def test_each_file_is_read_once(folder, monkeypatch):
    reads = []
    original = json_format.load
    monkeypatch.setattr(json_format, "load", lambda path: reads.append(Path(path).name) or original(path))
    scan_portfolio(folder)
    assert sorted(reads) == ["broken.json", "first-report.json", "order.json", "other.json", "year-one.json"]


def test_an_empty_folder_has_an_empty_portfolio(tmp_path):
    portfolio = scan_portfolio(tmp_path)
    assert (portfolio.maps, portfolio.unreadable, portfolio.duplicates, portfolio.links, portfolio.coverage) == (
        (),
        (),
        (),
        (),
        (),
    )


@pytest.mark.parametrize("name", ["missing", "file.json"])
def test_a_folder_that_is_not_one_is_an_error(tmp_path, name):
    (tmp_path / "file.json").write_text("{}")
    with pytest.raises(JourneyMapError, match="not a folder"):
        scan_portfolio(tmp_path / name)


def test_the_samples_portfolio():
    portfolio = scan_portfolio(SAMPLES[0].parent)
    assert [summary.kind for summary in portfolio.maps] == ["user", "business", "customer"]
    assert len(portfolio.links) == 4 and portfolio.broken_links == () and portfolio.unreadable == ()
    assert portfolio.duplicates == ()
    covered = {stage.stage: stage.linked for stage in portfolio.coverage if stage.linked}
    assert covered == {
        "Closed/Won": ("shoe-order-business-journey.json",),
        "Onboarding": ("first-report-user-journey.json",),
    }
