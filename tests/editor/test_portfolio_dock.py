"""The Portfolio dock: the maps in the open map's folder, their links, and the coverage gaps;
View → Portfolio shows it, Refresh scans again, double-clicking a map opens it."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from support import SAMPLES

CUSTOMER, USER, BUSINESS = "year-one-customer-journey", "first-report-user-journey", "shoe-order-business-journey"


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"unexpected warning {args[2]}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


def column(table, number):
    return [table.item(row, number).text() for row in range(table.rowCount())]


def portfolio_action(window):
    return next(action for action in window.menuBar().actions()[2].menu().actions() if action.text() == "Portfolio")


@pytest.fixture
def dock(window, samples, qtbot):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    dock = window.portfolio
    assert not dock.isVisible()
    portfolio_action(window).trigger()
    qtbot.waitUntil(lambda: dock.portfolio is not None and not dock.scanning)
    return dock


def test_view_portfolio_lists_the_three_samples_with_their_kinds(dock, samples):
    assert dock.isVisible() and dock.folder == samples.resolve()
    assert sorted(column(dock.view.maps_table, 5)) == sorted(path.name for path in SAMPLES)
    kinds = dict(zip(column(dock.view.maps_table, 5), column(dock.view.maps_table, 0)))
    assert kinds == {
        f"{CUSTOMER}.json": "Customer journey",
        f"{USER}.json": "User journey",
        f"{BUSINESS}.json": "Business journey",
    }
    open_row = column(dock.view.maps_table, 5).index(f"{CUSTOMER}.json")
    assert dock.view.maps_table.item(open_row, 1).text().endswith("(open)")
    assert dock.view.tabs.tabText(0) == "Maps (3)"


def test_links_are_listed_with_their_status(dock):
    assert dock.view.tabs.tabText(1) == "Links (4)"
    table = dock.view.links_table
    assert set(column(table, 3)) == {"ok"}
    assert set(zip(column(table, 0), column(table, 2))) == {
        (f"{CUSTOMER}.json", f"{BUSINESS}.json"),
        (f"{CUSTOMER}.json", f"{USER}.json"),
        (f"{USER}.json", f"{CUSTOMER}.json"),
    }


def test_coverage_shows_the_customer_stages_with_nothing_linked_behind_them(dock):
    assert dock.view.tabs.tabText(2) == "Coverage (4 gaps)"
    stages, linked = column(dock.view.coverage_table, 1), column(dock.view.coverage_table, 2)
    gaps = {stage for stage, behind in zip(stages, linked) if behind.startswith("gap")}
    assert gaps == {"Kickoff", "Success plan", "First business review", "Renewal"}
    assert dict(zip(stages, linked))["Onboarding"] == f"{USER}.json"
    assert "4 coverage gaps" in dock.view.summary.text()


def test_refresh_scans_again_and_shows_broken_links(dock, samples, qtbot):
    (samples / f"{USER}.json").unlink()
    assert dock.view.tabs.tabText(1) == "Links (4)"  # no scan on its own: files are not watched
    dock.view.refresh_button.click()
    qtbot.waitUntil(lambda: not dock.scanning)
    assert dock.view.tabs.tabText(1) == "Links (3, 2 broken)"
    assert column(dock.view.links_table, 3).count("broken: missing file") == 2
    assert "2 broken" in dock.view.summary.text()
    assert dock.view.tabs.tabText(2) == "Coverage (5 gaps)"


def test_double_clicking_a_map_opens_it(dock, window, samples, qtbot):
    table = dock.view.maps_table
    row = column(table, 5).index(f"{BUSINESS}.json")
    item = table.item(row, 1)
    table.scrollToItem(item)
    where = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts as a click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.session.path == (samples / f"{BUSINESS}.json").resolve()
    qtbot.waitUntil(lambda: not dock.scanning)
    business_row = column(dock.view.maps_table, 5).index(f"{BUSINESS}.json")
    assert dock.view.maps_table.item(business_row, 1).text().endswith("(open)")


def test_an_unsaved_map_has_no_folder_to_show(window, qtbot):
    window.new_map("user")
    portfolio_action(window).trigger()
    assert window.portfolio.folder is None and window.portfolio.portfolio is None
    assert "Save the map" in window.portfolio.view.summary.text()
    assert not window.portfolio.view.refresh_button.isEnabled()


def test_a_hidden_portfolio_does_not_scan(window, samples, qtbot):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    qtbot.wait(20)
    assert window.portfolio.portfolio is None and not window.portfolio.scanning
    assert window.portfolio.view is None  # built when first shown


def test_samples_with_ids_of_their_own_mark_no_map(dock):
    assert not any("duplicate id" in title for title in column(dock.view.maps_table, 1))
    assert "duplicate" not in dock.view.summary.text()


def test_a_copied_map_and_its_original_are_marked_with_what_to_do(dock, samples, qtbot):
    shutil.copy(samples / f"{BUSINESS}.json", samples / "shoe-order-variant.json")
    dock.view.refresh_button.click()
    qtbot.waitUntil(lambda: not dock.scanning)
    assert dock.view.tabs.tabText(0) == "Maps (4, 1 duplicate id)"
    assert "1 duplicate id" in dock.view.summary.text()
    titles = dict(zip(column(dock.view.maps_table, 5), (dock.view.maps_table.item(row, 1) for row in range(4))))
    marked = {file for file, title in titles.items() if title.text().endswith("  (duplicate id)")}
    assert marked == {f"{BUSINESS}.json", "shoe-order-variant.json"}
    assert titles[f"{CUSTOMER}.json"].toolTip() == CUSTOMER  # an unmarked title keeps its id as tooltip
    variant, original = titles["shoe-order-variant.json"].toolTip(), titles[f"{BUSINESS}.json"].toolTip()
    assert variant.startswith(f"Map id '{BUSINESS}' is also the id of {BUSINESS}.json.\n")
    assert original.startswith(f"Map id '{BUSINESS}' is also the id of shoe-order-variant.json.\n")
    assert "choose New id… on the Inspector's Map page" in variant
    assert set(column(dock.view.links_table, 3)) == {"ok"}  # the links name files, and those files hold the ids
