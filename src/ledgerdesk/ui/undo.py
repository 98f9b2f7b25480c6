"""Undo and redo: each saved change is a named ``QUndoCommand`` over a presentation ``Step``.

The change has already been saved when its command is pushed, so the first ``redo`` (which
``QUndoStack.push`` calls) does nothing.  A step that cannot be undone or redone any more
(the book refused, or a void cannot be taken back) tells the user why and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.services.ports import BookFailure

if TYPE_CHECKING:
    from ledgerdesk.presentation.history import Step

Report = Callable[[str, bool], None]  # (message, is_error)
# A book file that failed (disk full, read-only …) did not take the step either.
REFUSALS = (NotAllowed, NotFound, ValidationFailed, BookFailure)


class StepCommand(QUndoCommand):
    def __init__(self, step: Step, report: Report, changed: Callable[[], None]) -> None:
        super().__init__(_sentence(step.text))
        self.step = step
        self._report = report
        self._changed = changed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.step.redo, "redo")

    def undo(self) -> None:
        self._run(self.step.undo, "undo")
        if not self.step.can_redo:
            self.setObsolete(True)  # Qt drops it: there is nothing honest to redo

    def _run(self, action: Callable[[], str], verb: str) -> None:
        try:
            message = action()
        except REFUSALS as exc:
            self.setObsolete(True)
            self._report(f"Could not {verb} {self.step.text}: {exc}", True)
        else:
            self._report(message, False)
            self.setText(_sentence(self.step.text))  # a step may now name a new record
        self._changed()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def push(stack: QUndoStack, step: Step, report: Report, changed: Callable[[], None]) -> None:
    stack.push(StepCommand(step, report, changed))
