"""Mermaid journeys in the editor: opened (or dropped) as a new, unsaved map, and exported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.formats.mermaid import load_mermaid

from gestures import drop
from support import SAMPLES

DRAFT = """# Onboarding draft

```mermaid
journey
    title First week
    section Sign up
      Gets the invite: 4: Amira
      Signs in with SSO: 2: Amira, IT
    section First report
      Builds a report: 5: Amira
```
"""


@pytest.fixture
def dialogs(monkeypatch):
    shown: dict = {"warnings": [], "saved_as": None}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warnings"].append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(shown["saved_as"]), ""))
    return shown


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def stage_names(window) -> list[str]:
    return [stage.name for stage in window.session.document.stages.values()]


def test_opening_a_mermaid_journey_makes_a_new_unsaved_map(window, draft, dialogs):
    assert window.open_file(draft)
    assert stage_names(window) == ["Sign up", "First report"]
    assert window.session.path is None and window.isWindowModified()
    assert next(card.title for card in window.session.document.touchpoints()) == "Gets the invite"
    assert "Imported draft.md" in window.statusBar().currentMessage()


def test_a_bad_mermaid_journey_is_reported_and_the_open_map_stays(window, tmp_path, dialogs):
    assert window.open_file(SAMPLES[0])
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  section A\n    Does it: 6: Me\n", encoding="utf-8")
    assert not window.open_file(bad)
    assert dialogs["warnings"] == [f"{bad}: line 3: a task's score must be a whole number from 1 to 5, found '6'"]
    assert window.session.path == SAMPLES[0].resolve()


def test_dropping_a_mermaid_file_on_the_canvas_imports_it(window, draft, dialogs):
    window.new_map("customer")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(draft))])
    drop(window.view, mime, QPointF(5, 5))
    assert stage_names(window) == ["Sign up", "First report"]


def test_export_mermaid_writes_a_diagram_that_reads_back(window, tmp_path, dialogs):
    assert window.open_file(SAMPLES[0])
    dialogs["saved_as"] = tmp_path / "journey.mmd"
    window.export_mermaid_action.trigger()
    back = load_mermaid(tmp_path / "journey.mmd")
    assert [stage.name for stage in back.stages.values()] == stage_names(window)
    assert "Exported journey.mmd" in window.statusBar().currentMessage()


def test_export_mermaid_to_an_unwritable_place_says_so(window, tmp_path, dialogs):
    assert window.open_file(SAMPLES[0])
    dialogs["saved_as"] = tmp_path / "missing" / "journey.mmd"
    window.export_mermaid_action.trigger()
    assert "cannot write" in dialogs["warnings"][0]
