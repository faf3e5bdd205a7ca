"""``journeymapper insights MAP.json [--json]``: readable text, complete JSON, one-line errors."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from journeymapper.commands.insights_command import add_insights_command
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import Touchpoint

from support import SAMPLES


def insights(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="journeymapper")
    add_insights_command(parser.add_subparsers())
    arguments = parser.parse_args(["insights", *argv])
    return arguments.run(arguments)


@pytest.fixture
def small_file(tmp_path, small_map):
    path = tmp_path / "checkout.json"
    json_format.save(small_map, path)
    return path


def test_the_report_reads_as_aligned_sections(small_file, capsys):
    assert insights(str(small_file)) == 0
    report = capsys.readouterr().out
    assert report.startswith("Checkout\ncustomer map, 4 touchpoints, 3 connections;")
    sections = report.split("\n\n")
    assert (
        "Entry points (1): nothing flows or hands off into them\n"
        "  Touchpoint        Stage   Lane\n"
        "  Search for shoes  Browse  Web team"
    ) in sections
    assert "Dead ends: none" in sections
    assert ("Hand-offs between teams (1)\n  From      To        Count\n  Web team  Payments      1") in sections
    assert (
        "Lowest emotional moments (1): below neutral\n"
        "  Emotion  Touchpoint  Stage     Lane\n"
        "       -1  Checkout    Purchase  Web team"
    ) in sections
    assert (
        "Paths from Browse to Purchase (1)\n"
        "  1. Search for shoes -> Compare sizes -> Checkout -> Charge card  [converts 40%; 1 of 3 steps\n"
        "     measured]"
    ) in sections
    assert sections[-2].startswith(
        "Conversion: 40% over the 1 measured of the 3 steps of the best path (no path has a rate on every\n"
    )
    assert sections[-2].endswith("  weakest step: Compare sizes -> Checkout, 40%")


def test_numbers_say_what_was_not_measured(tmp_path, small_map, capsys):
    for card in ("search", "compare", "checkout"):
        small_map.update_touchpoint(card, emotion=1)
    for connection in ("c1", "c2", "c3"):
        small_map.update_connection(connection, conversion_rate=None)
    path = tmp_path / "unmeasured.json"
    json_format.save(small_map, path)
    insights(str(path))
    sections = capsys.readouterr().out.split("\n\n")
    assert "Lowest emotional moments: none below neutral" in sections
    assert sections[-3].endswith("Search for shoes -> Compare sizes -> Checkout -> Charge card  [not measured]")
    assert sections[-2] == "Conversion: no step on a path from the first to the last stage carries a rate"


def test_long_lists_stop_after_ten_rows_and_say_how_many_more(tmp_path, small_map, capsys):
    for number in range(12):
        small_map.add_touchpoint(Touchpoint(id=f"note-{number}", stage="pay", lane="mood", title=f"Note {number}"))
    path = tmp_path / "notes.json"
    json_format.save(small_map, path)
    insights(str(path))
    section = next(part for part in capsys.readouterr().out.split("\n\n") if part.startswith("Off the journey"))
    lines = section.splitlines()
    assert lines[0] == "Off the journey (12): no flow or hand-off in or out"
    assert len(lines) == 1 + 1 + 10 + 1
    assert lines[-1] == "  ... and 2 more (--json lists them all)"


def test_titles_are_clipped_to_one_line(tmp_path, small_map, capsys):
    small_map.update_touchpoint("search", title="Searches\nfor trail shoes in size 42 that fit a wide foot, twice")
    path = tmp_path / "long.json"
    json_format.save(small_map, path)
    insights(str(path))
    entry = capsys.readouterr().out.split("\n\n")[1].splitlines()[2]
    assert entry == "  Searches for trail shoes in size 42 that fit...  Browse  Web team"


def test_json_holds_every_finding_in_a_stable_order(small_file, capsys):
    insights(str(small_file), "--json")
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "file",
        "id",
        "title",
        "kind",
        "entries",
        "exits",
        "dead_ends",
        "unreachable",
        "off_journey",
        "loops",
        "loops_truncated",
        "handoffs",
        "empty_stages",
        "lowest_moments",
        "hot_spots",
        "first_stage",
        "last_stage",
        "paths",
        "paths_truncated",
        "conversion",
        "links",
    ]
    assert data["entries"] == [{"id": "search", "title": "Search for shoes", "stage": "Browse", "lane": "Web team"}]
    assert data["handoffs"] == [{"from_team": "Web team", "to_team": "Payments", "count": 1, "connections": ["c3"]}]
    assert data["conversion"]["rate"] == 0.4
    assert data["conversion"]["weakest"]["connection"] == "c2"


def test_json_rolls_up_each_linked_map_one_level_unless_told(capsys):
    customer = SAMPLES[0].parent / "year-one-customer-journey.json"
    insights(str(customer), "--json")
    links = json.loads(capsys.readouterr().out)["links"]
    onboarding = next(link for link in links if link["origin"]["id"] == "stage-onboarding")
    headline = onboarding["headline"]
    assert (onboarding["status"], onboarding["cycle"]) == ("ok", False)
    assert (headline["id"], headline["kind"]) == ("first-report-user-journey", "user")
    assert list(headline) == [
        "id",
        "title",
        "kind",
        "cards",
        "conversion",
        "lowest_moment",
        "dead_ends",
        "pain_points",
        "changed",
        "links",
    ]
    assert headline["conversion"]["weakest"]["rate"] == 0.44
    assert headline["links"] == []
    insights(str(customer), "--json", "--depth", "2")
    links = json.loads(capsys.readouterr().out)["links"]
    onboarding = next(link for link in links if link["origin"]["id"] == "stage-onboarding")
    back = onboarding["headline"]["links"][0]  # the user journey's invitation links back to the customer journey
    assert (back["path"], back["cycle"], back["headline"]) == ("year-one-customer-journey.json", True, None)


@pytest.mark.parametrize("depth", ["0", "-1", "one"])
def test_the_depth_is_a_whole_number_from_one(depth, capsys):
    with pytest.raises(SystemExit) as exit_:
        insights(str(SAMPLES[0]), "--json", "--depth", depth)
    assert exit_.value.code == 2
    assert "--depth: must be a whole number from 1" in capsys.readouterr().err


def test_a_bad_file_is_a_journey_map_error(tmp_path):
    with pytest.raises(JourneyMapError, match=r"missing.json: cannot read"):
        insights(str(tmp_path / "missing.json"))


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
def test_the_samples(sample, capsys):
    assert insights(str(sample)) == 0
    assert insights(str(sample), "--json") == 0
    assert "Conversion: " in capsys.readouterr().out


def test_the_command_loads_no_qt():
    probe = (
        "import sys, journeymapper.commands.insights_command, journeymapper.commands.portfolio_command; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def behind(report: str) -> str:
    return next(section for section in report.split("\n\n") if section.startswith("Behind this journey"))


def test_the_report_ends_with_the_maps_behind_the_journey(capsys):
    customer = SAMPLES[0].parent / "year-one-customer-journey.json"
    insights(str(customer))
    section = behind(capsys.readouterr().out)
    assert section.startswith(
        "Behind this journey (3 links): the linked maps' headlines\n"
        "  Closed/Won (stage) -> shoe-order-business-journey.json\n"
        "      Online shoe order: from checkout to the end of the return window\n"
        "      Business journey, 32 cards, changed "
    )
    assert "      Converts at most 18.3%: 6 of 11 steps measured; weakest step: Orders trail running" in section
    assert (
        "  Onboarding (stage) -> first-report-user-journey.json\n"
        "      First report and first alert: a new operations analyst\n"
    ) in section
    assert "      Converts 2.28% end to end; weakest step: Lands on an empty home page -> Chooses the WMS\n" in section
    assert "      Lowest moment: Connection test times out (-2), in Connect a data source\n" in section
    assert "      1 dead end, 17 pain points" in section
    assert "Invite & sign-up" not in section  # the user journey's own links wait for --depth 2


def test_the_report_follows_links_as_deep_as_told_and_names_cycles_and_broken_links(tmp_path, capsys):
    customer = SAMPLES[0].parent / "year-one-customer-journey.json"
    insights(str(customer), "--depth", "2")
    assert (
        "      Invite & sign-up (stage) -> year-one-customer-journey.json\n"
        "          Cycle: leads back to a map on the way here, not followed again"
    ) in behind(capsys.readouterr().out)

    document = json_format.load(customer)
    document.update_stage("stage-renewal", links=({"path": "gone.json", "map_id": "gone"},))
    json_format.save(document, tmp_path / "customer.json")
    assert insights(str(tmp_path / "customer.json")) == 0
    section = behind(capsys.readouterr().out)
    assert "  Renewal (stage) -> gone.json\n      Broken link (missing file):" in section
    assert " ".join(section.split()).count(f"{tmp_path / 'gone.json'}: no such file") == 1


def test_a_map_without_links_says_so(small_file, capsys):
    insights(str(small_file))
    assert capsys.readouterr().out.endswith("\n\nBehind this journey: no links to other maps\n")
