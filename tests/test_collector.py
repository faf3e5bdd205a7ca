"""Reading or laying out a big map holds back the collector's full passes, and only those."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from journeymapper.collector import (
    FullCollectionsHeld,
    keep_start_up,
    pause_for_start_up,
    release_start_up,
    young_collections_only,
)


@contextmanager
def generations_collected() -> Iterator[list[int]]:
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def enough_new_objects_for_a_full_pass() -> list[list[int]]:
    # A full pass comes once the objects made since the last one reach a quarter of the heap.
    return [[] for _ in range(len(gc.get_objects()) + 100_000)]


def test_young_collections_go_on_and_full_ones_wait():
    gc.collect()
    with generations_collected() as seen, young_collections_only():
        made = enough_new_objects_for_a_full_pass()
    assert 0 in seen and 2 not in seen
    del made


def test_without_it_the_same_work_brings_a_full_pass():
    gc.collect()
    with generations_collected() as seen:
        made = enough_new_objects_for_a_full_pass()
    assert 2 in seen
    del made


def test_the_collector_settings_come_back_even_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), young_collections_only():
        raise RuntimeError("failed while loading")
    assert gc.get_threshold() == before


def test_overlapping_blocks_from_two_threads_give_the_settings_back_when_the_last_ends():
    before = gc.get_threshold()
    export, canvas = young_collections_only(), young_collections_only()
    export.__enter__()
    canvas.__enter__()
    export.__exit__(None, None, None)  # not in the order they began: another thread's block
    assert gc.get_threshold()[2] > 10**9
    canvas.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_start_up_scans_nothing_and_what_it_made_is_left_out_of_later_passes_until_the_window_closes():
    gc.collect()
    with generations_collected() as seen:
        pause_for_start_up()
        try:
            made = [[] for _ in range(100_000)]
            assert seen == []
        finally:
            keep_start_up()
    try:
        assert gc.isenabled() and gc.get_freeze_count() >= len(made)
    finally:
        release_start_up()  # the other tests' passes see everything again
    assert gc.get_freeze_count() == 0


def test_a_hold_dropped_without_its_release_lets_full_passes_go_on():
    before = gc.get_threshold()
    held = FullCollectionsHeld()
    assert gc.get_threshold()[2] > 10**9
    del held
    assert gc.get_threshold() == before
