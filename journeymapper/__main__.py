import sys

from journeymapper.cli import console

sys.exit(console())
