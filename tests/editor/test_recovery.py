"""Recovery after a crash, with real journeymappers in processes of their own (``recovery_child.py``):
each killed with SIGKILL where a crash is wanted, none of them able to lose the work of another."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.autosave import AutosaveStore
from journeymapper.formats.json_format import load

from support import SAMPLES

SAMPLE = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")
CHILD = Path(__file__).with_name("recovery_child.py")
ANSWERS = ("Recover", "Not now", "Discard changes")


class Editor:
    """A journeymapper running in a child process; ``started`` is its report once it has started."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.started = self._report()

    def _report(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"the journeymapper process died: {self.process.communicate(timeout=30)[1]}")
        return json.loads(line)

    def edit(self) -> list[str]:
        """Delete a card and write the autosave copy; the cards left."""
        self.process.stdin.write("edit\n")
        self.process.stdin.flush()
        return self._report()["cards"]

    def crash(self) -> None:
        """SIGKILL: no clean-up of any kind, the lock file stays behind."""
        self.process.kill()
        self.process.communicate(timeout=30)

    def quit(self) -> None:
        _, errors = self.process.communicate(timeout=60)  # its input ends: it exits
        assert self.process.returncode == 0, errors


@pytest.fixture
def start(tmp_path) -> Iterator[Callable[..., Editor]]:
    """Start a journeymapper on the autosave folder ``tmp_path / "autosave"``, answering the
    recovery question with a button's text and opening the given maps. Any still running at the
    end of the test are killed."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    processes: list[subprocess.Popen] = []

    def start_one(answer: str, *paths: Path) -> Editor:
        command = [sys.executable, str(CHILD), str(tmp_path / "autosave"), answer, *map(str, paths)]
        processes.append(
            subprocess.Popen(
                command,
                env=environment,
                text=True,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
        return Editor(processes[-1])

    yield start_one
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    return Path(shutil.copy(SAMPLE, tmp_path / "journey.json"))


@pytest.fixture
def questions(monkeypatch) -> dict:
    """The recovery questions in this process: each is recorded and answered by clicking the button
    called ``answer`` (None clicks nothing, as closing the box does); warnings are recorded."""
    shown: dict = {"answer": "Recover", "asked": [], "warnings": []}

    def click(box: QMessageBox) -> None:
        shown["asked"].append(
            {
                "text": box.text(),
                "details": box.informativeText(),
                "buttons": [button.text() for button in box.buttons()],
                "default": box.defaultButton().text(),
                "escape": box.escapeButton().text(),
            }
        )
        if shown["answer"] is not None:
            next(button for button in box.buttons() if button.text() == shown["answer"]).click()

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warnings"].append(text))
    # A test that fails with a recovered map still modified must not hang on the unsaved-changes
    # question its window asks when it closes.
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    return shown


def crash_with_unsaved_work(start: Callable[..., Editor], path: Path) -> list[str]:
    """A journeymapper opens ``path``, edits it, autosaves and crashes; the cards it left."""
    editor = start("Recover", path)
    cards = editor.edit()
    editor.crash()
    return cards


def the_copy(autosave: Path) -> Path:
    [copy] = autosave.glob("*.json")
    return copy


def cards_in(copy: Path) -> list[str]:
    return sorted(card.id for card in load(copy).touchpoints())


def test_recovered_work_is_never_offered_twice_and_survives_a_second_crash(start, sample_copy, tmp_path):
    work = crash_with_unsaved_work(start, sample_copy)
    recovering = start("Recover")
    assert len(recovering.started["asked"]) == 1 and recovering.started["cards"] == work
    copy = the_copy(tmp_path / "autosave")
    for answer in ANSWERS:  # started within the minute, before the recovered work is autosaved again
        second = start(answer)
        second.quit()
        assert second.started == {"asked": [], "cards": None}
        assert cards_in(copy) == work
    more_work = recovering.edit()
    assert len(more_work) == len(work) - 1
    recovering.crash()
    after = start("Recover")
    assert len(after.started["asked"]) == 1 and after.started["cards"] == more_work


def test_not_now_keeps_the_copy_for_the_next_start_and_only_discard_deletes_it(start, sample_copy, tmp_path):
    work = crash_with_unsaved_work(start, sample_copy)
    autosave = tmp_path / "autosave"
    copy = the_copy(autosave)
    for _ in range(2):
        later = start("Not now")
        later.quit()
        assert len(later.started["asked"]) == 1 and later.started["cards"] is None
        assert cards_in(copy) == work
    discarding = start("Discard changes")
    discarding.quit()
    assert len(discarding.started["asked"]) == 1 and list(autosave.iterdir()) == []
    after = start("Recover")
    assert after.started == {"asked": [], "cards": None}


def test_discard_copy_leaves_a_copy_another_running_journeymapper_holds(start, sample_copy, tmp_path):
    holder = start("Recover", sample_copy)
    holder.edit()
    autosave = tmp_path / "autosave"
    copy, store = the_copy(autosave), AutosaveStore(autosave)
    store.discard_copy(copy)
    assert copy.exists() and copy.with_suffix(".origin").exists()
    holder.crash()
    store.discard_copy(copy)
    assert list(autosave.iterdir()) == []


def test_recovery_restores_the_work_and_holds_the_copy_until_the_map_is_saved(window, questions, start, sample_copy):
    work = crash_with_unsaved_work(start, sample_copy)
    copy = the_copy(window.autosave.directory)
    window.offer_recovery()
    assert len(questions["asked"]) == 1
    assert sorted(card.id for card in window.session.document.touchpoints()) == work
    assert window.session.path == sample_copy.resolve() and window.isWindowModified()
    other = AutosaveStore(window.autosave.directory)  # another journeymapper, before any autosave
    assert other.left_behind() == []
    other.discard_copy(copy)
    assert cards_in(copy) == work
    assert window.save()
    assert list(window.autosave.directory.iterdir()) == []


def test_the_question_says_which_map_and_when_and_closing_it_keeps_the_copy(window, questions, start, sample_copy):
    crash_with_unsaved_work(start, sample_copy)
    copy = the_copy(window.autosave.directory)
    questions["answer"] = None
    window.offer_recovery()
    [asked] = questions["asked"]
    title = load(sample_copy).title
    assert asked["text"] == (
        f"journeymapper closed without saving the changes to “{title}” in {sample_copy.resolve()}."
    )
    autosaved = datetime.fromtimestamp(copy.stat().st_mtime)
    assert f"autosaved on {autosaved:%A} {autosaved.day} {autosaved:%B %Y at %H:%M}." in asked["details"]
    assert asked["buttons"] == list(ANSWERS) and (asked["default"], asked["escape"]) == ("Recover", "Not now")
    assert window.session is None
    assert [left.copy for left in AutosaveStore(window.autosave.directory).left_behind()] == [copy]


def test_a_copy_that_does_not_load_is_kept_when_recovering_it_fails(window, questions):
    directory = window.autosave.directory
    directory.mkdir()
    (directory / "broken.json").write_text("{", encoding="utf-8")
    window.offer_recovery()
    assert questions["asked"][0]["text"].endswith("the changes to a new map, never saved to a file.")
    assert len(questions["warnings"]) == 1 and window.session is None
    assert [left.copy.name for left in AutosaveStore(directory).left_behind()] == ["broken.json"]
