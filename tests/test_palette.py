"""The colours and dashes shared by the canvas and the PDF."""

from __future__ import annotations

from journeymapper.palette import PERSONA_COLOURS, PERSONA_DASHES, persona_colour, persona_dashes


def test_no_two_of_the_first_dozens_of_personas_look_alike():
    looks = [(persona_colour(number), persona_dashes(number)) for number in range(36)]
    assert len(set(looks)) == len(looks)


def test_the_first_personas_differ_in_colour_and_in_dash():
    count = min(len(PERSONA_COLOURS), len(PERSONA_DASHES))
    assert len({persona_colour(number) for number in range(count)}) == count
    assert len({persona_dashes(number) for number in range(count)}) == count
