"""The inspector dock: edits every field of the selection, or of the map when nothing is selected.

- ``dock``: the ``Inspector`` dock widget, which follows the scene's selection;
- ``card``, ``bulk``, ``connection``, ``headers``, ``map_page``: one page per kind of selection;
- ``base``: pages' shared form layout, validation before pushing, the bulk-edit command;
- ``fields``, ``choices``, ``lists``: field editors that commit when an edit is finished;
- ``style``: colours and the style sheet.
"""

from journeymapper.editor.inspector.dock import Inspector

__all__ = ["Inspector"]
