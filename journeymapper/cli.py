"""The ``journeymapper`` command: sub-commands for scripts and servers, the editor otherwise.

This module only assembles the parser and dispatches; each sub-command lives in its own module
under ``journeymapper.commands``. Nothing on the sub-command paths imports Qt, so they run on a
machine without a display. A bad argument or a bad file ends in one clear line on stderr and a
non-zero exit, never a traceback; so do Ctrl+C, a closed pipe and a full disk on standard output.

The module imports nothing but ``sys`` at its top: everything else loads inside ``main``, where
Ctrl+C in the first moments of start-up ends quietly too.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a few ms outside main's guard)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def console() -> int:
    """The ``journeymapper`` program (its script, ``python -m journeymapper``): ``main``, with Ctrl+C
    ending the process at once, as it ends any command-line program. A KeyboardInterrupt raised
    while pydantic's compiled core or Python's import machinery calls back into Python cannot be
    caught here (the one is a panic, the other "Exception ignored", both with a traceback). Nothing
    is lost by ending at once: files are written whole or not at all (``formats.files``), and the
    editor sets its own handler once its window can keep unsaved work."""
    try:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_DFL)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        if _is_editor_request(argv):
            return _run_editor(argv)
        return _run_command(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run_command(argv: list[str]) -> int:
    from journeymapper.errors import JourneyMapError
    from journeymapper.terminal import escaping

    with escaping() as output:
        try:
            status = _dispatch(argv)
            output.flush()  # here, where a full disk can still be reported
            return status
        except BrokenPipeError:
            output.discard()  # the reader (head, less) went away: stop quietly, as command-line tools do
            return 0
        except JourneyMapError as error:
            output.settle()  # what cannot be written is not tried again, with a traceback, at exit
            print(f"journeymapper: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT


def _dispatch(argv: list[str]) -> int:
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version or a usage error, printed already
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if not hasattr(arguments, "run"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    status: int = arguments.run(arguments)  # each command's run() returns its exit status
    return status


def _is_editor_request(argv: list[str]) -> bool:
    """No arguments, or map files only: open the editor (a mistyped command is not a file)."""
    from pathlib import Path

    return all(argument.lower().endswith(".json") or Path(argument).is_file() for argument in argv)


def _run_editor(paths: list[str]) -> int:
    from journeymapper.collector import pause_for_start_up

    pause_for_start_up()  # until the window is built (editor.app.run)
    # The map's model, file format and layout are pure Python, and loaded before Qt they start
    # sooner: PySide6 installs an import hook that reads the source of every module imported after it.
    import journeymapper.connector_labels
    import journeymapper.formats.json_format  # noqa: F401 (imported for the order, not for a name)

    # Qt is imported here and only here, so that the other commands run without a display.
    from journeymapper.editor.app import run

    return run(paths)


def _parser() -> argparse.ArgumentParser:
    # Imported here rather than at the top: see the module's docstring.
    import argparse

    from journeymapper import __version__
    from journeymapper.commands.csv_command import add_csv_command
    from journeymapper.commands.diff_command import add_diff_command
    from journeymapper.commands.export_command import add_export_command
    from journeymapper.commands.from_csv_command import add_from_csv_command
    from journeymapper.commands.from_mermaid_command import add_from_mermaid_command
    from journeymapper.commands.git_setup_command import add_git_setup_command
    from journeymapper.commands.insights_command import add_insights_command
    from journeymapper.commands.install_desktop_command import add_install_desktop_command
    from journeymapper.commands.merge_command import add_merge_command
    from journeymapper.commands.mermaid_command import add_mermaid_command
    from journeymapper.commands.new_command import add_new_command
    from journeymapper.commands.portfolio_command import add_portfolio_command
    from journeymapper.commands.schema_command import add_schema_command
    from journeymapper.commands.stats_command import add_stats_command
    from journeymapper.commands.validate_command import add_validate_command

    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Customer, user and business journey maps. 'journeymapper [MAP.json]' opens the editor; "
        "the commands below check, create and summarise map files without it.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in (
        add_validate_command,
        add_new_command,
        add_stats_command,
        add_export_command,
        add_insights_command,
        add_portfolio_command,
        add_mermaid_command,
        add_from_mermaid_command,
        add_csv_command,
        add_from_csv_command,
        add_diff_command,
        add_merge_command,
        add_git_setup_command,
        add_schema_command,
        add_install_desktop_command,
    ):
        add(commands)
    return parser
