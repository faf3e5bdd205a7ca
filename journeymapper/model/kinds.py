"""What each kind of map and each persona part is called, and what a map of a kind is measured by
and owned by: the wording the inspector offers and the PDF prints, kept in one place.

Metric presets are suggestions, never constraints: a card's metrics stay free-form. Units follow the
samples' spelling (``days``, ``hours``, ``seconds``); money is in ``USD`` for the user to change.
"""

from __future__ import annotations

from typing import NamedTuple

from journeymapper.model.schema import MapKind, PersonaPart

KIND_LABELS = {
    MapKind.CUSTOMER: "Customer journey",
    MapKind.USER: "User journey",
    MapKind.BUSINESS: "Business journey",
    MapKind.SERVICE_BLUEPRINT: "Service blueprint",
}

PART_LABELS = {
    PersonaPart.SPONSOR: "Executive sponsor",
    PersonaPart.BUYER: "Buyer",
    PersonaPart.ADMINISTRATOR: "Administrator",
    PersonaPart.END_USER: "End user",
    PersonaPart.CHAMPION: "Champion",
    PersonaPart.INFLUENCER: "Influencer",
}


class MetricPreset(NamedTuple):
    name: str
    unit: str


METRIC_PRESETS: dict[MapKind, tuple[MetricPreset, ...]] = {
    # Account-level, over months to years: are we winning, keeping and growing customers?
    MapKind.CUSTOMER: (
        MetricPreset("Conversion rate", "%"),
        MetricPreset("CAC", "USD"),
        MetricPreset("Churn", "%"),
        MetricPreset("NPS", ""),
        MetricPreset("CLV", "USD"),
        MetricPreset("Time to value", "days"),
    ),
    # One person in one session: can they do the task, how fast, and where do they give up?
    MapKind.USER: (
        MetricPreset("Task success rate", "%"),
        MetricPreset("Time on task", "seconds"),
        MetricPreset("Error rate", "%"),
        MetricPreset("Drop-off", "%"),
    ),
    # The operational process: how long, how often it fails, what it costs.
    MapKind.BUSINESS: (
        MetricPreset("Cycle time", "hours"),
        MetricPreset("Failure rate", "%"),
        MetricPreset("Cost", "USD"),
    ),
    # Frontstage and backstage of one service moment: waiting, handling and fixing it first time.
    MapKind.SERVICE_BLUEPRINT: (
        MetricPreset("Wait time", "minutes"),
        MetricPreset("Handling time", "minutes"),
        MetricPreset("First-contact resolution", "%"),
        MetricPreset("CSAT", "%"),
    ),
}

LANE_TEAMS: dict[MapKind, tuple[str, ...]] = {
    MapKind.CUSTOMER: ("Marketing", "Sales", "Customer Success", "Support"),
    MapKind.USER: ("Product", "UX", "Engineering", "Support"),
    MapKind.BUSINESS: ("Payments", "Warehouse", "Logistics", "Finance", "Customer service"),
    MapKind.SERVICE_BLUEPRINT: ("Frontline staff", "Back office", "IT", "Support"),
}
