"""A module imported in the background: imported in a thread of its own while the event loop goes
on, said when it is done, and imported only once however often it is asked for."""

from __future__ import annotations

import importlib
import sys
import threading

import pytest
import shiboken6

from journeymapper.editor.background_import import BackgroundImport

RECORDING_MODULE = """
import threading
imported_in = threading.current_thread().name
times = globals().get("times", 0) + 1
"""


@pytest.fixture
def module_name(tmp_path, monkeypatch):
    """A module not imported yet, which notes the thread that imports it."""
    name = f"background_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(RECORDING_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def test_a_module_not_imported_yet_is_imported_beside_the_event_loop_and_said_to_be_loaded(module_name, qtbot):
    importer = BackgroundImport(module_name)
    with qtbot.waitSignal(importer.loaded, timeout=10_000):
        assert not importer.request()
    assert importer.request()
    module = sys.modules[module_name]
    assert module.imported_in != threading.main_thread().name
    assert module.times == 1


def test_asking_again_while_it_loads_starts_no_second_import(module_name, qtbot, monkeypatch):
    started: list[str] = []
    start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda thread: (started.append(thread.name), start(thread))[1])
    importer = BackgroundImport(module_name)
    with qtbot.waitSignal(importer.loaded, timeout=10_000):
        importer.request()
        importer.request()
    importer.request()
    assert started == [f"import {module_name}"]


def test_a_module_already_imported_is_ready_at_once(module_name):
    __import__(module_name)
    assert BackgroundImport(module_name).request()
    assert sys.modules[module_name].imported_in == threading.main_thread().name


def test_a_module_that_fails_to_import_is_still_said_to_be_done_and_fails_where_it_is_used(
    tmp_path, qtbot, monkeypatch
):
    (tmp_path / "broken_in_background.py").write_text("raise RuntimeError('broken')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importer = BackgroundImport("broken_in_background")
    with qtbot.waitSignal(importer.loaded, timeout=10_000):
        importer.request()
    with pytest.raises(RuntimeError, match="broken"):
        __import__("broken_in_background")


def test_the_application_ending_while_the_module_loads_leaves_no_error_behind(module_name, monkeypatch):
    """Ctrl+C or a logout just after a map with links has shown: Qt's objects go with the
    application while the import still runs, and the import's end has nobody left to tell."""
    loading, go_on = threading.Event(), threading.Event()
    real_import = importlib.import_module

    def slow_import(name: str) -> object:
        loading.set()
        go_on.wait(10)
        return real_import(name)

    monkeypatch.setattr(importlib, "import_module", slow_import)
    errors: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", errors.append)
    importer = BackgroundImport(module_name)
    importer.request()
    (thread,) = [thread for thread in threading.enumerate() if thread.name == f"import {module_name}"]
    assert loading.wait(10)
    shiboken6.delete(importer)  # as PySide deletes every object it owns when the application ends
    go_on.set()
    thread.join(10)
    assert not thread.is_alive()
    assert errors == []
    assert module_name in sys.modules
