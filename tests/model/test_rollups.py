"""Roll-ups: each link of a map with the linked map's headline, one level deep unless told, cycles
marked and not followed. The maps are built by hand; every expected number was worked out on paper.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from journeymapper.formats import json_format
from journeymapper.model import Connection, JourneyDocument, Lane, MapLink, Stage, Touchpoint
from journeymapper.model.links import LinkStatus
from journeymapper.model.rollups import roll_up

NOON_1_MAY = datetime.datetime(2024, 5, 1, 12).timestamp()


def save(folder: Path, map_id: str, links: dict[str, list[MapLink]] | None = None) -> Path:
    """A map of two stages: a (emotion -1, a pain point) -> b 40% -> c in S2, and a -> d, a dead end.
    ``links`` puts links on stages, by stage id."""
    document = JourneyDocument(map_id, map_id.title(), "user")
    for stage_id in ("s1", "s2"):
        document.add_stage(Stage(id=stage_id, name=stage_id.upper(), links=(links or {}).get(stage_id, [])))
    document.add_lane(Lane(id="l", name="Product"))
    for card_id, stage, emotion in (("a", "s1", -1), ("b", "s1", 1), ("d", "s1", None), ("c", "s2", 2)):
        pains = ["slow"] if card_id == "a" else []
        document.add_touchpoint(
            Touchpoint(
                id=card_id, stage=stage, lane="l", index=9, title=card_id.upper(), emotion=emotion, pain_points=pains
            )
        )
    document.add_connection(Connection(id="ab", source="a", target="b", conversion_rate=0.5))
    document.add_connection(Connection(id="bc", source="b", target="c", conversion_rate=0.4))
    document.add_connection(Connection(id="ad", source="a", target="d"))
    path = folder / f"{map_id}.json"
    json_format.save(document, path)
    os.utime(path, (NOON_1_MAY, NOON_1_MAY))
    return path


def link(path: str, map_id: str) -> MapLink:
    return MapLink(path=path, map_id=map_id)


def test_a_linked_map_s_headline_sits_under_the_link(tmp_path):
    save(tmp_path, "user")
    top = save(tmp_path, "customer", {"s2": [link("user.json", "user")]})
    (rolled,) = roll_up(json_format.load(top), top, json_format.load)
    assert (rolled.origin.name, rolled.path, rolled.status, rolled.cycle) == ("S2", "user.json", LinkStatus.OK, False)
    headline = rolled.headline
    assert (headline.id, headline.title, headline.kind, headline.cards) == ("user", "User", "user", 4)
    assert headline.conversion.rate == 0.2 and (headline.conversion.rated_steps, headline.conversion.steps) == (2, 2)
    assert headline.conversion.weakest.connection == "bc"
    assert (headline.lowest_moment.card.id, headline.lowest_moment.emotion) == ("a", -1)
    assert [card.id for card in headline.dead_ends] == ["d"]
    assert headline.pain_points == 1
    assert headline.changed == "2024-05-01"
    assert headline.links == ()


def test_a_broken_link_has_its_status_and_no_headline(tmp_path):
    save(tmp_path, "other")
    top = save(tmp_path, "customer", {"s1": [link("gone.json", "gone"), link("other.json", "user")]})
    missing, mismatch = roll_up(json_format.load(top), top, json_format.load)
    assert (missing.status, missing.headline) == (LinkStatus.MISSING_FILE, None)
    assert (mismatch.status, mismatch.headline) == (LinkStatus.ID_MISMATCH, None)
    assert "holds map 'other', not 'user'" in mismatch.detail


def test_deeper_links_roll_up_under_theirs_and_a_cycle_is_marked_not_followed(tmp_path):
    save(tmp_path, "business")
    save(tmp_path, "user", {"s1": [link("customer.json", "customer")], "s2": [link("business.json", "business")]})
    top = save(tmp_path, "customer", {"s2": [link("user.json", "user")]})
    (user,) = roll_up(json_format.load(top), top, json_format.load, depth=2)
    back, business = user.headline.links
    assert (back.status, back.cycle, back.headline) == (LinkStatus.OK, True, None)
    assert (business.cycle, business.headline.id, business.headline.links) == (False, "business", ())
    (deeper,) = roll_up(json_format.load(top), top, json_format.load, depth=3)
    assert deeper.headline.links[1].headline.links == ()  # business links nowhere


def test_a_map_linking_to_itself_is_a_cycle(tmp_path):
    top = save(tmp_path, "customer", {"s1": [link("./customer.json", "customer")]})
    (rolled,) = roll_up(json_format.load(top), top, json_format.load, depth=5)
    assert (rolled.cycle, rolled.headline) == (True, None)


def test_a_map_linked_many_times_is_read_once(tmp_path):
    save(tmp_path, "user")
    top = save(tmp_path, "customer", {"s1": [link("user.json", "user")], "s2": [link("./user.json", "user")]})
    reads = []

    def load(path):
        reads.append(Path(path).name)
        return json_format.load(path)

    first, second = roll_up(json_format.load(top), top, load)
    assert first.headline == second.headline
    assert reads == ["user.json"]
