"""The page an export chooses when none is given: the smallest standard page of the locale's paper
that prints the map's smallest text at 6 pt or more, else a readable poster on the smallest page,
turned whichever way takes fewer sheets."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size
from journeymapper.formats.pdf.automatic import ISO_SIZES, US_SIZES, choose, paper_sizes
from journeymapper.formats.pdf.fit import fitted_text
from journeymapper.formats.pdf.poster import poster_tiling
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import MIN_TEXT
from journeymapper.model import JourneyDocument

from pdfcheck import busy_map
from support import REPO, build_small_map


def scene_of(name: str) -> MapScene:
    return MapScene.of(json_format.load(REPO / "samples" / f"{name}.json"))


@pytest.mark.parametrize(("environment", "sizes"), [
    ({"LANG": "en_US.UTF-8"}, US_SIZES),
    ({"LANG": "en_CA.UTF-8"}, US_SIZES),
    ({"LANG": "es_MX"}, US_SIZES),
    ({"LANG": "fr_CA.utf8@euro"}, US_SIZES),
    ({"LANG": "en_GB.UTF-8"}, ISO_SIZES),
    ({"LANG": "de_DE.UTF-8"}, ISO_SIZES),
    ({"LANG": "C.UTF-8"}, ISO_SIZES),
    ({}, ISO_SIZES),
    ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, ISO_SIZES),  # the paper's own setting wins over LANG
    ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, US_SIZES),  # and LC_ALL over both
    ({"LC_ALL": "", "LC_PAPER": "", "LANG": "en_US"}, US_SIZES),  # empty is unset
])  # fmt: skip
def test_the_locale_says_which_paper(environment, sizes):
    assert paper_sizes(environment) == sizes


def test_a_small_map_goes_on_the_smallest_page():
    choice = choose(MapScene.of(build_small_map()), ExportOptions(), ISO_SIZES)
    assert choice.options.describe_page() == "A4 landscape" and choice.options.mode == "fit"
    assert choice.smallest_text >= MIN_TEXT


@pytest.mark.parametrize(("name", "iso", "us"), [
    ("year-one-customer-journey", "A3 landscape", None),
    ("first-report-user-journey", "A2 landscape", None),
    ("shoe-order-business-journey", "A2 landscape", None),
])  # fmt: skip
def test_each_sample_goes_on_the_smallest_page_that_prints_it_readably(name, iso, us):
    scene = scene_of(name)
    for sizes, expected in ((ISO_SIZES, iso), (US_SIZES, us)):
        choice = choose(scene, ExportOptions(), sizes)
        assert choice.smallest_text >= MIN_TEXT
        if expected is None:  # larger than Tabloid holds readably: a poster on Letter
            assert (choice.options.mode, choice.options.page.name) == ("tile", "Letter")
            continue
        assert choice.options.describe_page() == expected and choice.options.mode == "fit"
        smaller = sizes[sizes.index(choice.options.page.name) - 1] if choice.options.page.name != sizes[0] else None
        if smaller:
            for orientation in ("landscape", "portrait"):
                options = ExportOptions(page=page_size(smaller), orientation=orientation)
                assert fitted_text(scene, options) < MIN_TEXT


def test_a_map_too_big_for_a0_becomes_a_readable_poster_on_a4():
    scene = MapScene.of(busy_map(240, stages=60, lanes=4))
    choice = choose(scene, ExportOptions(), ISO_SIZES)
    assert (choice.options.mode, choice.options.describe_page()) == ("tile", "A4 landscape")
    assert MIN_TEXT <= choice.smallest_text < MIN_TEXT * 1.1  # as few sheets as stay readable
    assert round(choice.options.scale * 20) == pytest.approx(choice.options.scale * 20)  # a round scale
    assert choice.describe().startswith("chose a poster on A4 landscape sheets at scale ")


def test_fit_asked_for_takes_the_largest_page_rather_than_a_poster():
    scene = MapScene.of(busy_map(240, stages=60, lanes=4))
    choice = choose(scene, ExportOptions(), ISO_SIZES, poster=False)
    assert (choice.options.mode, choice.options.page.name) == ("fit", "A0")
    assert choice.smallest_text < MIN_TEXT and "so that" not in choice.describe()


def test_tile_asked_for_takes_the_smallest_page_at_the_scale_given():
    choice = choose(scene_of("year-one-customer-journey"), ExportOptions(mode="tile", scale=0.8), US_SIZES)
    assert (choice.options.mode, choice.options.scale, choice.options.page.name) == ("tile", 0.8, "Letter")


def test_an_orientation_given_is_kept():
    choice = choose(scene_of("year-one-customer-journey"), ExportOptions(orientation="portrait"), ISO_SIZES)
    assert choice.options.describe_page().endswith("portrait") and choice.smallest_text >= MIN_TEXT


def test_the_choice_is_said_in_one_line():
    choice = choose(scene_of("shoe-order-business-journey"), ExportOptions(), ISO_SIZES)
    assert choice.describe() == f"chose A2 landscape so that the smallest text prints at {choice.smallest_text:.1f} pt"


def test_a_map_without_stages_or_lanes_goes_on_the_smallest_page_and_says_why():
    for mode in ("fit", "tile"):
        choice = choose(MapScene.of(JourneyDocument("empty", "Empty", "customer")), ExportOptions(mode=mode), US_SIZES)
        assert (choice.options.mode, choice.options.describe_page()) == ("fit", "Letter landscape")
        assert choice.describe() == "chose Letter landscape: the map has no stages or lanes yet"


def test_a_poster_is_turned_whichever_way_takes_fewer_sheets():
    scene = scene_of("shoe-order-business-journey")
    choice = choose(scene, ExportOptions(), US_SIZES)  # larger than Tabloid holds readably
    chosen = len(poster_tiling(scene, choice.options).sheets)
    for orientation in ("landscape", "portrait"):
        assert chosen <= len(poster_tiling(scene, replace(choice.options, orientation=orientation)).sheets)
