"""Undo commands on their own: undo gives back the saved bytes of the map, and redo the edited ones."""

from __future__ import annotations

import pytest

from journeymapper.editor.commands import MoveTouchpoints, Placement, RemoveItems
from journeymapper.errors import JourneyMapError
from journeymapper.formats.json_format import dumps
from journeymapper.model import Touchpoint


def test_undoing_a_delete_puts_the_connections_back_in_their_order_in_the_file(session):
    saved = dumps(session.document)
    session.push(RemoveItems(session.document, ["compare"], (), "Delete 'Compare sizes'"))  # and c1, c2 before c3
    session.undo_stack.undo()
    assert [connection.id for connection in session.document.connections()] == ["c1", "c2", "c3"]
    assert dumps(session.document) == saved


def test_redoing_merged_nudges_of_cards_that_share_a_cell_replays_every_nudge(session):
    document = session.document
    document.add_touchpoint(Touchpoint(id="third", stage="browse", lane="web", index=2, title="Third"))
    for _ in range(2):  # the down arrow, twice, on 'compare' and 'search', as drags.nudge builds it
        moves = [
            Placement(card, "browse", "web", document.touchpoint(card).index + 1)
            for card in document.cell("browse", "web")
            if card in {"compare", "search"}
        ]
        session.push(MoveTouchpoints(document, moves, "Move 2 cards to Browse / Web team", nudge=True))
    nudged = dumps(document)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert document.cell("browse", "web") == ("third", "compare", "search")
    assert dumps(document) == nudged


def test_a_delete_naming_an_unknown_connection_is_refused_and_removes_nothing(session):
    saved = dumps(session.document)
    with pytest.raises(JourneyMapError, match="gone"):
        session.push(RemoveItems(session.document, ["compare"], ["c3", "gone"], "Delete"))
    assert dumps(session.document) == saved and session.undo_stack.count() == 0
