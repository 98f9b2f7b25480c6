"""Allow ``python -m ledgerdesk``."""

from ledgerdesk.cli import main

raise SystemExit(main())
