"""git's merge and diff drivers for maps: the configuration that makes git merge maps by id and
show their changes in the map's words.

A merge driver runs ``journeymapper merge`` on the three versions (git passes %O %A %B and
expects the result in %A); the diff driver runs ``journeymapper diff --git`` for ``git diff``,
and its ``textconv`` turns a map into the outline that ``git log -p`` compares (git runs no
external diff there unless asked with ``--ext-diff``). The drivers call the journeymapper that
set them up, by its full path, so they work whatever PATH a git client runs them with.
"""

from __future__ import annotations

import shlex
import subprocess
from typing import Literal

from journeymapper.desktop import launch_command
from journeymapper.errors import JourneyMapError
from journeymapper.formats.outline import HEADINGS

DRIVER = "journeymapper"
ATTRIBUTES = f"*.json merge={DRIVER} diff={DRIVER}"
_GIT_TIMEOUT = 60  # seconds: git config answers at once

Scope = Literal["local", "global"]


def driver_settings(command: str) -> list[tuple[str, str]]:
    """The git configuration for the drivers; ``command`` runs journeymapper, shell-quoted. Options
    come before ``--`` or as ``--name=%P`` so that a path starting with ``-`` stays a path."""
    return [
        (f"merge.{DRIVER}.name", "journeymapper: three-way merge of journey maps by id"),
        (f"merge.{DRIVER}.driver", f"{command} merge --name=%P %O %A %B"),
        (f"diff.{DRIVER}.command", f"{command} diff --git --"),
        (f"diff.{DRIVER}.textconv", f"{command} diff --outline --"),
        (f"diff.{DRIVER}.xfuncname", f"^(({'|'.join(HEADINGS)}) .*)$"),  # group 1: the whole line
    ]


def this_journeymapper() -> str:
    """The journeymapper running now, as a shell command."""
    return shlex.join(launch_command())


def set_up(scope: Scope) -> list[tuple[str, str]]:
    """Write the drivers into git's configuration (this repository's, or the user's with
    ``global``); setting them again changes nothing. Returns what was set."""
    if scope == "local" and not _git_succeeds("rev-parse", "--git-dir"):
        raise JourneyMapError("not inside a git repository: run git-setup in one, or give --global")
    settings = driver_settings(this_journeymapper())
    for key, value in settings:
        _git("config", f"--{scope}", key, value)
    return settings


def _git_succeeds(*arguments: str) -> bool:
    return _run_git(arguments).returncode == 0


def _git(*arguments: str) -> None:
    result = _run_git(arguments)
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise JourneyMapError(
            f"git {' '.join(arguments[:2])}: {said[-1] if said else f'exit status {result.returncode}'}"
        )


def _run_git(arguments: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *arguments], capture_output=True, text=True, errors="replace", timeout=_GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise JourneyMapError("git is not installed, or not on PATH") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise JourneyMapError(f"git {arguments[0]}: could not run: {error}") from None
