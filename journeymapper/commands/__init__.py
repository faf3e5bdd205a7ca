"""The sub-commands of ``journeymapper``, one module each, assembled by ``journeymapper.cli``.

Each module ``<name>_command.py`` exposes ``add_<name>_command(subparsers)``, which registers the
sub-command with ``set_defaults(run=...)``; ``run(arguments)`` returns the exit status and raises
``JourneyMapError`` for a bad file or folder, which ``cli.main`` prints as one line. A module here
parses arguments and prints; the work lives below, in the model and the formats. Nothing here
imports Qt.

Reports come in two forms: aligned plain text for a person (``journeymapper.report_text``) and
complete JSON for scripts (``output.print_json``), whose keys follow the fields of the result
dataclasses in order. Files are written through ``output.write_output``.
"""
