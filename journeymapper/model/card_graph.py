"""The touchpoints and their connections, kept as networkx keeps a ``DiGraph``, without networkx.

Importing networkx imports every algorithm it has (about 280 modules, longer than opening a map),
and the editor's first frame needs none of them. ``CardGraph`` holds the same three dicts a
``networkx.DiGraph`` holds (its node, successor and predecessor dicts, an edge's data dict shared by
both ends) and does the few edits the document makes on them; ``networkx()`` hands out a
``DiGraph`` over the very same dicts, importing networkx only then, so that an edit made either way
shows in both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymapper.model.schema import Connection, Touchpoint

if TYPE_CHECKING:
    import networkx as nx

NodeData = dict[str, Touchpoint]
EdgeData = dict[str, Connection]
Adjacency = dict[str, dict[str, EdgeData]]


class CardGraph:
    """A node per touchpoint (``{"touchpoint": ...}``), an edge per connection (``{"connection": ...}``)."""

    def __init__(
        self, nodes: dict[str, NodeData] | None = None, succ: Adjacency | None = None, pred: Adjacency | None = None
    ):
        self.nodes: dict[str, NodeData] = {} if nodes is None else nodes
        self.succ: Adjacency = {} if succ is None else succ
        self.pred: Adjacency = {} if pred is None else pred
        self._networkx: nx.DiGraph[str] | None = None

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def add_node(self, node: str, touchpoint: Touchpoint) -> None:
        self.nodes[node] = {"touchpoint": touchpoint}
        self.succ[node] = {}
        self.pred[node] = {}

    def remove_node(self, node: str) -> None:
        for target in self.succ.pop(node):
            del self.pred[target][node]
        for source in self.pred.pop(node):
            del self.succ[source][node]
        del self.nodes[node]

    def has_edge(self, source: str, target: str) -> bool:
        return target in self.succ.get(source, {})

    def connection(self, source: str, target: str) -> Connection:
        return self.succ[source][target]["connection"]

    def set_edge(self, source: str, target: str, connection: Connection) -> EdgeData:
        """Add the edge, or give the existing one this connection (in its data dict, as networkx
        does); returns the edge's data dict."""
        if self.has_edge(source, target):
            data = self.succ[source][target]
            data["connection"] = connection
        else:
            data = self.succ[source][target] = self.pred[target][source] = {"connection": connection}
        return data

    def remove_edge(self, source: str, target: str) -> None:
        del self.succ[source][target]
        del self.pred[target][source]

    def connections_of(self, node: str) -> list[Connection]:
        """The connections out of the node, then those into it (networkx's out_edges, then in_edges)."""
        return [data["connection"] for data in (*self.succ[node].values(), *self.pred[node].values())]

    def networkx(self) -> nx.DiGraph[str]:
        """A ``networkx.DiGraph`` over these dicts (networkx documents this layout for subclasses,
        and resets its cached views when ``_succ`` and ``_pred`` are assigned)."""
        if self._networkx is None:
            import networkx as nx  # here, not at the top: see the module's docstring

            graph: nx.DiGraph[str] = nx.DiGraph()
            # The stubs do not declare the dicts that networkx documents for subclasses.
            graph._node = self.nodes  # type: ignore[attr-defined]
            graph._succ = self.succ  # type: ignore[attr-defined]
            graph._pred = self.pred  # type: ignore[attr-defined]
            self._networkx = graph
        return self._networkx
