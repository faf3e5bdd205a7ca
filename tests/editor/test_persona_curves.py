"""Per-persona emotion curves on the canvas: one per persona with emotions, each with its own
colour and dash, beside the curve of all cards, with a legend in the emotions lane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from journeymapper.editor import emotion_curves
from journeymapper.editor.commands import EditFields
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.model import JourneyDocument, Lane, LaneKind, Persona, Stage, Touchpoint

NAMES = ["Ana", "Ben", "Cleo", "Dev", "Eli"]


def crowd_map(emotional: int = 5) -> JourneyDocument:
    """Five personas, the first ``emotional`` of them on cards with emotions; and one without any."""
    document = JourneyDocument("crowd", "Crowd", "user")
    for number, name in enumerate(NAMES):
        document.add_persona(Persona(id=f"p{number}", name=name))
    document.add_persona(Persona(id="quiet", name="Quiet"))
    for stage in ("one", "two"):
        document.add_stage(Stage(id=stage, name=stage.title()))
    document.add_lane(Lane(id="team", name="Team"))
    document.add_lane(Lane(id="mood", name="Emotions", kind=LaneKind.EMOTIONS))
    for number in range(len(NAMES)):
        for stage, emotion in (("one", number % 5 - 2), ("two", 2 - number % 5)):
            document.add_touchpoint(
                Touchpoint(
                    id=f"{stage}-{number}",
                    stage=stage,
                    lane="team",
                    index=number,
                    title=f"{NAMES[number]} in {stage}",
                    emotion=emotion if number < emotional else None,
                    personas=[f"p{number}"],
                )
            )
    document.add_touchpoint(
        Touchpoint(id="note", stage="one", lane="mood", index=0, title="Quiet one", personas=["quiet"])
    )
    return document


@pytest.fixture
def scene(qapp):
    scene = MapScene(MapSession(crowd_map()))
    yield scene
    scene.detach()


def pen_look(pen):
    return pen.color().name(), tuple(pen.dashPattern()), pen.style()


def test_each_persona_with_emotions_has_a_curve_of_its_own(scene):
    assert list(scene.layout.emotion_curves) == [None, "p0", "p1", "p2", "p3", "p4"]
    pens = scene.curve.persona_pens
    assert len(pens) == 5  # "Quiet" has no emotion on any card: no curve
    looks = [pen_look(pen) for pen in pens]
    assert len({colour for colour, _, _ in looks}) == 5
    assert len({dashes for _, dashes, _ in looks}) == 5
    assert all(dashes for _, dashes, _ in looks), "every persona curve is dashed; solid is all cards"
    assert pen_look(scene.curve.main_pen) not in looks
    assert not scene.curve.main_pen.dashPattern()


def test_persona_curves_run_in_the_emotion_band_through_the_layout_points(scene):
    band = scene.curve.boundingRect()
    for key, curve in scene.layout.emotion_curves.items():
        for point in curve:
            assert band.contains(point.point.x, point.point.y), key
    corners = [corners for _, _, corners, _ in scene.curve._persona_curves]
    assert [[(c.x(), c.y()) for c in found] for found in corners] == [
        [tuple(point.point) for point in scene.layout.emotion_curves[key]] for key in ("p0", "p1", "p2", "p3", "p4")
    ]


def test_persona_colours_match_their_badges_on_the_cards(scene):
    badge_colours = scene._persona_badges()
    for number, pen in enumerate(scene.curve.persona_pens):
        assert pen.color().name() == badge_colours[f"p{number}"][1]


def test_the_legend_names_all_cards_and_each_persona_with_a_curve(scene):
    assert scene.legend.names == ["All cards", *NAMES]
    header = scene.lane_headers["mood"].rect
    assert header.contains(scene.legend.boundingRect().adjusted(2, 2, -2, -2))


def test_without_persona_curves_there_is_no_legend(qapp):
    scene = MapScene(MapSession(crowd_map(emotional=0)))
    try:
        assert scene.curve.persona_pens == []
        assert scene.legend.names == []
    finally:
        scene.detach()


def test_tagging_a_card_with_a_persona_adds_its_curve_after_the_relayout(qapp):
    session = MapSession(crowd_map(emotional=4))
    scene = MapScene(session)
    try:
        assert len(scene.curve.persona_pens) == 4
        session.push(EditFields(session.document, "touchpoint", "one-0", {"personas": ("p0", "p4")}, "Tag"))
        scene.flush()
        assert len(scene.curve.persona_pens) == 5
        assert scene.legend.names[-1] == "Eli"
        session.undo_stack.undo()
        scene.flush()
        assert len(scene.curve.persona_pens) == 4
    finally:
        scene.detach()


def test_at_least_four_personas_never_look_alike_even_past_the_palette():
    looks = [
        (style.colour, style.dashes) for style in (emotion_curves.persona_curve_style(n, str(n)) for n in range(12))
    ]
    assert len(set(looks)) == 12
    assert len({dashes for _, dashes in looks[:4]}) == 4 and len({colour for colour, _ in looks[:4]}) == 4


def test_painting_the_curves_builds_no_paths(scene, monkeypatch):
    """Paths and pens are made when the layout changes; a repaint only strokes them."""
    built = []
    original = emotion_curves.smooth_path
    monkeypatch.setattr(emotion_curves, "smooth_path", lambda points: built.append(points) or original(points))
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 800, 600), scene.curve.boundingRect().united(scene.legend.boundingRect()))
    painter.end()
    assert built == []
