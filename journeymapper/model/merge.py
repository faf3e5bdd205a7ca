"""Three-way merge of maps, by id: what two people did to one map, put together.

``merge(base, ours, theirs)`` compares each object (the map's fields, personas, stages, lanes,
cards, connections) by id in the three versions. A change made on one side only is taken; the
same change on both sides is taken once; a card moved on one side and edited on the other keeps
both. Field values merge as ``merge_values`` says; orders (stages, lanes, the cards of a cell)
as ``ordering.merge_order`` says, so that each side's moves and insertions survive.

What cannot be merged is a conflict: the same field changed differently on both sides, an object
removed on one side and changed on the other, a stage, lane or persona removed on one side while
the other still uses it, and a card both sides put in different places. The result then holds
OURS' side, and the conflict keeps THEIRS' (``schema.Conflict``, recorded in the map): nothing is
lost, and ``conflicts.resolve`` takes THEIRS' side later.

The result is always a valid map. Where THEIRS' changes would break it (a card in a stage OURS
removed, a connection to a card OURS deleted), the object keeps OURS' version, or is left out
when OURS never had it, and each of THEIRS' changes to it becomes a conflict.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from journeymapper.model.diff import dumped
from journeymapper.model.document import JourneyDocument
from journeymapper.model.merge_conflicts import ConflictLog, Fields, Version
from journeymapper.model.merge_values import MISSING, known, merge_value, merge_whole
from journeymapper.model.ordering import merge_order, moved
from journeymapper.model.schema import Conflict, ConflictEntity, JourneyMapFile

Collection = Literal["personas", "stages", "lanes", "touchpoints", "connections"]
COLLECTIONS: tuple[Collection, ...] = ("personas", "stages", "lanes", "touchpoints", "connections")
ENTITIES: dict[Collection, ConflictEntity] = {
    "personas": "persona",
    "stages": "stage",
    "lanes": "lane",
    "touchpoints": "touchpoint",
    "connections": "connection",
}


@dataclass(frozen=True)
class MergeResult:
    document: JourneyDocument
    conflicts: tuple[Conflict, ...]
    """The conflicts this merge found. The document records them, after any it held already."""


def merge(base: JourneyDocument, ours: JourneyDocument, theirs: JourneyDocument) -> MergeResult:
    """Merge the changes from ``base`` to ``ours`` and from ``base`` to ``theirs``."""
    return _Merge(Version(base), Version(ours), Version(theirs)).run()


class _Merge:
    def __init__(self, base: Version, ours: Version, theirs: Version) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.items: dict[str, dict[str, Fields]] = {}
        self.log = ConflictLog(base, ours, theirs)
        self.misplaced: set[str] = set()
        """Cards the sides put in different places; their conflicts wait for the merged indexes."""
        self.shuffled = (_shuffled(base, ours), _shuffled(base, theirs))

    def run(self) -> MergeResult:
        info = self._merge_fields("map", str(self.ours.info["id"]), self.base.info, self.ours.info, self.theirs.info)
        for name in COLLECTIONS:
            self.items[name] = self._merge_collection(name)
        self._repair()
        content = self._content(info)
        return MergeResult(JourneyDocument.from_file(content), tuple(self.log.records.values()))

    # -- objects and their fields -------------------------------------------------------------

    def _merge_collection(self, name: Collection) -> dict[str, Fields]:
        versions = (self.base.items[name], self.ours.items[name], self.theirs.items[name])
        merged: dict[str, Fields] = {}
        for item_id in dict.fromkeys([*versions[1], *versions[2]]):  # in base only: both removed it
            kept = self._merge_item(ENTITIES[name], item_id, *(items.get(item_id) for items in versions))
            if kept is not None:
                merged[item_id] = kept
        return merged

    def _merge_item(
        self, entity: ConflictEntity, item_id: str, base: Fields | None, ours: Fields | None, theirs: Fields | None
    ) -> Fields | None:
        if ours is not None and theirs is not None:
            return self._merge_fields(entity, item_id, base or {}, ours, theirs)
        if base is None:  # added on one side
            return ours if ours is not None else theirs
        if ours is None:
            if theirs != base:
                self.log.removed_and_changed(entity, item_id, base, theirs or {}, by_ours=True)
            return None
        if ours != base:
            self.log.removed_and_changed(entity, item_id, base, ours, by_ours=False)
            return ours
        return ours if self._went_with_a_kept_card(entity, ours) else None  # removed by THEIRS alone

    def _went_with_a_kept_card(self, entity: ConflictEntity, ours: Fields) -> bool:
        """A connection THEIRS removed together with a card that the merge keeps (OURS changed
        the card) stays with the card: taking THEIRS' side of the card removes both."""
        if entity != "connection":
            return False
        ends = (str(ours["source"]), str(ours["target"]))
        return any(end in self.items["touchpoints"] and end not in self.theirs.items["touchpoints"] for end in ends)

    def _merge_fields(self, entity: ConflictEntity, item_id: str, base: Fields, ours: Fields, theirs: Fields) -> Fields:
        merged: Fields = {}
        for field, value in ours.items():
            if field in ("stage", "lane"):
                continue
            result = merge_value(base.get(field, MISSING), value, theirs[field])
            merged[field] = known(result.value)
            if result.conflicted:
                self.log.field(entity, item_id, field, known(result.value), known(result.theirs))
        if entity == "touchpoint":
            merged.update(self._merge_cell(item_id, base, ours, theirs))
        return merged

    def _merge_cell(self, card_id: str, base: Fields, ours: Fields, theirs: Fields) -> Fields:
        """A card's stage and lane merge as one place, never into a cell neither side chose. A card
        both sides moved, to different cells or one of them within the cell, is a conflict."""
        cells = [(fields["stage"], fields["lane"]) if fields else None for fields in (base, ours, theirs)]
        moved_ours = cells[1] != cells[0] or card_id in self.shuffled[0]
        moved_theirs = cells[2] != cells[0] or card_id in self.shuffled[1]
        if moved_ours and moved_theirs and cells[1] != cells[2]:
            self.misplaced.add(card_id)
        chosen = theirs if moved_theirs and not moved_ours else ours
        return {"stage": chosen["stage"], "lane": chosen["lane"]}

    # -- keeping the map valid ----------------------------------------------------------------

    def _repair(self) -> None:
        """Bring back or fall back to OURS' version wherever THEIRS' changes broke a reference;
        each step moves an object to OURS' version, so this ends, at worst at OURS' map."""
        while True:
            changed = self._repair_cards()
            changed = self._repair_connections() or changed
            if not changed:
                return

    def _repair_cards(self) -> bool:
        changed = False
        for card_id in list(self.items["touchpoints"]):
            for name, ref in _references(self.items["touchpoints"][card_id]):
                if ref in self.items[name]:
                    continue
                changed = True
                if ref in self.ours.items[name]:
                    self._keep_for_ours(name, ref, "ours still uses it")
                    continue
                self.log.removed_by_ours(ENTITIES[name], ref)
                reason = f"ours removed {ENTITIES[name]} {self.log.label(ENTITIES[name], ref)}"
                self._fall_back("touchpoints", card_id, reason)
                break
        return changed

    def _repair_connections(self) -> bool:
        """Fix the first broken connection; True if there was one."""
        cards, ours_cards = self.items["touchpoints"], self.ours.items["touchpoints"]
        pairs: dict[tuple[str, str], str] = {}
        for connection_id, connection in self.items["connections"].items():
            ends = (str(connection["source"]), str(connection["target"]))
            lost = [end for end in ends if end not in cards]
            ours_still_has = [end for end in lost if end in ours_cards]
            if ours_still_has:
                self._keep_for_ours("touchpoints", ours_still_has[0], "ours still connects to it")
            elif lost:
                reason = f"card {self.log.label('touchpoint', lost[0])} is not in the merge"
                self._fall_back("connections", connection_id, reason)
            elif ends[0] == ends[1]:
                self._fall_back("connections", connection_id, "it would join a card to itself")
            elif ends in pairs:
                reason = f"it would repeat connection {self.log.label('connection', pairs[ends])}"
                self._fall_back("connections", self._not_ours(connection_id, pairs[ends]), reason)
            else:
                pairs[ends] = connection_id
                continue
            return True
        return False

    def _not_ours(self, connection_id: str, other: str) -> str:
        """Of two connections joining the same cards, the one that is not OURS' version."""
        ours = self.ours.items["connections"]
        return other if self.items["connections"][connection_id] == ours.get(connection_id) else connection_id

    def _keep_for_ours(self, name: Collection, item_id: str, reason: str) -> None:
        """THEIRS removed an object OURS still uses: it stays, as OURS has it."""
        self.items[name][item_id] = self.ours.items[name][item_id]
        self.log.kept_for_ours(ENTITIES[name], item_id, reason)

    def _fall_back(self, name: Collection, item_id: str, reason: str) -> None:
        """Put back OURS' version of an object THEIRS' changes broke, or leave it out if OURS has
        none; THEIRS' version goes into conflicts."""
        entity = ENTITIES[name]
        merged = self.items[name].pop(item_id)
        ours = self.ours.items[name].get(item_id)
        if ours is None:
            self.log.left_out(entity, item_id, merged, reason)
            return
        self.items[name][item_id] = ours
        for field, value in merged.items():
            if field not in ("stage", "lane") and ours[field] != value:
                self.log.field(entity, item_id, field, ours[field], value, f" ({reason})")
        if (merged.get("stage"), merged.get("lane")) != (ours.get("stage"), ours.get("lane")):
            self.misplaced.add(item_id)

    # -- order, and the merged file ------------------------------------------------------------

    def _content(self, info: Fields) -> JourneyMapFile:
        content: dict[str, Any] = dict(info)
        ordered: tuple[Collection, ...] = ("personas", "stages", "lanes", "connections")
        for name in ordered:
            versions = (self.base.order(name), self.ours.order(name), self.theirs.order(name))
            order, contested = merge_order(*versions, self.items[name])
            content[name] = [self.items[name][item_id] for item_id in order]
            for item_id in sorted(contested, key=order.index) if name in ("stages", "lanes") else ():
                self.log.position(ENTITIES[name], item_id, order.index(item_id), versions[2].index(item_id))
        stages, lanes = ([item["id"] for item in content[name]] for name in ("stages", "lanes"))
        content["touchpoints"] = list(self._cards(stages, lanes))
        content["conflicts"] = [*self._earlier_conflicts(), *(dumped(c) for c in self.log.records.values())]
        return JourneyMapFile.model_validate(content)

    def _cards(self, stages: list[str], lanes: list[str]) -> Iterator[Fields]:
        cells: dict[tuple[str, str], set[str]] = {}
        for card_id, card in self.items["touchpoints"].items():
            cells.setdefault((str(card["stage"]), str(card["lane"])), set()).add(card_id)
        for cell in ((stage, lane) for stage in stages for lane in lanes if (stage, lane) in cells):
            base, ours, theirs = (version.cells.get(cell, []) for version in (self.base, self.ours, self.theirs))
            order, contested = merge_order(base, ours, theirs, cells[cell])
            for index, card_id in enumerate(order):
                yield {**self.items["touchpoints"][card_id], "index": index}
                if card_id in contested or card_id in self.misplaced:
                    self.log.place(card_id, *cell, index)

    def _earlier_conflicts(self) -> Iterator[Fields]:
        """The conflicts the versions held already, merged as records: one that a side resolved
        stays resolved; one found again by this merge gives way to the new record."""
        versions = (self.base.items["conflicts"], self.ours.items["conflicts"], self.theirs.items["conflicts"])
        for item_id in dict.fromkeys([*versions[1], *versions[2]]):
            record = merge_whole(*(items.get(item_id, MISSING) for items in versions)).value
            if isinstance(record, dict) and item_id not in self.log.records:
                yield record


def _shuffled(base: Version, version: Version) -> set[str]:
    """The cards ``version`` moved within the cell they had in ``base``."""
    found: set[str] = set()
    for cell, cards in version.cells.items():
        before, after = base.cells.get(cell, []), set(cards)
        kept = set(before)
        found |= moved([card for card in before if card in after], [card for card in cards if card in kept])
    return found


def _references(card: Fields) -> Iterator[tuple[Collection, str]]:
    yield "stages", str(card["stage"])
    yield "lanes", str(card["lane"])
    personas = card.get("personas")
    for persona in personas if isinstance(personas, list) else ():
        yield "personas", str(persona)
