"""``python -m ledgerdesk``: the same as the ``ledgerdesk`` command."""

import sys

from ledgerdesk.cli import main

sys.exit(main())
