"""Inside one cell: the formula guard, lists, metrics and whole numbers, each written and read back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.formats.csv_cells import (
    CellError,
    format_metrics,
    guard,
    join_list,
    parse_metrics,
    parse_whole,
    split_list,
    unguard,
)
from journeymapper.model import Metric


@pytest.mark.parametrize("text", ["=1+1", "+49 30 1234", "-2 days late", "@SUM(A1)", "\tindented", "\rx", "'quoted"])
def test_text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe_that_reading_takes_off(text):
    assert guard(text) == "'" + text
    assert unguard(guard(text)) == text


@pytest.mark.parametrize("text", ["Kickoff call", "", "2 = two", "a-b"])
def test_other_text_is_written_as_it_is(text):
    assert guard(text) == text == unguard(text)


def test_list_items_are_joined_with_semicolons():
    assert join_list(["Slow SSO", "No admin"]) == "Slow SSO; No admin"
    assert split_list("Slow SSO; No admin") == ["Slow SSO", "No admin"]


def test_a_backslash_keeps_a_semicolon_or_a_backslash_in_an_item():
    assert join_list(["Fast; cheap", "a\\b"]) == "Fast\\; cheap; a\\\\b"
    assert split_list("Fast\\; cheap; a\\\\b") == ["Fast; cheap", "a\\b"]


def test_whitespace_around_items_is_trimmed_and_empty_items_dropped_unless_a_backslash_keeps_it():
    assert split_list("  a ;; b;  ") == ["a", "b"]
    assert join_list([" padded "]) == "\\ padded\\ "
    assert split_list("\\ padded\\ ") == [" padded "]


def test_a_backslash_before_anything_else_is_itself():
    assert split_list("C:\\Users\\ana; \\n") == ["C:\\Users\\ana", "\\n"]


def test_metrics_are_name_equals_value_and_unit():
    metrics = {
        "Time to value": Metric(value=21, unit="days"),
        "NPS": Metric(value=42),
        "Rate": Metric(value=6.5, unit="%"),
    }
    assert format_metrics(metrics) == "Time to value=21 days; NPS=42; Rate=6.5 %"
    assert parse_metrics("Time to value=21 days; NPS=42; Rate=6.5 %") == {
        "Time to value": (21, "days"),
        "NPS": (42, ""),
        "Rate": (6.5, "%"),
    }


def test_whole_numbers_stay_whole_and_decimals_stay_decimal():
    values = parse_metrics("a=48000; b=42.0; c=1e+20; d=-3; e=.5")
    assert [type(value) for value, _ in values.values()] == [int, float, float, int, float]
    assert format_metrics({"b": Metric(value=42.0)}) == "b=42.0"


def test_a_unit_may_follow_the_number_without_a_space_and_may_hold_anything():
    assert parse_metrics("Open rate=68%; Stuck=7 of 9; Pick rate=118 lines/hour") == {
        "Open rate": (68, "%"),
        "Stuck": (7, "of 9"),
        "Pick rate": (118, "lines/hour"),
    }


def test_an_equals_sign_or_semicolon_in_a_metric_name_is_escaped():
    metrics = {"a=b; c": Metric(value=1, unit="x=y")}
    assert format_metrics(metrics) == "a\\=b\\; c=1 x=y"
    assert parse_metrics(format_metrics(metrics)) == {"a=b; c": (1, "x=y")}


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("NPS 42", "'NPS 42' has no '=': write each metric as name=value unit, such as 'NPS=42'"),
        ("=42", "'=42' has no name before '='"),
        ("NPS=", "the value of 'NPS' must be a number such as 21 or 6.5 (a dot for decimals, no thousands"),
        ("NPS=high", "found 'high'"),
        ("Rate=6,5 %", "found '6,5 %'"),
        ("ACV=48,000 USD", "found '48,000 USD'"),
        ("NPS=1; NPS=2", "the metric 'NPS' appears twice"),
    ],
)
def test_a_metric_that_cannot_be_read_says_why(cell, message):
    with pytest.raises(CellError) as caught:
        parse_metrics(cell)
    assert str(caught.value).startswith(message) or message in str(caught.value)


def test_whole_numbers_are_read_within_their_range():
    assert parse_whole(" -2 ", -2, 2) == -2
    assert parse_whole("+1", -2, 2) == 1
    assert parse_whole("12", 0, None) == 12
    for cell, message in (
        ("very sad", "must be a whole number from -2 to 2, found 'very sad'"),
        ("3", "must be a whole number from -2 to 2, found '3'"),
        ("1.0", "found '1.0'"),
    ):
        with pytest.raises(CellError, match=message):
            parse_whole(cell, -2, 2)
    with pytest.raises(CellError, match="must be a whole number of 0 or more, found '-1'"):
        parse_whole("-1", 0, None)


items = st.lists(st.text(max_size=20).filter(lambda text: text != ""), max_size=4)


@given(items)
def test_any_list_of_non_empty_items_comes_back(values):
    assert split_list(unguard(guard(join_list(values)))) == values


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=12),
        st.builds(
            Metric,
            value=st.integers(-(10**20), 10**20) | st.floats(allow_nan=False, allow_infinity=False),
            unit=st.text(max_size=8),
        ),
        max_size=4,
    )
)
def test_any_metrics_come_back_with_their_values_types_and_units(metrics):
    back = parse_metrics(unguard(guard(format_metrics(metrics))))
    assert back == {name: (metric.value, metric.unit) for name, metric in metrics.items()}
    assert [type(value) for value, _ in back.values()] == [type(metric.value) for metric in metrics.values()]
