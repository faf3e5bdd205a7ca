"""The Insights dock: what ``map_insights`` finds in the open map, grouped by kind of finding.

Clicking a finding selects its cards on the canvas (or the empty stage's header) and scrolls to
them; clicking a group selects every card in it. "Behind this journey" lists each link to another
map with that map's headline (as the link badges show it), and clicking one follows the link as
the badge does. The findings follow the map: any change to the
document schedules one refresh on the next turn of the event loop, so that a command touching many
cards, or several edits in a row, recompute once; and while the dock is hidden (closed, or behind
another tab) nothing is computed until it shows again. The linked maps' headlines come from the
scene's link check as they are worked out (``MapScene.headlines``), each arrival one more refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QHeaderView, QTreeWidgetItem

from journeymapper.counting import counted
from journeymapper.editor.dock_lists import DETAIL, ListBody
from journeymapper.editor.inspector.style import palette
from journeymapper.editor.linking import FoundLink, LinkBadge, Owner
from journeymapper.editor.scene import MapScene
from journeymapper.editor.view import MapView
from journeymapper.model import Change, JourneyDocument
from journeymapper.rollup_text import rate

if TYPE_CHECKING:
    from journeymapper.model.insights import Card, Insights

TARGET = Qt.ItemDataRole.UserRole
"""Where a tree item keeps what it points at: a ``Target``."""
GROUP_KEY = Qt.ItemDataRole.UserRole + 1
PROBLEMS = ("dead_ends", "unreachable", "loops", "empty_stages")
EXPANDED_AT_FIRST = {"dead_ends", "unreachable", "loops", "lowest_moments", "conversion", "behind"}
FOLLOW = "Click to open the linked map (Alt+Left comes back)."


@dataclass(frozen=True)
class Target:
    cards: tuple[str, ...] = ()
    stage: str | None = None
    link: LinkBadge | None = None
    """A link to follow, as a click on its badge would."""


@dataclass(frozen=True)
class Finding:
    text: str
    detail: str
    """A second, quieter line (where the card sits, how long a loop is); may be empty."""
    value: str
    """A short figure in the right-hand column (an emotion, a rate, a count); may be empty."""
    target: Target
    tooltip: str = ""
    problem: bool = False
    """Drawn as something to look at (a broken link)."""


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    findings: tuple[Finding, ...]
    note: str = ""
    """Said when there is nothing to list."""
    truncated: bool = False
    """The list stops short: there are more."""


def _where(card: Card) -> str:
    return f"{card.stage} · {card.lane}"


def _card(card: Card, value: str = "") -> Finding:
    return Finding(card.title, _where(card), value, Target((card.id,)), f"{card.title}\n{card.stage} / {card.lane}")


def _chain(cards: Iterable[Card], close: bool = False) -> str:
    titles = [card.title for card in cards]
    return " → ".join([*titles, titles[0]] if close and titles else titles)


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.0%}" if rate >= 0.01 or rate == 0 else f"{rate:.1%}"


def _measured(rated: int, steps: int) -> str:
    return "every step measured" if rated == steps else f"{rated} of {steps} steps measured"


def _signed(number: int) -> str:
    return f"{number:+d}".replace("-", "\u2212")


def groups(insights: Insights, connection_ends: Callable[[str], tuple[str, str]]) -> list[Group]:
    """The findings as the dock lists them; ``connection_ends`` gives a connection's two card ids."""
    found = insights

    def cards(items: Iterable[Card]) -> tuple[Finding, ...]:
        return tuple(_card(card) for card in items)

    loops = tuple(
        Finding(
            _chain(loop, close=True),
            counted(len(loop), "card"),
            "",
            Target(tuple(c.id for c in loop)),
            _chain(loop, close=True),
        )
        for loop in found.loops
    )
    handoffs = tuple(
        Finding(
            f"{handoff.from_team} → {handoff.to_team}",
            "",
            f"×{handoff.count}",
            Target(
                tuple(dict.fromkeys(end for connection in handoff.connections for end in connection_ends(connection)))
            ),
            f"{counted(handoff.count, 'hand-off')} from {handoff.from_team} to {handoff.to_team}",
        )
        for handoff in found.handoffs
    )
    empty = tuple(
        Finding(stage.name, "", "", Target(stage=stage.id), f"{stage.name} has no cards")
        for stage in found.empty_stages
    )
    lowest = tuple(_card(moment.card, _signed(moment.emotion)) for moment in found.lowest_moments)
    hot = tuple(
        Finding(
            f"{spot.stage.name} · {spot.lane.name}",
            counted(len(spot.touchpoints), "card"),
            str(spot.pain_points),
            Target(spot.touchpoints),
            f"{counted(spot.pain_points, 'pain point')} in {spot.stage.name} / {spot.lane.name}",
        )
        for spot in found.hot_spots
    )
    paths = tuple(
        Finding(
            _chain(path.cards),
            f"{counted(len(path.cards), 'card')}, {_measured(path.rated_steps, path.steps)}",
            _percent(path.conversion),
            Target(tuple(card.id for card in path.cards)),
            _chain(path.cards),
        )
        for path in found.paths
    )
    span = (
        f"{found.first_stage.name} → {found.last_stage.name}"
        if found.first_stage and found.last_stage and found.first_stage != found.last_stage
        else ""
    )
    conversion: tuple[Finding, ...] = ()
    if found.conversion is not None:
        best = found.conversion
        step = best.weakest
        conversion = (
            Finding(
                "Expected end to end" if best.path.fully_measured else "Over the measured steps",
                f"best path, {_measured(best.rated_steps, best.steps)}",
                _percent(best.rate),
                Target(tuple(card.id for card in best.path.cards)),
                f"The best converting path: {_chain(best.path.cards)}",
            ),
            Finding(
                "Weakest step",
                f"{step.source.title} → {step.target.title}",
                _percent(step.rate),
                Target((step.source.id, step.target.id)),
                f"{step.source.title} → {step.target.title} converts {_percent(step.rate)}",
            ),
        )
    return [
        Group("entries", "Entry points", cards(found.entries), "no card starts the journey"),
        Group("exits", "Exits", cards(found.exits), "no card ends the journey"),
        Group("dead_ends", "Dead ends", cards(found.dead_ends), "every exit is in the last stage"),
        Group("unreachable", "Unreachable", cards(found.unreachable), "every card can be reached from an entry"),
        Group("off_journey", "Off the journey", cards(found.off_journey), "every card has a flow or hand-off"),
        Group("loops", "Loops", loops, "no loops", found.loops_truncated),
        Group("handoffs", "Hand-offs between teams", handoffs, "no hand-offs between team lanes"),
        Group("empty_stages", "Empty stages", empty, "every stage has cards"),
        Group("lowest_moments", "Lowest moments", lowest, "none below neutral"),
        Group("hot_spots", "Pain-point hot spots", hot, "no pain points recorded"),
        Group(
            "paths",
            "Paths " + (span or "through the map"),
            paths,
            "no path from the first stage to the last",
            found.paths_truncated,
        ),
        Group("conversion", "Conversion", conversion, "no conversion rates on the paths"),
    ]


def behind(document: JourneyDocument, badges: dict[Owner, LinkBadge]) -> Group:
    """Each link of the map, on a stage or a card, with the linked map's headline."""
    findings = tuple(
        _behind(_owner_name(document, owner), owner, found) for owner, badge in badges.items() for found in badge.links
    )
    return Group("behind", "Behind this journey", findings, "no links to other maps")


def _owner_name(document: JourneyDocument, owner: Owner) -> str:
    kind, owner_id = owner
    return document.stages[owner_id].name if kind == "stage" else document.touchpoint(owner_id).title


def _behind(name: str, owner: Owner, found: FoundLink) -> Finding:
    where = found.target.title if found.ok and found.target is not None else found.link.path
    headline = found.headline
    tooltip = f"{found.explain()}\n\n{FOLLOW}" if found.ok else found.explain()
    return Finding(
        f"{name} → {where}",
        found.summary(),
        rate(headline.conversion) if headline is not None else "",
        Target(link=LinkBadge(owner, (found,))),
        tooltip,
        problem=not found.ok,
    )


class InsightsList(ListBody):
    """The Insights dock's body. ``showing`` says whether it is on screen (``DeferredDock.showing``,
    kept up to date through ``set_showing``)."""

    def __init__(self, view: MapView, showing: bool):
        super().__init__("insights", view)
        self.insights: Insights | None = None
        self.refreshes = 0
        self._stale = False
        self.showing = showing
        self._expanded = set(EXPANDED_AT_FIRST)
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh)

        self.tree.setColumnCount(2)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemExpanded.connect(lambda item: self._expanded.add(item.data(0, GROUP_KEY)))
        self.tree.itemCollapsed.connect(lambda item: self._expanded.discard(item.data(0, GROUP_KEY)))
        self.restyle()
        self.refresh()

    def restyle(self) -> None:
        """Colours for the theme in use, again after the system switched light or dark."""
        super().restyle()
        colours = palette()
        self._problem, self._muted = QColor(colours.error), QColor(colours.muted)
        self._stale = True  # the findings' rows carry the old colours
        self.set_showing(self.showing)

    # -- following the map --------------------------------------------------------------------

    def set_scene(self, scene: MapScene | None) -> None:
        if self.scene is not None:
            self.scene.headlines.read.disconnect(self._headline_read)
        self.follow(scene, self._on_change)
        if scene is not None:
            scene.headlines.read.connect(self._headline_read)
        self._refresh.stop()
        self._stale = True
        self.set_showing(self.showing)
        if scene is None:
            self.refresh()

    def _on_change(self, change: Change) -> None:
        self._stale = True
        if self.showing:
            self._refresh.start()  # restarting a pending zero timer: one refresh for the whole turn

    def _headline_read(self) -> None:
        """A linked map's numbers arrived: only "Behind this journey" changes, so only it is
        rebuilt (the map's own insights stay as they are); hidden, the dock catches up when shown."""
        old = self.group_item("behind")
        if self._stale or not self.showing or self.scene is None or old is None:
            self._stale = True
            return
        index = self.tree.indexOfTopLevelItem(old)
        self.tree.takeTopLevelItem(index)
        item = self._group_item(behind(self.scene.document, self.scene.link_badges), self._bold())
        self.tree.insertTopLevelItem(index, item)
        item.setExpanded("behind" in self._expanded and item.childCount() > 0)

    def set_showing(self, visible: bool) -> None:
        self.showing = visible
        if visible and self._stale:
            self._refresh.start()

    def refresh(self) -> None:
        """Recompute the findings and rebuild the list, keeping which groups are open."""
        self._refresh.stop()
        self._stale = False
        self.refreshes += 1
        self.tree.clear()
        if self.scene is None:
            self.insights = None
            self.summary.setText(
                "Open a map to see where its journey starts, stops, breaks, loops, changes hands and hurts."
            )
            return
        # Here, not at the top: the graph algorithms (networkx) load when the dock first shows
        # findings, not before the editor's first frame.
        from journeymapper.model.insights import map_insights

        document = self.scene.document
        self.insights = map_insights(document)

        def ends(connection_id: str) -> tuple[str, str]:
            connection = document.connection(connection_id)
            return connection.source, connection.target

        found = groups(self.insights, ends)
        self._summarise(found)
        linked = behind(document, self.scene.link_badges)
        # First when there are links: what the maps behind the journey say is why they are there.
        found.insert(0 if linked.findings else len(found), linked)
        bold = self._bold()
        for group in found:
            item = self._group_item(group, bold)
            self.tree.addTopLevelItem(item)
            item.setExpanded(group.key in self._expanded and bool(group.findings))

    def _summarise(self, found: list[Group]) -> None:
        problems = [
            (group.title.lower(), len(group.findings)) for group in found if group.key in PROBLEMS and group.findings
        ]
        if problems:
            listed = ", ".join(f"{count} {title}" for title, count in problems)
            self.summary.setText(f"<b>To look at:</b> {listed}.")
        else:
            self.summary.setText("<b>No dead ends, unreachable cards, loops or empty stages.</b>")

    def _bold(self) -> QFont:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        return bold

    def _group_item(self, group: Group, bold: QFont) -> QTreeWidgetItem:
        count = len(group.findings)
        item = QTreeWidgetItem([group.title, f"{count:,}"])
        item.setData(0, GROUP_KEY, group.key)
        item.setFont(0, bold)
        item.setFont(1, bold)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        problem = group.key in PROBLEMS and count
        item.setForeground(1, QBrush(self._problem if problem else self._muted))
        cards = tuple(dict.fromkeys(card for finding in group.findings for card in finding.target.cards))
        if cards:
            item.setData(0, TARGET, Target(cards))
            item.setToolTip(0, f"Click to select the {counted(len(cards), 'card')} of this group")
        for finding in group.findings:
            child = QTreeWidgetItem([finding.text, finding.value])
            child.setData(0, TARGET, finding.target)
            child.setData(0, DETAIL, finding.detail)
            child.setToolTip(0, finding.tooltip or finding.text)
            child.setForeground(1, QBrush(self._muted))
            if finding.problem:
                child.setForeground(0, QBrush(self._problem))
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.addChild(child)
        if not group.findings:
            item.setForeground(0, QBrush(self._muted))
            item.setToolTip(0, group.note.capitalize())
        elif group.truncated:
            note = QTreeWidgetItem([f"and more: the list stops at {count}", ""])
            note.setForeground(0, QBrush(self._muted))
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(note)
        return item

    # -- choosing a finding -------------------------------------------------------------------

    def group_item(self, key: str) -> QTreeWidgetItem | None:
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            assert item is not None  # number < topLevelItemCount()
            if item.data(0, GROUP_KEY) == key:
                return item
        return None

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET)
        if isinstance(target, Target) and target.link is not None and self.scene is not None:
            self.scene.link_activated.emit(target.link)  # the window follows it as it follows a badge
        elif isinstance(target, Target):
            self.show_target(target)

    def show_target(self, target: Target) -> None:
        """Select the finding's cards (or stage header) on the canvas and scroll them into view."""
        scene = self.scene
        if scene is None:
            return
        scene.flush()
        items: list[QGraphicsItem]
        if target.stage is not None:
            scene.clearSelection()
            header = scene.stage_headers.get(target.stage)
            items = [header] if header is not None else []
            for item in items:
                item.setSelected(True)
        else:
            scene.select_cards(target.cards)
            items = [scene.cards[card] for card in target.cards if card in scene.cards]
        if not items:
            return
        area = QRectF(items[0].sceneBoundingRect())
        for other in items[1:]:
            area = area.united(other.sceneBoundingRect())
        viewport = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if area.width() > viewport.width() or area.height() > viewport.height():
            self.view.centerOn(items[0])
        else:
            self.view.ensureVisible(area, 40, 40)
