"""``journeymapper git-setup``, and real git merging and showing maps through the drivers it sets up.

Each test works in a fresh repository under a temporary HOME, with no system configuration, so
that nothing of the machine's git setup takes part; the drivers run this checkout's journeymapper
(``sys.executable -m journeymapper``), whatever PATH holds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.formats import json_format
from journeymapper.git_drivers import ATTRIBUTES
from journeymapper.model import JourneyDocument

from support import build_small_map

MAP = "checkout.json"
TIMEOUT = 120


@pytest.fixture
def environment(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": str(home / ".config")}


@pytest.fixture
def repository(tmp_path, environment) -> Path:
    """A repository holding the small map on branch main, with the drivers set up by git-setup."""
    folder = tmp_path / "repository"
    folder.mkdir()
    git(folder, environment, "init", "-q", "-b", "main")
    git(folder, environment, "config", "user.name", "Ana Lima")
    git(folder, environment, "config", "user.email", "ana@example.com")
    assert journeymapper(folder, environment, "git-setup").returncode == 0
    (folder / ".gitattributes").write_text(ATTRIBUTES + "\n")
    json_format.save(build_small_map(), folder / MAP)
    git(folder, environment, "add", ".")
    git(folder, environment, "commit", "-q", "-m", "Checkout map")
    return folder


def git(
    folder: Path, environment: dict[str, str], *arguments: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *arguments], cwd=folder, env=environment, capture_output=True, text=True, timeout=TIMEOUT, check=check
    )


def journeymapper(folder: Path, environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeymapper", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def commit_on(folder: Path, environment: dict[str, str], branch: str, edit) -> None:
    """Branch off main, edit the map as journeymapper would save it, and commit."""
    git(folder, environment, "checkout", "-q", "-b", branch, "main")
    document = json_format.load(folder / MAP)
    edit(document)
    json_format.save(document, folder / MAP)
    git(folder, environment, "commit", "-q", "-am", f"{branch}'s edit")


def configured(folder: Path, environment: dict[str, str], *scope: str) -> dict[str, list[str]]:
    listed = git(folder, environment, "config", *scope, "--list", check=False).stdout.splitlines()
    found: dict[str, list[str]] = {}
    for line in listed:
        key, _, value = line.partition("=")
        if "journeymapper" in key:
            found.setdefault(key, []).append(value)
    return found


# -- git-setup --------------------------------------------------------------------------------


def test_git_setup_writes_both_drivers_once_however_often_it_runs(repository, environment):
    first = configured(repository, environment, "--local")
    again = journeymapper(repository, environment, "git-setup")
    assert again.returncode == 0 and again.stdout.rstrip().endswith(ATTRIBUTES)
    assert configured(repository, environment, "--local") == first
    assert first["merge.journeymapper.driver"] == [f"{sys.executable} -m journeymapper merge --name=%P %O %A %B"]
    assert first["diff.journeymapper.command"] == [f"{sys.executable} -m journeymapper diff --git --"]
    assert first["diff.journeymapper.textconv"] == [f"{sys.executable} -m journeymapper diff --outline --"]


def test_git_setup_global_writes_the_users_configuration(tmp_path, environment):
    result = journeymapper(tmp_path, environment, "git-setup", "--global")
    assert result.returncode == 0, result.stderr
    assert "merge.journeymapper.driver" in configured(tmp_path, environment, "--global")


def test_git_setup_outside_a_repository_says_so_in_one_line(tmp_path, environment):
    result = journeymapper(tmp_path, environment, "git-setup")
    assert result.returncode == 1
    assert result.stderr == "journeymapper: not inside a git repository: run git-setup in one, or give --global\n"
    assert result.stdout == ""


# -- git merge --------------------------------------------------------------------------------


def test_git_merges_edits_in_different_places_without_a_conflict(repository, environment):
    commit_on(repository, environment, "ana", lambda m: m.move_touchpoint("checkout", "browse", "payments", 0))
    commit_on(repository, environment, "ben", lambda m: m.update_touchpoint("checkout", emotion=2, title="Pay"))
    merged = git(repository, environment, "merge", "-q", "ana", "-m", "merge", check=False)
    assert merged.returncode == 0, merged.stderr + merged.stdout
    card = json_format.load(repository / MAP).touchpoint("checkout")
    assert (card.stage, card.lane, card.emotion, card.title) == ("browse", "payments", 2, "Pay")


def test_git_reports_a_conflict_and_the_map_keeps_both_values(repository, environment):
    commit_on(repository, environment, "ana", lambda m: m.update_touchpoint("checkout", emotion=2))
    commit_on(repository, environment, "ben", lambda m: m.update_touchpoint("checkout", emotion=-2))
    merged = git(repository, environment, "merge", "ana", "-m", "merge", check=False)
    assert merged.returncode == 1
    assert "conflict: Card 'Checkout': emotion: ours -2, theirs +2" in merged.stderr
    document: JourneyDocument = json_format.load(repository / MAP)
    assert [(c.ours, c.theirs) for c in document.conflicts.values()] == [(-2, 2)]
    assert "UU checkout.json" in git(repository, environment, "status", "--short").stdout


# -- git diff and git log -p ----------------------------------------------------------------


def test_git_diff_shows_the_semantic_diff(repository, environment):
    document = json_format.load(repository / MAP)
    document.update_stage("pay", name="Purchase & pay")
    document.update_touchpoint("checkout", emotion=1)
    json_format.save(document, repository / MAP)
    shown = git(repository, environment, "diff").stdout
    assert shown.splitlines() == [
        "journeymapper diff a/checkout.json b/checkout.json",
        "  Stage 'Purchase' renamed to 'Purchase & pay'",
        "  'Checkout': emotion -1 → +1",
    ]


def test_git_log_shows_each_change_as_outline_lines_under_the_object_they_belong_to(repository, environment):
    commit_on(repository, environment, "ana", lambda m: m.update_touchpoint("checkout", emotion=1))
    shown = git(repository, environment, "log", "-p", "-1").stdout
    assert " Card 'Checkout' in Purchase / Web team\n-  emotion: -1\n+  emotion: +1\n" in shown
    assert re.search(r"^@@ .* @@ Card '", shown, re.MULTILINE)  # the hunk names the object before it
    assert "'Checkout': emotion -1 → +1" in git(repository, environment, "log", "-p", "-1", "--ext-diff").stdout
