"""``journeymapper portfolio DIR [--json]``: the maps of a folder, their links, map ids held by more
than one file, and coverage."""

from __future__ import annotations

import argparse
import json
import shutil

import pytest

from journeymapper.commands.portfolio_command import add_portfolio_command
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import MapLink

from support import SAMPLES, copy_samples

SAMPLE_FOLDER = SAMPLES[0].parent


def portfolio(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="journeymapper")
    add_portfolio_command(parser.add_subparsers())
    arguments = parser.parse_args(["portfolio", *argv])
    return arguments.run(arguments)


def test_the_samples_report(capsys):
    assert portfolio(str(SAMPLE_FOLDER)) == 0
    sections = capsys.readouterr().out.split("\n\n")
    assert sections[0] == f"{SAMPLE_FOLDER}: 3 maps, 4 links (0 broken), 0 files that do not load"
    maps = sections[1].splitlines()
    assert maps[0] == "Maps (3)"
    assert maps[1].split() == ["File", "Kind", "Title", "Stages", "Touchpoints", "Changed"]
    assert maps[4].startswith(
        "  year-one-customer-journey.json    customer  Year one: mid-market retail account, Closed/W..."
    )
    assert "Broken links: none" in sections
    assert not any(part.startswith("Map ids") for part in sections)  # only said when there is one
    assert sections[-1] == (
        "Coverage: 4 of 6 customer-journey stages have no user or business journey linked behind them\n"
        "  year-one-customer-journey.json\n"
        "    Closed/Won             shoe-order-business-journey.json\n"
        "    Kickoff                -- nothing linked --\n"
        "    Onboarding             first-report-user-journey.json\n"
        "    Success plan           -- nothing linked --\n"
        "    First business review  -- nothing linked --\n"
        "    Renewal                -- nothing linked --\n"
    )


def test_broken_links_and_files_that_do_not_load_are_listed(tmp_path, small_map, capsys):
    small_map.update_stage("pay", links=[MapLink(path="orders/order.json", map_id="order")])
    json_format.save(small_map, tmp_path / "checkout.json")
    (tmp_path / "half.json").write_text("{")
    portfolio(str(tmp_path))
    sections = capsys.readouterr().out.split("\n\n")
    assert sections[0] == f"{tmp_path}: 1 map, 1 link (1 broken), 1 file that does not load"
    unreadable = next(part for part in sections if part.startswith("Files that are not maps"))
    assert unreadable.splitlines()[2].startswith(f"  half.json  {tmp_path / 'half.json'}: invalid JSON: line 1")
    broken = next(part for part in sections if part.startswith("Broken links")).splitlines()
    assert broken[0] == "Broken links (1)"
    assert broken[2].split("  ")[1:3] == ["checkout.json", "stage Purchase"]
    assert broken[2].endswith(f"missing file: {(tmp_path / 'orders' / 'order.json').resolve()}: no such file")
    assert sections[-1] == (
        "Coverage: 2 of 2 customer-journey stages have no user or business journey linked behind them\n"
        "  checkout.json\n"
        "    Browse    -- nothing linked --\n"
        "    Purchase  -- nothing linked --\n"
    )


def test_json_is_complete_and_stable(capsys):
    portfolio(str(SAMPLE_FOLDER), "--json")
    first = capsys.readouterr().out
    portfolio(str(SAMPLE_FOLDER), "--json")
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert list(data) == ["folder", "summary", "maps", "unreadable", "duplicates", "links", "coverage"]
    assert data["duplicates"] == []
    assert list(data["maps"][0]) == ["path", "id", "title", "kind", "stages", "touchpoints", "changed"]
    assert data["links"][0] == {
        "source": "first-report-user-journey.json",
        "origin": {"kind": "stage", "id": "stage-invite", "name": "Invite & sign-up", "stage": "stage-invite"},
        "target": "year-one-customer-journey.json",
        "map_id": "year-one-customer-journey",
        "status": "ok",
        "detail": "",
    }
    assert data["coverage"][0] == {
        "map": "year-one-customer-journey.json",
        "stage_id": "stage-closed-won",
        "stage": "Closed/Won",
        "linked": ["shoe-order-business-journey.json"],
    }


# Scan order: by path, folder by folder, so " (copy)" comes before ".json" and the sub-folder last.
SHARING_AN_ID = ("year-one-customer-journey (copy).json", "year-one-customer-journey.json", "variants/enterprise.json")


@pytest.fixture
def copied(tmp_path):
    """The samples, and the customer journey copied twice with the file manager, keeping its id."""
    copy_samples(tmp_path)
    (tmp_path / "variants").mkdir()
    shutil.copy(tmp_path / "year-one-customer-journey.json", tmp_path / "variants" / "enterprise.json")
    shutil.copy(tmp_path / "year-one-customer-journey.json", tmp_path / "year-one-customer-journey (copy).json")
    return tmp_path


def test_map_ids_held_by_more_than_one_file_have_a_section_and_a_word_in_the_headline(copied, capsys):
    assert portfolio(str(copied)) == 0  # a finding, like a broken link, not a failure
    sections = capsys.readouterr().out.split("\n\n")
    assert sections[0].endswith(", 0 files that do not load, 1 map id held by more than one file")
    assert sections[2].startswith("Files that are not maps or do not load")
    assert sections[3].splitlines() == [
        "Map ids held by more than one file (1): open all but one in the editor and choose New id… on the "
        "Inspector's Map page",
        "  Id                         Files",
        "  year-one-customer-journey  " + ", ".join(SHARING_AN_ID),
    ]
    assert sections[4].startswith("Links")


def test_json_lists_each_shared_id_with_its_files(copied, capsys):
    portfolio(str(copied), "--json")
    assert json.loads(capsys.readouterr().out)["duplicates"] == [
        {"id": "year-one-customer-journey", "files": list(SHARING_AN_ID)}
    ]


def test_the_json_summary_counts_and_lists_what_needs_a_look(copied, capsys):
    (copied / "shoe-order-business-journey.json").unlink()  # the Closed/Won stage's link breaks
    portfolio(str(copied), "--json")
    data = json.loads(capsys.readouterr().out)
    summary = data["summary"]
    assert list(summary) == ["broken_links", "gaps", "duplicates"]
    assert [(name, part["count"], len(part["items"])) for name, part in summary.items()] == [
        ("broken_links", 5, 5),  # Closed/Won in all three; the copy in variants/ also misses the user journey
        ("gaps", 16, 16),  # the samples' four in each, Closed/Won in each, Onboarding in variants/
        ("duplicates", 1, 1),
    ]
    assert summary["broken_links"]["items"] == [link for link in data["links"] if link["status"] != "ok"]
    assert summary["gaps"]["items"] == [stage for stage in data["coverage"] if not stage["linked"]]
    assert sum(stage["stage"] == "Closed/Won" for stage in summary["gaps"]["items"]) == 3
    assert summary["duplicates"]["items"] == data["duplicates"]


def test_the_samples_summary_counts_their_gaps_only(capsys):
    portfolio(str(SAMPLE_FOLDER), "--json")
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["broken_links"], summary["duplicates"]) == ({"count": 0, "items": []},) * 2
    assert summary["gaps"]["count"] == 4
    assert [stage["stage"] for stage in summary["gaps"]["items"]] == [
        "Kickoff",
        "Success plan",
        "First business review",
        "Renewal",
    ]


def test_a_folder_that_is_not_one_is_a_journey_map_error(tmp_path):
    with pytest.raises(JourneyMapError, match="not a folder"):
        portfolio(str(tmp_path / "nowhere"))


# -- --pdf: the overview on paper ----------------------------------------------------------------


def test_pdf_writes_the_overview_beside_the_report_making_its_folder(tmp_path, capsys):
    target = tmp_path / "out" / "portfolio.pdf"
    assert portfolio(str(SAMPLE_FOLDER), "--pdf", str(target)) == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.startswith(f"{SAMPLE_FOLDER}: 3 maps")  # the report as without --pdf


def test_pdf_never_writes_over_a_map_of_the_folder_without_force(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    map_file = folder / "year-one-customer-journey.json"
    before = map_file.read_bytes()
    with pytest.raises(JourneyMapError, match="is the file this command reads"):
        portfolio(str(folder), "--pdf", str(map_file))
    assert map_file.read_bytes() == before


def test_a_bad_pdf_path_is_one_clear_line_and_a_failure(tmp_path, capsys):
    from journeymapper.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["portfolio", str(SAMPLE_FOLDER), "--pdf", str(blocker / "x.pdf")]) != 0
    error = capsys.readouterr().err
    assert error.startswith("journeymapper: ") and error.count("\n") == 1 and str(blocker) in error


def test_pdf_to_standard_output_is_the_pdf_alone(capsysbinary):
    assert portfolio(str(SAMPLE_FOLDER), "--pdf", "-") == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"%PDF-") and out.rstrip().endswith(b"%%EOF")
