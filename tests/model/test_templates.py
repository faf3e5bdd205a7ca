"""Built-in templates: each builds a valid, empty map of the right kind that survives a save."""

from __future__ import annotations

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.schema import LaneKind, MapKind
from journeymapper.model.templates import TEMPLATES, default_template, new_from_template, new_map_id, slug


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_builds_a_map_that_round_trips(name: str) -> None:
    template = TEMPLATES[name]
    document = new_from_template(name)

    assert template.name == name
    assert document.kind == template.kind
    assert document.title == template.label
    assert [stage.name for stage in document.stages.values()] == [name for name, _ in template.stages]
    assert [(lane.name, lane.kind, lane.colour) for lane in document.lanes.values()] == list(template.lanes)
    assert document.touchpoint_count() == 0
    assert json_format.loads(json_format.dumps(document)) == document


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_lane_colours_are_distinct_within_a_template(name: str) -> None:
    colours = [colour for _, _, colour in TEMPLATES[name].lanes]
    assert len(set(colours)) == len(colours)


def test_ids_are_readable_slugs_and_the_map_id_is_fresh() -> None:
    first = new_from_template("customer")
    second = new_from_template("customer")

    assert next(iter(first.stages)) == "stage-awareness-lead-generation"
    assert "lane-customer-success" in first.lanes
    assert list(first.stages) == list(second.stages)
    assert first.id.startswith("customer-journey-")
    assert first.id != second.id
    assert next(iter(new_from_template("customer_year_one").stages)) == "stage-closed-won"


def test_title_is_used_and_slugged_into_the_map_id() -> None:
    document = new_from_template("user", "Café onboarding: Q3")

    assert document.title == "Café onboarding: Q3"
    assert document.id.startswith("cafe-onboarding-q3-")


def test_a_title_without_latin_letters_falls_back_to_the_template_name_for_the_id() -> None:
    document = new_from_template("business", "注文")

    assert document.title == "注文"
    assert document.id.startswith("business-")


def test_kinds() -> None:
    assert {name: template.kind for name, template in TEMPLATES.items()} == {
        "customer": MapKind.CUSTOMER,
        "user": MapKind.USER,
        "business": MapKind.BUSINESS,
        "service_blueprint": MapKind.SERVICE_BLUEPRINT,
        "customer_year_one": MapKind.CUSTOMER,
    }


def test_every_kind_has_a_default_template_of_that_kind() -> None:
    for kind in MapKind:
        assert TEMPLATES[default_template(kind)].kind == kind
        assert default_template(kind.value) == default_template(kind)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(JourneyMapError, match=r"unknown map kind 'journey'.*customer, user"):
        default_template("journey")


def test_customer_stages() -> None:
    assert [name for name, _ in TEMPLATES["customer"].stages] == [
        "Awareness & lead generation",
        "Consideration & evaluation",
        "Conversion & purchase",
        "Onboarding & implementation",
        "Adoption & value realization",
        "Retention & expansion",
        "Advocacy & referral",
    ]
    assert [name for name, _, _ in TEMPLATES["customer"].lanes] == [
        "Marketing",
        "Sales",
        "Customer Success",
        "Support",
        "Emotions",
    ]


def test_user_stages() -> None:
    assert [name for name, _ in TEMPLATES["user"].stages] == [
        "Awareness & discovery",
        "Activation",
        "Engagement",
        "Adoption & habit",
        "Retention or churn",
    ]


def test_customer_year_one_stages() -> None:
    assert [name for name, _ in TEMPLATES["customer_year_one"].stages] == [
        "Closed/Won",
        "Kickoff",
        "Onboarding",
        "Success plan",
        "First business review",
        "Renewal",
    ]


def test_service_blueprint_has_the_blueprint_layers_in_order() -> None:
    kinds = [kind for _, kind, _ in TEMPLATES["service_blueprint"].lanes]
    blueprint = [LaneKind.ACTIONS, LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT]
    assert [kind for kind in kinds if kind in blueprint] == blueprint


def test_unknown_template_names_the_valid_ones() -> None:
    with pytest.raises(JourneyMapError) as raised:
        new_from_template("customr")

    message = str(raised.value)
    assert "'customr'" in message
    for name in TEMPLATES:
        assert name in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Closed/Won", "closed-won"), ("UX research & design", "ux-research-design"), ("  Café  ", "cafe"), ("注文", "")],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_new_map_id_says_which_map_it_is_and_is_fresh_each_time():
    first, second = new_map_id("Year one: retail"), new_map_id("Year one: retail")
    assert first.startswith("year-one-retail-") and second.startswith("year-one-retail-")
    assert first != second
    assert new_map_id("渋谷", "customer").startswith("customer-")
