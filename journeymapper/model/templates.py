"""Built-in templates: a new map with its stages and lanes laid out and no touchpoints yet.

A template whose name is a ``MapKind`` value is that kind's default (``default_template``). Stage and
lane ids are slugs of their names (``stage-onboarding-implementation``, ``lane-customer-success``),
so every map made from one template shares them and maps stay comparable; the map id gets a random
suffix so that two maps made from the same template never share an id.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass

from journeymapper.errors import JourneyMapError
from journeymapper.model.document import JourneyDocument
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.model.schema import Lane, LaneKind, MapKind, Stage

StageSpec = tuple[str, str]
LaneSpec = tuple[str, LaneKind, str]

# Paul Tol's "bright" qualitative palette: its hues stay apart for the common colour-vision
# deficiencies, and their mid lightness tints to a pale wash on a white canvas and still reads
# against a dark one. Grey marks layers (emotions, evidence) rather than owning teams.
BLUE = "#4477aa"
CYAN = "#66ccee"
GREEN = "#228833"
YELLOW = "#ccbb44"
RED = "#ee6677"
PURPLE = "#aa3377"
GREY = "#bbbbbb"


@dataclass(frozen=True)
class Template:
    """The skeleton of a new map: its kind, stages (name, description) and lanes (name, kind, colour)."""

    name: str
    label: str
    kind: MapKind
    description: str
    stages: tuple[StageSpec, ...]
    lanes: tuple[LaneSpec, ...]


_CUSTOMER = Template(
    name="customer",
    label=KIND_LABELS[MapKind.CUSTOMER],
    kind=MapKind.CUSTOMER,
    description=(
        "One account's relationship with us from first awareness to advocacy, owned by Marketing, Sales "
        "and Customer Success and measured by conversion, churn, NPS and customer lifetime value."
    ),
    stages=(
        ("Awareness & lead generation", "The account first hears of us and becomes a known lead."),
        ("Consideration & evaluation", "The buying group compares options: demos, trials, security review."),
        ("Conversion & purchase", "Proposal, negotiation, procurement and signature."),
        ("Onboarding & implementation", "From signature to first value: kickoff, setup, integration, training."),
        ("Adoption & value realization", "Usage spreads and the outcomes promised in the sale are measured."),
        ("Retention & expansion", "Renewal, upsell and cross-sell, and the health signals that predict them."),
        ("Advocacy & referral", "Reviews, case studies, reference calls and referrals."),
    ),
    lanes=(
        ("Marketing", LaneKind.TEAM, PURPLE),
        ("Sales", LaneKind.TEAM, BLUE),
        ("Customer Success", LaneKind.TEAM, GREEN),
        ("Support", LaneKind.TEAM, YELLOW),
        ("Emotions", LaneKind.EMOTIONS, GREY),
    ),
)

_USER = Template(
    name="user",
    label=KIND_LABELS[MapKind.USER],
    kind=MapKind.USER,
    description=(
        "One person's path through the product, session by session, owned by Product and UX and "
        "measured by task success, time on task and error rate."
    ),
    stages=(
        ("Awareness & discovery", "How the person learns the product exists and what it could do for them."),
        ("Activation", "From sign-up to the first moment of real value; every extra step here loses people."),
        ("Engagement", "Return visits for the core tasks the person came for."),
        ("Adoption & habit", "The product becomes part of a routine; deeper features and integrations get used."),
        ("Retention or churn", "The person stays, drifts away or leaves, and the signals that come before each."),
    ),
    lanes=(
        ("User actions", LaneKind.ACTIONS, BLUE),
        ("Thoughts", LaneKind.THOUGHTS, YELLOW),
        ("Product", LaneKind.TEAM, CYAN),
        ("UX research & design", LaneKind.TEAM, PURPLE),
        ("Emotions", LaneKind.EMOTIONS, GREY),
    ),
)

# The emotions lane stays in the business template: an operational map earns its keep by showing
# where a backstage delay or error turns into a customer's frustration.
_BUSINESS = Template(
    name="business",
    label=KIND_LABELS[MapKind.BUSINESS],
    kind=MapKind.BUSINESS,
    description=(
        "The operational process one customer action sets off, team by team and system by system, "
        "measured by cycle time, error rate and cost per order."
    ),
    stages=(
        ("Order placed", "The customer commits; the order is validated and recorded."),
        ("Payment", "Authorisation, fraud screening and capture."),
        ("Inventory", "Stock is reserved and allocated to a fulfilment location."),
        ("Shipping", "Pick, pack, label and hand over to the carrier."),
        ("Delivery", "In transit to the customer's door, then returns and exchanges."),
    ),
    lanes=(
        ("Customer", LaneKind.ACTIONS, BLUE),
        ("Storefront", LaneKind.TEAM, CYAN),
        ("Payments", LaneKind.TEAM, PURPLE),
        ("Warehouse", LaneKind.TEAM, YELLOW),
        ("Logistics", LaneKind.TEAM, GREEN),
        ("Customer service", LaneKind.SUPPORT, RED),
        ("Emotions", LaneKind.EMOTIONS, GREY),
    ),
)

# Physical evidence sits above the customer's actions, as in Bitner and Shostack's blueprints; the
# lines of interaction, visibility and internal interaction fall between the four lanes below it.
_SERVICE_BLUEPRINT = Template(
    name="service_blueprint",
    label=KIND_LABELS[MapKind.SERVICE_BLUEPRINT],
    kind=MapKind.SERVICE_BLUEPRINT,
    description=(
        "What the customer does and sees, the staff and systems that serve them in view and out of "
        "view, and the support processes behind those."
    ),
    stages=(
        ("Discover & choose", "The customer finds the service and decides to use it."),
        ("Request & book", "The customer asks for the service: an order, a booking, an appointment."),
        ("Receive the service", "The service is delivered, in person or remotely."),
        ("Pay & confirm", "Billing, payment and the confirmation the customer keeps."),
        ("Follow up", "Feedback, support and what brings the customer back."),
    ),
    lanes=(
        ("Physical evidence", LaneKind.TOUCHPOINTS, GREY),
        ("Customer actions", LaneKind.ACTIONS, BLUE),
        ("Frontstage", LaneKind.FRONTSTAGE, CYAN),
        ("Backstage", LaneKind.BACKSTAGE, GREEN),
        ("Support processes", LaneKind.SUPPORT, YELLOW),
    ),
)

_CUSTOMER_YEAR_ONE = Template(
    name="customer_year_one",
    label="Customer year one",
    kind=MapKind.CUSTOMER,
    description=(
        "A new B2B customer's first year, from Closed/Won to the first renewal: the months in which "
        "most avoidable churn is decided."
    ),
    stages=(
        ("Closed/Won", "Signature, and the handoff from Sales to Customer Success of what was promised to whom."),
        ("Kickoff", "The first joint meeting: goals, scope, roles, timeline and what first value looks like."),
        ("Onboarding", "Setup, integration, data and training, until the first users get value on their own."),
        ("Success plan", "Agreed outcomes, metrics and milestones for the year; adoption tracked against them."),
        ("First business review", "The sponsor weighs value delivered against the plan and sets next priorities."),
        ("Renewal", "The renewal decision, the commercial negotiation and room for expansion."),
    ),
    lanes=(
        ("Sales", LaneKind.TEAM, BLUE),
        ("Customer Success", LaneKind.TEAM, GREEN),
        ("Support", LaneKind.TEAM, YELLOW),
        ("Product", LaneKind.TEAM, CYAN),
        ("Emotions", LaneKind.EMOTIONS, GREY),
    ),
)

TEMPLATES: dict[str, Template] = {
    template.name: template for template in (_CUSTOMER, _USER, _BUSINESS, _SERVICE_BLUEPRINT, _CUSTOMER_YEAR_ONE)
}


def default_template(kind: MapKind | str) -> str:
    """The name of the template a new map of ``kind`` starts from."""
    try:
        return MapKind(kind).value
    except ValueError:
        kinds = ", ".join(member.value for member in MapKind)
        raise JourneyMapError(f"unknown map kind {kind!r}; the kinds are {kinds}") from None


def new_from_template(template: str, title: str | None = None) -> JourneyDocument:
    """A new map with the template's stages and lanes; ``title`` defaults to the template's label."""
    try:
        chosen = TEMPLATES[template]
    except KeyError:
        names = ", ".join(sorted(TEMPLATES))
        raise JourneyMapError(f"unknown template {template!r}; the templates are {names}") from None
    title = chosen.label if title is None else title
    document = JourneyDocument(new_map_id(title, chosen.name), title, chosen.kind, chosen.description)
    for name, description in chosen.stages:
        document.add_stage(Stage(id=f"stage-{slug(name)}", name=name, description=description))
    for name, kind, colour in chosen.lanes:
        document.add_lane(Lane(id=f"lane-{slug(name)}", name=name, kind=kind, colour=colour))
    return document


def new_map_id(title: str, fallback: str = "map") -> str:
    """A fresh map id that still says which map it is: the title's slug and a random suffix."""
    return f"{slug(title)[:48].strip('-') or slug(fallback)}-{uuid.uuid4().hex[:6]}"


def readable_id(prefix: str, name: str, taken: set[str]) -> str:
    """A readable id, ``prefix-slug-of-name``, with a number added while it is in ``taken``; the
    id is added to ``taken``, so that the next call never returns it again."""
    stem = "-".join(part for part in (prefix, slug(name)[:48].strip("-")) if part)
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate)
    return candidate


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Closed/Won" -> "closed-won", "Café" -> "cafe"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
