"""The layout's style on paper: the same layout engine as the canvas, with sizes for print.

On screen a card is a target for the mouse and a row keeps room to drop into; on paper only the
text counts. So the print style sets more text on narrower cards, keeps rows and headers no
taller than their contents need, and lets a title run to a fourth line rather than be cut. For a
map of a given width this prints every text about 1.5 times larger than the screen's sizes would.
"""

from __future__ import annotations

from dataclasses import replace

from journeymapper.connector_labels import HEAD_ROOM
from journeymapper.layout import DEFAULT_STYLE

PRINT_STYLE = replace(
    DEFAULT_STYLE,
    stage_header_height=44.0,
    lane_header_width=118.0,
    header_font_size=12.0,
    card_width=156.0,
    card_band_height=22.0,  # room for the channel and markers at the larger small text
    title_font_size=12.0,
    small_font_size=9.5,
    max_title_lines=4,
    min_row_height=64.0,
    emotions_lane_height=96.0,
    # A labelled hop between stacked cards is long enough for its label to sit on the arrow, within
    # its card's width: beside the arrow, as on screen, the larger label on the narrower card runs
    # into the next column and is shortened or pushes another out (the first-report sample lost two).
    labelled_hop_room=2 * HEAD_ROOM + 1,
)
