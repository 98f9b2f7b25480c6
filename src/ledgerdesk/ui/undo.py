"""Undo and redo: each saved change is a named ``QUndoCommand`` over a presentation ``Step``.

The change has already been saved when its command is pushed, so the first ``redo`` (which
``QUndoStack.push`` calls) does nothing.  ``UndoStack`` runs a step *before* it moves: a
``QUndoStack`` always moves its index once a command's ``undo`` returns, so a refusal (the
book no longer allows it) would have slipped past the step.  Here the stack stays where it
was, the user is told why, and the same Undo is offered again.  A step that cannot be redone
(a voided document stays void) leaves the stack once undone.

The Edit menu's actions follow the stack, including a step's text that changed because
another step recorded a payment anew (``presentation.live_payments``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from ledgerdesk.domain.i18n import _
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
        self._done = False  # ``attempt`` already ran the step: Qt's call only moves the index

    def attempt(self, verb: str) -> bool:
        """Run the step's undo or redo before the stack moves; False (and said why) when the
        book refused, so the stack can stay where it is."""
        self._done = self._try(verb, refused=_("{capitalize} still offers it.").format(
                                                 capitalize=verb.capitalize()))
        return self._done

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
        elif self._done:
            self._done = False
        elif not self._try("redo"):
            self.setObsolete(True)  # a plain QUndoStack has moved on: drop the step

    def undo(self) -> None:
        if self._done:
            self._done = False
        elif not self._try("undo"):
            self.setObsolete(True)
        if not self.step.can_redo:
            self.setObsolete(True)  # Qt drops it: there is nothing honest to redo

    def retitle(self) -> None:
        self.setText(_sentence(self.step.text))  # a step may now name a new record

    def _try(self, verb: str, refused: str = "") -> bool:
        action = self.step.undo if verb == "undo" else self.step.redo
        try:
            message = action()
        except REFUSALS as exc:
            self._report(_("Could not {verb} {text}: {exc} {refused}").format(
                             verb=verb,
                             text=self.step.text,
                             exc=exc,
                             refused=refused).rstrip(), True)
            worked = False
        else:
            self._report(message, False)
            worked = True
        self.retitle()
        self._changed()
        return worked


class UndoStack(QUndoStack):
    """A ``QUndoStack`` whose ``undo`` and ``redo`` move only when the step worked."""

    retitled = Signal()  # the commands' texts may have changed without the index moving

    def undo(self) -> None:
        self._move(self.index() - 1, "undo", super().undo)

    def redo(self) -> None:
        self._move(self.index(), "redo", super().redo)

    def _move(self, at: int, verb: str, move: Callable[[], None]) -> None:
        if not 0 <= at < self.count():
            return
        command = self.command(at)
        if not isinstance(command, StepCommand) or command.attempt(verb):
            move()
        self.retitle()

    def retitle(self) -> None:
        for at in range(self.count()):
            command = self.command(at)
            if isinstance(command, StepCommand):
                command.retitle()
        self.retitled.emit()


def undo_actions(stack: UndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Edit > Undo and Redo: they call ``stack``'s checked ``undo``/``redo`` (the actions
    ``createUndoAction`` makes would call Qt's, which moves past a refusal) and name the
    step they would undo or redo."""
    undo, redo = QAction(_("&Undo"), parent), QAction(_("&Redo"), parent)
    for action, name in ((undo, _("Undo")), (redo, _("Redo"))):
        action.setObjectName(name.lower())
        # the toolbar's button stays short; its tooltip names the step
        action.setIconText(_("Undo") if action is undo else _("Redo"))
    undo.triggered.connect(lambda: stack.undo())
    redo.triggered.connect(lambda: stack.redo())

    # Qt's own signals carry what changed: the stack is not asked again (it emits them while
    # it is being destroyed, too).  ``retitled`` comes from a live stack.
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(_label(_("&Undo"), text)))
    stack.redoTextChanged.connect(lambda text: redo.setText(_label(_("&Redo"), text)))
    stack.retitled.connect(lambda: (undo.setText(_label(_("&Undo"), stack.undoText())),
                                    redo.setText(_label(_("&Redo"), stack.redoText()))))
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo


def _label(prefix: str, text: str) -> str:
    """An action's text: the command's, mid-sentence ("&Undo void payment PAY-00002 …")."""
    return f"{prefix} {text[:1].lower()}{text[1:]}" if text else prefix


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def push(stack: QUndoStack, step: Step, report: Report, changed: Callable[[], None]) -> None:
    stack.push(StepCommand(step, report, changed))
