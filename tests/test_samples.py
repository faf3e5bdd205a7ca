"""The sample maps shipped in samples/: complete, canonical, and linked to each other correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.formats import json_format
from journeymapper.model.schema import ConnectionKind, MapKind, MapLink

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = {
    "year-one-customer-journey.json": MapKind.CUSTOMER,
    "first-report-user-journey.json": MapKind.USER,
    "shoe-order-business-journey.json": MapKind.BUSINESS,
}


def test_the_samples_folder_holds_exactly_the_expected_maps() -> None:
    assert sorted(path.name for path in SAMPLES.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_is_a_complete_map(name: str) -> None:
    document = json_format.load(SAMPLES / name)
    touchpoints = list(document.touchpoints())
    connections = list(document.connections())

    assert document.kind == EXPECTED[name]
    assert document.id == name.removesuffix(".json")
    assert 15 <= len(touchpoints) <= 40
    assert document.personas and all(p.goals and p.frustrations for p in document.personas.values())
    assert {persona for tp in touchpoints for persona in tp.personas} == set(document.personas)
    emotions = [tp.emotion for tp in touchpoints if tp.emotion is not None]
    assert min(emotions) < 0 < max(emotions)
    assert any(tp.pain_points for tp in touchpoints)
    assert any(tp.opportunities for tp in touchpoints)
    assert any(tp.metrics for tp in touchpoints)
    assert {connection.kind for connection in connections} == set(ConnectionKind)
    assert any(connection.label for connection in connections)
    assert any(c.conversion_rate is not None for c in connections if c.kind == ConnectionKind.FLOW)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_resaving_a_sample_is_byte_identical(name: str, tmp_path: Path) -> None:
    original = SAMPLES / name
    json_format.save(json_format.load(original), tmp_path / name)

    assert (tmp_path / name).read_bytes() == original.read_bytes()


def _links(name: str) -> list[MapLink]:
    document = json_format.load(SAMPLES / name)
    found = [link for stage in document.stages.values() for link in stage.links]
    return found + [link for touchpoint in document.touchpoints() for link in touchpoint.links]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_links_point_to_a_sample_with_that_map_id(name: str) -> None:
    for link in _links(name):
        target = SAMPLES / link.path
        assert target.is_file(), f"{name}: link to missing file {link.path}"
        assert json_format.load(target).id == link.map_id


def test_the_customer_journey_links_to_the_user_and_business_journeys() -> None:
    document = json_format.load(SAMPLES / "year-one-customer-journey.json")

    assert [link.map_id for link in document.stages["stage-closed-won"].links] == ["shoe-order-business-journey"]
    assert [link.map_id for link in document.stages["stage-onboarding"].links] == ["first-report-user-journey"]
