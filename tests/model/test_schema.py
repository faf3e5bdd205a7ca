"""The committed JSON Schema is the one the models generate, and the models' own rules hold."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from journeymapper.model import MapLink, Persona, PersonaPart, Touchpoint
from journeymapper.model.schema import json_schema_text

from support import REPO


def test_the_committed_json_schema_matches_the_models():
    committed = (REPO / "resources" / "journeymap.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), "run: journeymapper schema > resources/journeymap.schema.json"


@pytest.mark.parametrize("bad_id", ["", "has space", "-leading-dash", "x" * 129, "ünïcode"])
def test_ids_are_short_plain_tokens(bad_id):
    with pytest.raises(ValidationError):
        Touchpoint(id=bad_id, stage="s", lane="l", title="t")


def test_a_uuid_is_a_fine_id():
    assert Touchpoint(id="6f1c2a4e-8b0d-4a57-9f3e-1d2c3b4a5f60", stage="s", lane="l", title="t")


@pytest.mark.parametrize("path", ["/etc/passwd", "C:/maps/x.json", "..\\\\maps\\\\x.json", "", "a\x00b.json"])
def test_map_links_are_relative_forward_slash_paths(path):
    with pytest.raises(ValidationError):
        MapLink(path=path, map_id="m")


def test_a_relative_link_is_accepted():
    assert MapLink(path="../users/first-report.json", map_id="first-report").path == "../users/first-report.json"


def test_models_are_immutable():
    card = Touchpoint(id="t", stage="s", lane="l", title="t")
    with pytest.raises(ValidationError):
        card.title = "changed"


def test_a_persona_part_is_optional_and_one_of_the_known_parts():
    assert Persona(id="p", name="Dana").part is None  # files from before parts still load
    assert Persona(id="p", name="Dana", part="sponsor").part is PersonaPart.SPONSOR
    with pytest.raises(ValidationError):
        Persona(id="p", name="Dana", part="decider")
