"""Any valid map survives save and load unchanged, and saving is deterministic."""

from __future__ import annotations

from hypothesis import given, settings

from journeymapper.formats.json_format import dumps, loads

from strategies import journey_maps


@settings(max_examples=150, deadline=None)
@given(journey_maps())
def test_load_of_save_is_the_same_map_and_resaving_is_byte_identical(document):
    text = dumps(document)
    reloaded = loads(text)
    assert reloaded == document
    assert dumps(reloaded) == text
