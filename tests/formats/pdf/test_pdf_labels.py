"""Connector labels on paper: never on top of each other or of a card, whole in the samples as the
canvas lays them out and as print does (its labelled hops leave room for a label on the arrow),
and where a map is too crowded for some, the export says so and the appendix gives them in full."""

from __future__ import annotations

import datetime

import pytest

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, plan_pages, render_pdf
from journeymapper.formats.pdf.fonts import load_fonts
from journeymapper.formats.pdf.scene import MapScene, map_texts
from journeymapper.layout import DEFAULT_STYLE

from crowded_labels import CROWDED, assert_labels_sound, fan
from pdfcheck import page_texts, squeezed
from support import REPO, SAMPLES


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_show_every_label_whole_at_the_canvas_sizes(path):
    document = json_format.load(path)
    scene = MapScene(document, load_fonts(map_texts(document)), DEFAULT_STYLE)
    labels = scene.connector_labels
    assert_labels_sound(scene.document, scene.layout, labels, scene.style, scene.fonts.width)
    assert labels.placed and not labels.shortened and not labels.left_out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_print_every_label_whole_clear_of_the_others_and_the_cards_and_inside_the_map(path):
    scene = MapScene.of(json_format.load(path))
    labels = scene.connector_labels
    assert_labels_sound(scene.document, scene.layout, labels, scene.style, scene.fonts.width)
    assert labels.placed and not labels.shortened and not labels.left_out
    extent = scene.extent  # what a page shows of the map
    for placement in labels.placed.values():
        box = placement.box
        assert extent.x <= box.x and box.right <= extent.right and extent.y <= box.y and box.bottom <= extent.bottom


@pytest.mark.parametrize("name", sorted(CROWDED))
def test_a_crowded_map_prints_its_labels_clear_of_each_other_and_the_cards(name):
    scene = MapScene.of(CROWDED[name]())
    assert_labels_sound(scene.document, scene.layout, scene.connector_labels, scene.style, scene.fonts.width)


def test_the_export_counts_the_labels_shortened_and_left_out_and_the_appendix_lists_them_in_full():
    document = fan(10)
    labels = MapScene.of(document).connector_labels
    shortened, left_out = len(labels.shortened), len(labels.left_out)
    assert shortened and left_out
    without = render_pdf(document, ExportOptions())
    assert any(f"{shortened} connector labels are shortened" in warning for warning in without.warnings)
    assert any(f"{left_out} are left out of the map" in warning for warning in without.warnings)
    assert any("export with the appendix" in warning for warning in without.warnings)
    assert [page.kind for page in plan_pages(document, ExportOptions()).pages] == ["map"]

    options = ExportOptions(appendix=True)
    rendered = render_pdf(document, options)
    assert any("the appendix lists them in full" in warning for warning in rendered.warnings)
    kinds = [page.kind for page in plan_pages(document, options).pages]
    assert kinds[-1] == "labels"
    texts = page_texts(rendered.data)
    the_map, the_list = texts[0], "".join(text for text, kind in zip(texts, kinds) if kind == "labels")
    for placement in labels.shortened.values():
        assert squeezed(placement.text) in the_map
        assert squeezed(placement.full_text) in the_list and squeezed(f"shortened: {placement.text}") in the_list
    for text in labels.left_out.values():
        assert squeezed(text) not in the_map and squeezed(text) in the_list
    assert the_list.count(squeezed("left out: no room beside its line")) == left_out


def test_a_map_with_every_label_whole_has_no_list_and_no_warning_of_labels():
    document = json_format.load(REPO / "samples" / "year-one-customer-journey.json")
    plan = plan_pages(document, ExportOptions(appendix=True))
    assert "labels" not in [page.kind for page in plan.pages]
    assert not any("connector label" in warning for warning in plan.warnings)


def test_a_crowded_map_exports_byte_identical_every_time():
    options = ExportOptions(mode="tile", appendix=True, date=datetime.date(2024, 1, 2))
    first = render_pdf(CROWDED["short lanes"](), options).data
    assert render_pdf(CROWDED["short lanes"](), options).data == first


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_default_export_of_a_sample_says_nothing_of_labels(path):
    rendered = render_pdf(json_format.load(path))
    assert not any("connector label" in warning for warning in rendered.warnings)
