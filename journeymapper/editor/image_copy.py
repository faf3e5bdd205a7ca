"""Edit → Copy as Image: the stages and lanes that hold the selected cards, or the whole map when no
card is selected, onto the clipboard as a picture for a slide or a document.

The picture is the export's (``formats/pdf/picture.py``, drawn by ``raster.QtPen``): the map's
colours on white, whatever the canvas's theme, at the slides' resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QImage

from journeymapper.editor.raster import SLIDE_DPI, rasterise
from journeymapper.formats.pdf.picture import region_picture

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene


def copy_as_image(scene: MapScene) -> QImage:
    """Put the picture on the clipboard; returns it."""
    scene.flush()
    image = rasterise(region_picture(scene.document, scene.selected_card_ids()), SLIDE_DPI)
    QGuiApplication.clipboard().setImage(image)
    return image
