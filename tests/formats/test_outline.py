"""The outline git's textconv compares: one line per object and per fact, in map order."""

from __future__ import annotations

from journeymapper.formats import json_format
from journeymapper.formats.outline import HEADINGS, outline
from journeymapper.model import Conflict, MapLink

from support import SAMPLES, build_small_map


def test_the_outline_names_each_object_and_its_facts_in_map_order():
    document = build_small_map()
    document.update_touchpoint("checkout", pain_points=["Slow", "Costly"], description="Two\nlines")
    document.update_stage("pay", links=[MapLink(path="orders.json", map_id="orders", label="Order process")])
    lines = outline(document).splitlines()
    assert lines[:4] == [
        "Map 'Checkout' (customer journey)",
        "  author: 'Ana Lima'",
        "Persona 'Bea'",
        "  role: 'Buyer'",
    ]
    assert "  link: orders.json (map orders) 'Order process'" in lines
    start = lines.index("Card 'Checkout' in Purchase / Web team")
    assert lines[start : start + 5] == [
        "Card 'Checkout' in Purchase / Web team",
        "  emotion: -1",
        "  persona: 'Bea'",
        "  description: 'Two\\nlines'",
        "  pain point: 'Slow'",
    ]
    assert lines[-3:] == [
        "Connection 'Compare sizes' → 'Checkout' (flow)",
        "  conversion rate: 0.4",
        "Connection 'Checkout' → 'Charge card' (handoff)",
    ]


def test_every_object_line_starts_with_a_heading_git_can_find():
    document = json_format.load(SAMPLES[0])
    document.add_conflict(Conflict(id="k", entity="map", entity_id=document.id, field="title", text="title"))
    for line in outline(document).splitlines():
        assert line.startswith("  ") or line.split(" ")[0] in HEADINGS


def test_a_moved_card_changes_one_line():
    before = outline(build_small_map()).splitlines()
    document = build_small_map()
    document.move_touchpoint("charge", "browse", "payments", 0)
    after = outline(document).splitlines()
    assert set(before) ^ set(after) == {
        "Card 'Charge card' in Purchase / Payments",
        "Card 'Charge card' in Browse / Payments",
    }
