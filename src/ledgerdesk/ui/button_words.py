"""The words that recur on buttons across dialogs and wizards, each with its one Alt letter.

The same word always underlines the same letter, so a hand that learnt Alt+N for Next
never meets Next on another letter.  Browse takes R because B belongs to Back in a wizard
(as in most installers), and a dialog with Browse leaves R free for it.
"""

from __future__ import annotations

from ledgerdesk.domain.i18n import N_

BACK = N_("< &Back")
NEXT = N_("&Next >")
PREVIEW = N_("&Preview >")
BROWSE = N_("B&rowse…")
IMPORT = N_("&Import")
CREATE = N_("&Create")
