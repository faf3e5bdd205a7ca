"""Edit → Copy as Image: the stages and lanes that hold the selected cards, or the whole map when no
card is selected, onto the clipboard as a picture for a slide or a document.

The picture is the export's (``formats/pdf/picture.py``): the map's colours on white, whatever the
canvas's theme. It goes on the clipboard twice: as a bitmap at the slides' resolution, which every
application takes, and as SVG, which vector editors (Inkscape, LibreOffice) take to keep it sharp.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from journeymapper.editor.raster import SLIDE_DPI, rasterise
from journeymapper.formats.pdf.picture import region_picture
from journeymapper.formats.pdf.svg import svg_of

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene


SVG_TYPE = "image/svg+xml"


def copy_as_image(scene: MapScene) -> QImage:
    """Put the picture on the clipboard; returns the bitmap."""
    scene.flush()
    picture = region_picture(scene.document, scene.selected_card_ids(), scene.session.path)  # links from its file
    image = rasterise(picture, SLIDE_DPI)
    data = QMimeData()
    data.setImageData(image)
    data.setData(SVG_TYPE, QByteArray(svg_of(picture).data))
    QGuiApplication.clipboard().setMimeData(data)
    return image
