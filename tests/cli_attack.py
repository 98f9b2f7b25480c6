"""The harness of the attack tests: run ``ledgerdesk`` in-process on hostile input and assert
what must hold whatever the input.

For every call:

- the exit status is 0, 1 or 2 and nothing escapes ``main`` (an exception fails the test);
- no traceback is printed; a refusal is short and in one of the command line's formats
  (``ERROR_FORMATS``): ``ledgerdesk: error: ...`` one line per problem, a usage error on
  one line, or the listing ``pay`` and ``import`` print (at most 50 problems and a count);
- when the command is refused (a non-zero exit with an error on stderr; ``sync`` and
  ``link`` exit 1 after a partial success, which they report on stdout), or only reads,
  every book file in the scene is byte for byte as it was: the book and its write-ahead
  log (``-wal``) and rollback journal.  SQLite checkpoints the log into the book and
  deletes it when the last connection closes, so after a command both are back at rest
  and the bytes are a fair comparison;
- a book whose bytes did change passes ``ledgerdesk check``.

A ``Scene`` is a fresh folder (the working directory while it lasts) with copies of the
book templates and the hostile files of ``hostile_inputs``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import event

from hostile_inputs import FileSpec
from ledgerdesk.cli import main

#: A refusal's first line: the general error, or a usage error of the command.
ERROR_LINE = re.compile(r"ledgerdesk(?: [a-z-]+)?: error: ")
#: The most lines a refusal in the ``ledgerdesk: error:`` format may take (one a problem).
MAX_ERROR_LINES = 8
#: ``pay`` and ``import`` list the problems of a refused payment or file.
PAY_REFUSED = "ledgerdesk pay: the payment was not recorded (nothing was changed):"
IMPORT_REFUSED = re.compile(r"[0-9]+ problems? in [0-9]+ rows?; nothing was imported:")
MAX_LISTED = 50 + 3  # the problems shown, "... and N more", the hint to keep an excess
#: Commands whose failure is a report on standard output (exit 1, nothing on stderr).
REPORTS_ON_STDOUT = {"check", "sync", "link"}
BOOK_SUFFIXES = ("", "-wal", "-journal")


@dataclass(frozen=True)
class Outcome:
    status: int
    out: str
    err: str


def fingerprint(path: Path) -> tuple[Any, ...]:
    """The bytes of a book file and its log and journal (a digest each; None: no file)."""
    prints = []
    for suffix in BOOK_SUFFIXES:
        part = Path(f"{path}{suffix}")
        prints.append(hashlib.sha256(part.read_bytes()).hexdigest() if part.is_file() else None)
    return tuple(prints)


def check_refusal(command: str, status: int, out: str, err: str) -> None:
    """A non-zero exit says why, briefly, in the command line's established format."""
    lines = err.splitlines()
    if not lines:
        assert status == 1 and command in REPORTS_ON_STDOUT and out, (status, out)
        return
    first = lines[0]
    if ERROR_LINE.match(first):
        assert len(lines) <= MAX_ERROR_LINES, err
        assert all(ERROR_LINE.match(line) for line in lines), err
    elif command == "pay":
        assert first == PAY_REFUSED and len(lines) <= 1 + MAX_LISTED, err
        assert all(line.startswith("  ") for line in lines[1:]), err
    elif command == "import":
        assert IMPORT_REFUSED.fullmatch(first) and len(lines) <= 1 + MAX_LISTED, err
    else:
        raise AssertionError(f"{command} exited {status} with {err!r}")


def check_outcome(command: str, status: object, out: str, err: str) -> None:
    assert isinstance(status, int) and status in (0, 1, 2), (status, err)
    assert "Traceback" not in err and "Traceback" not in out, err
    if status:
        check_refusal(command, status, out, err)


@dataclass
class Scene:
    """A folder of book copies and hostile files for one example; ``run`` calls the CLI."""

    folder: Path
    templates: dict[str, Path]
    capsys: Any
    books: list[Path] = field(default_factory=list)
    _made: int = 0

    def book(self, template: str = "demo") -> Path:
        """A copy of the ``template`` book ("demo" or "empty"), watched by ``run``."""
        return self._copy(template, self._name("b", ".book"))

    def _copy(self, template: str, path: Path) -> Path:
        shutil.copyfile(self.templates[template], path)
        self.books.append(path)
        return path

    def _name(self, stem: str, suffix: str) -> Path:
        self._made += 1
        return self.folder / f"{stem}{self._made}{suffix}"

    def file(self, spec: FileSpec, template: str = "demo") -> str:
        """A path of the kind ``spec`` names (``hostile_inputs.BOOK_LIKE`` and ``OUTPUTS``);
        a book it makes or points at is watched like ``book()``'s."""
        kind, path = spec.kind, self._name("f", ".book")
        if kind == "book":
            return str(self.book(template))
        if kind in ("the-book", "link-to-book"):
            target = self.books[0] if self.books else self.book(template)
            if kind == "the-book":
                return str(target)
            path.symlink_to(target)
            return str(path)
        if kind == "not-utf8-name":
            odd = self.folder / os.fsdecode(b"\xff\xfe-%d.book" % self._made)
            return str(self._copy(template, odd))
        return self._special(kind, spec.data, path)

    def _special(self, kind: str, data: bytes, path: Path) -> str:
        if kind == "other-book":
            return str(self.book(template="empty"))
        if kind in ("missing", "new"):
            return str(path)
        if kind == "folder":
            path.mkdir()
        elif kind == "in-missing-folder":
            return str(path / "nope" / "x.book")
        elif kind in ("empty", "random-bytes", "existing-text", "csv", "data"):
            content = {"empty": b"", "random-bytes": data, "existing-text": b"old\n",
                       "csv": b"name,role\nAcme,customer\n", "data": data}[kind]
            path = path.with_suffix(".csv") if kind == "data" else path
            path.write_bytes(content)
        elif kind == "truncated-book":
            path.write_bytes(self.templates["demo"].read_bytes()[:8192 + len(data) * 64])
        elif kind == "long-name":
            return str(self.folder / ("x" * 300))
        elif kind == "nul-name":
            return str(self.folder / "a\x00b.book")
        elif kind == "link-loop":
            path.symlink_to(path)
        elif kind == "dev-null":
            return os.devnull
        elif kind == "stdout":
            return "-"
        elif kind == "empty-name":
            return ""
        else:
            raise AssertionError(f"no file kind {kind!r}")
        return str(path)

    def call(self, args: Sequence[object]) -> Outcome:
        self.capsys.readouterr()
        status = main([str(a) for a in args])
        captured = self.capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    def run(self, *args: object, writes: bool = False) -> Outcome:
        """``ledgerdesk args``, checked; ``writes``: a book may change when it succeeds."""
        before = {path: fingerprint(path) for path in self.books}
        outcome = self.call(args)
        event(f"{args[0]} exits {outcome.status}")  # --hypothesis-show-statistics
        check_outcome(str(args[0]), outcome.status, outcome.out, outcome.err)
        # sync and link exit 1 after a partial success, reported on stdout: not refused
        refused = outcome.status != 0 and outcome.err != ""
        for path, was in before.items():
            now = fingerprint(path)
            if refused or not writes:
                assert now == was, f"{path.name} changed by {args!r}: {outcome}"
            elif now != was:
                checked = self.call(["check", path])
                assert checked.status == 0, f"{args!r} left {path.name} failing: {checked}"
        return outcome


@dataclass
class Attacker:
    """Makes scenes; ``templates`` maps "demo" and "empty" to book files to copy."""

    capsys: Any
    templates: dict[str, Path]
    root: Path

    @contextlib.contextmanager
    def scene(self) -> Iterator[Scene]:
        home = Path.cwd()
        with tempfile.TemporaryDirectory(dir=self.root) as folder:
            os.chdir(folder)
            try:
                yield Scene(Path(folder), self.templates, self.capsys)
            finally:
                os.chdir(home)


def option(flag: str, value: str | None, joined: bool = True) -> list[str]:
    """``--flag=value`` (which lets a value start with ``-``) or ``--flag value``; nothing
    for None."""
    if value is None:
        return []
    return [f"{flag}={value}"] if joined else [flag, value]


def options(values: dict[str, Any], joined: bool = True) -> list[str]:
    """``option`` for each flag and value (a list: the flag once for each of its values)."""
    args: list[str] = []
    for flag, value in values.items():
        for one in value if isinstance(value, list) else [value]:
            args += option(flag, one, joined)
    return args


def attack_settings(examples: int) -> Any:
    """Hypothesis settings for an attack test: ``examples`` by default, times
    $LEDGERDESK_ATTACK_SCALE for a longer run; no deadline (a PDF takes its time)."""
    from hypothesis import HealthCheck, settings

    scale = float(os.environ.get("LEDGERDESK_ATTACK_SCALE", "1"))
    return settings(
        max_examples=max(1, round(examples * scale)), deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
