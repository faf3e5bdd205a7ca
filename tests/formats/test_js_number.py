"""JavaScript's Number() of a string: each expected value is what Node prints for Number(text)."""

from __future__ import annotations

import math

import pytest

from journeymapper.formats.js_number import js_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("5", 5),
        ("05", 5),
        ("+5", 5),
        ("5.0", 5),
        ("5.", 5),
        (".5", 0.5),
        ("5e0", 5),
        ("50E-1", 5),
        ("0x5", 5),
        ("0XfF", 255),
        ("0b101", 5),
        ("0o17", 15),
        (" \t5\u00a0\n", 5),
        ("\ufeff5\u3000", 5),
        ("", 0),
        ("   ", 0),
        ("-2", -2),
        ("-Infinity", -math.inf),
        ("1e400", math.inf),
    ],
)
def test_what_number_reads_as_a_number(text, number):
    assert js_number(text) == number


@pytest.mark.parametrize(
    "text", ["five", "5 stars", "1_000", "inf", "nan", "NaN", "infinity", "-0x5", "0x", "0b2", "5..0", "e5", "\x1c5"]
)
def test_what_number_reads_as_nan(text):
    assert math.isnan(js_number(text))
