"""The layout's output, pinned: making ``compute_layout`` faster must not move anything it lays out.

Each digest is of a layout's every number rounded to a thousandth of a point (headers, cells,
cards and their lines, routes, emotion curves, edges, slot centres), for the sample maps and for a
generated map with labelled connections of every kind, emotions and personas. A digest that changes
means the geometry changed: that is a layout change, to be made on purpose and the digest renewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.formats import json_format
from journeymapper.layout import compute_layout

from golden import digest, generated_map

SAMPLES = Path(__file__).parents[1] / "samples"
GOLDEN = {
    "first-report-user-journey.json": "438f13483db1514947162d90c00cfc15f96d65be93457282ce88e1a891b55dcd",
    "shoe-order-business-journey.json": "d52ff2bcde76d01c602897c107f69739c3cb02b5ff73eb4ba0c678061a3af17a",
    "year-one-customer-journey.json": "2a64b9fa1c5b009d66469f73256547c6215e2b275bac1f6a61dc6398ded0948a",
    "generated": "d3a229281bf82f496dd64d1917e10d300c20dafc6cf9bd77f7331cdbc1a3575d",
}


@pytest.mark.parametrize("name", [name for name in GOLDEN if name != "generated"])
def test_the_samples_lay_out_as_they_always_have(name):
    assert digest(compute_layout(json_format.load(SAMPLES / name))) == GOLDEN[name]


def test_a_generated_map_lays_out_as_it_always_has():
    assert digest(compute_layout(generated_map())) == GOLDEN["generated"]
