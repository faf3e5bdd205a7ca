"""A map wider than any view: twelve stages of three team lanes, two cards a cell, each card
leading to the next. Gestures far out and close in are tried on it."""

from __future__ import annotations

from journeymapper.model import Connection, JourneyDocument, Lane, Stage, Touchpoint

STAGES, LANES, PER_CELL = 12, 3, 2


def wide_map() -> JourneyDocument:
    """Twelve stages, three team lanes, two cards a cell, each card leading to the next."""
    document = JourneyDocument("wide", "Wide", "customer")
    for stage in range(STAGES):
        document.add_stage(Stage(id=f"s{stage}", name=f"Stage {stage}"))
    for lane in range(LANES):
        document.add_lane(Lane(id=f"l{lane}", name=f"Team {lane}"))
    previous = None
    for stage in range(STAGES):
        for lane in range(LANES):
            for index in range(PER_CELL):
                card_id = f"t{stage}-{lane}-{index}"
                document.add_touchpoint(
                    Touchpoint(id=card_id, stage=f"s{stage}", lane=f"l{lane}", index=index, title=card_id)
                )
                if previous is not None:
                    document.add_connection(Connection(id=f"c-{card_id}", source=previous, target=card_id))
                previous = card_id
    return document
