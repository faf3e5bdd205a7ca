import sys

from journeymapper.cli import main

sys.exit(main())
