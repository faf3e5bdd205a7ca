"""CardGraph: networkx's dicts without networkx; an edge's data dict is the one both ends share."""

from __future__ import annotations

from journeymapper.model import Connection, Touchpoint
from journeymapper.model.card_graph import CardGraph


def test_setting_an_edge_returns_the_data_dict_both_ends_share_and_keeps_it_on_a_new_connection():
    graph = CardGraph()
    for card in ("a", "b"):
        graph.add_node(card, Touchpoint(id=card, stage="s", lane="l", title=card))
    data = graph.set_edge("a", "b", Connection(id="c1", source="a", target="b"))
    assert data is graph.succ["a"]["b"] is graph.pred["b"]["a"]
    relabelled = Connection(id="c1", source="a", target="b", label="next")
    assert graph.set_edge("a", "b", relabelled) is data and graph.connection("a", "b") is relabelled
