"""A journeymapper in a process of its own, for the recovery tests.

    python recovery_child.py AUTOSAVE_FOLDER ANSWER [MAP ...]

It starts as ``journeymapper.editor.app.run`` does: it offers the copies a crash left, answering
the question by clicking the button called ANSWER, then opens the maps. After that, each line it
reads deletes a card and writes the autosave copy, until its input ends or it is killed. After the
start and after each edit it reports one line of JSON on stdout: the questions it was asked and the
cards of its open map (null without one).
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.app import application
from journeymapper.editor.autosave import AutosaveStore
from journeymapper.editor.main_window import MainWindow


def main(autosave: Path, answer: str, paths: list[str]) -> None:
    signal.alarm(120)  # a question nobody answers, or a test that dies, must not leave it running
    asked: list[str] = []

    def click(box: QMessageBox) -> None:
        asked.append(box.text())
        next(button for button in box.buttons() if button.text() == answer).click()

    QMessageBox.exec = click
    application()
    window = MainWindow(
        QSettings(str(autosave.parent / "settings.ini"), QSettings.Format.IniFormat), AutosaveStore(autosave)
    )
    window.show()
    window.offer_recovery()
    for path in paths:
        window.open_file(Path(path))
    report(window, asked)
    for _ in sys.stdin:
        window.scene.select_cards([next(iter(window.scene.cards))])
        window.scene.delete_selection()
        if not window.write_autosave():
            sys.exit("the autosave copy could not be written")
        report(window, asked)


def report(window: MainWindow, asked: list[str]) -> None:
    session = window.session
    cards = sorted(card.id for card in session.document.touchpoints()) if session else None
    print(json.dumps({"asked": asked, "cards": cards}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3:])
