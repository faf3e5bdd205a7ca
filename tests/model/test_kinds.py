"""Every kind of map and every persona part has its wording, presets and teams, in one place."""

from __future__ import annotations

import pytest

from journeymapper.model.kinds import KIND_LABELS, LANE_TEAMS, METRIC_PRESETS, PART_LABELS
from journeymapper.model.schema import MapKind, PersonaPart
from journeymapper.model.templates import TEMPLATES, default_template


@pytest.mark.parametrize("kind", list(MapKind))
def test_every_kind_has_a_label_metric_presets_and_owner_teams(kind: MapKind) -> None:
    presets = METRIC_PRESETS[kind]
    assert KIND_LABELS[kind]
    assert presets and len({preset.name for preset in presets}) == len(presets)
    assert LANE_TEAMS[kind] and len(set(LANE_TEAMS[kind])) == len(LANE_TEAMS[kind])


@pytest.mark.parametrize("kind", list(MapKind))
def test_a_kinds_default_template_is_labelled_as_the_kind(kind: MapKind) -> None:
    assert TEMPLATES[default_template(kind)].label == KIND_LABELS[kind]


def test_the_presets_measure_what_each_kind_is_about() -> None:
    assert [preset.name for preset in METRIC_PRESETS[MapKind.CUSTOMER]] == [
        "Conversion rate",
        "CAC",
        "Churn",
        "NPS",
        "CLV",
        "Time to value",
    ]
    assert ("Time on task", "seconds") in METRIC_PRESETS[MapKind.USER]
    assert ("Cycle time", "hours") in METRIC_PRESETS[MapKind.BUSINESS]
    assert "Customer Success" in LANE_TEAMS[MapKind.CUSTOMER] and "Warehouse" in LANE_TEAMS[MapKind.BUSINESS]


def test_every_persona_part_has_a_label() -> None:
    assert set(PART_LABELS) == set(PersonaPart)
