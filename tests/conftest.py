"""Fixtures shared by all tests."""

from __future__ import annotations

import pytest

from journeymapper.model import JourneyDocument

from support import build_small_map


@pytest.fixture
def small_map() -> JourneyDocument:
    return build_small_map()
