"""How diffs, merge conflicts and map outlines name things: in the map's own words.

Objects go by their name or title (their id when that is empty), cells by "Stage / Lane", and
values as a person reads them: an emotion as ``+1``, a conversion rate as ``62%``, a persona by
name, nothing as ``none``. Long text is shortened: these lines are for reading, and the JSON
beside them keeps every value whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import JsonValue

from journeymapper.errors import shorten
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Connection, Lane, Persona, Stage, Touchpoint

VALUE_LIMIT = 60
Named = Persona | Stage | Lane | Touchpoint


def quoted(text: str) -> str:
    """``'text'`` on one line, shortened."""
    return f"'{shorten(' '.join(text.split()), VALUE_LIMIT)}'"


def label(item: Named) -> str:
    """An object as a person knows it: its name or title, quoted; its id when that is empty."""
    text = item.title if isinstance(item, Touchpoint) else item.name
    return quoted(text if text.strip() else item.id)


def card_label(document: JourneyDocument, touchpoint_id: str) -> str:
    """A card of ``document`` by its title; by its id if the document has no such card."""
    if document.has_touchpoint(touchpoint_id):
        return label(document.touchpoint(touchpoint_id))
    return quoted(touchpoint_id)


def cell_name(document: JourneyDocument, stage_id: str, lane_id: str) -> str:
    """A cell as ``Stage / Lane``, by the names ``document`` gives them."""
    return f"{_plain_name(document.stages, stage_id)} / {_plain_name(document.lanes, lane_id)}"


def connection_name(document: JourneyDocument, connection: Connection) -> str:
    """A connection by the titles of its ends: ``'Search' → 'Compare'``."""
    return f"{card_label(document, connection.source)} → {card_label(document, connection.target)}"


def field_name(field: str) -> str:
    """A field as a person says it: ``pain points``, ``conversion rate``."""
    return field.replace("_", " ")


def value_text(field: str, value: JsonValue, document: JourneyDocument) -> str:
    """A field's JSON value as a person reads it; ids become the names ``document`` gives them."""
    if value is None or value == "" or value == [] or value == {}:
        return "none"
    if field == "emotion" and isinstance(value, int):
        return f"{value:+d}" if value else "0"
    if field == "conversion_rate" and isinstance(value, int | float):
        return f"{value * 100:.3g}%"
    if field in ("source", "target") and isinstance(value, str):
        return card_label(document, value)
    if field == "personas" and isinstance(value, list):
        return ", ".join(_quoted_name(document.personas, str(persona)) for persona in value)
    if field == "metrics" and isinstance(value, dict):
        return ", ".join(_metric_text(name, metric) for name, metric in value.items())
    if field in ("kind", "part") and isinstance(value, str):
        return value.replace("_", " ")
    if field == "links" and isinstance(value, list):
        return ", ".join(str(link.get("path")) if isinstance(link, dict) else str(link) for link in value)
    return _plain_value(value)


def _plain_value(value: JsonValue) -> str:
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return ", ".join(_plain_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {_plain_value(item)}" for key, item in value.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


def _metric_text(name: str, metric: JsonValue) -> str:
    if not isinstance(metric, dict):
        return f"{name} {_plain_value(metric)}"
    unit = f" {metric['unit']}" if metric.get("unit") else ""
    return f"{name} {metric.get('value')}{unit}"


def _plain_name(items: Mapping[str, Stage | Lane], item_id: str) -> str:
    return shorten(" ".join(items[item_id].name.split()) or item_id, VALUE_LIMIT) if item_id in items else item_id


def _quoted_name(items: Mapping[str, Persona], item_id: str) -> str:
    return label(items[item_id]) if item_id in items else quoted(item_id)
