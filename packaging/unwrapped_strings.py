"""Which user-facing strings in the code do not go through gettext yet:
``python packaging/unwrapped_strings.py [--by-file] [PATH …]``.

A string is counted when it is written as a literal (or an f-string) and

- it is given to something that shows it: Qt's ``setText``, ``setWindowTitle``,
  ``setToolTip``, ``QLabel(…)``, ``QPushButton(…)``, ``addAction``, ``addRow``, a message
  box, the accessibility helpers (``named``, ``read_only_table``, ``form_row``), or the
  command line's ``print``, ``out.write``, ``CliError``, argparse's errors and ``help=``,
  a ``Problem``'s or a refusal's message, a column's title; or
- anywhere else it reads as a sentence or a heading (a capital letter, then a second word),
  which catches a presenter's ``return "No bank rules yet"`` and a module's ``NOTE = "…"``;

and it is not inside ``_()``, ``ngettext``, ``pgettext``, ``plural``, ``N_`` or ``Nn_``, not a
docstring, not a log line (``log.info``…), not a programmer's error (``TypeError``,
``ValueError``, ``AssertionError``, ``RuntimeError``, ``KeyError``, ``NotImplementedError``)
and not on a line marked ``# i18n: not user text`` (an SQL fragment, a CSS rule, a sample
value like ``STRIPE``, a file's fixed format).

``tests/resources/test_unwrapped_strings.py`` holds the count to a ceiling that only goes
down, and to zero in the screens already done.  ``--by-file`` prints the counts per file.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ledgerdesk"
MARK = "i18n: not user text"

#: Calls whose string arguments are shown to the user.
SINKS = frozenset({
    # Qt
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setSubTitle",
    "setLabelText", "setWhatsThis", "addAction", "addMenu", "addTab", "insertTab",
    "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels", "showMessage",
    "setSpecialValueText", "setSuffix", "setPrefix", "setButtonText", "setInformativeText",
    "setDetailedText", "addItem", "insertItem", "addRow", "QLabel", "QPushButton",
    "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu", "QToolButton",
    "information", "warning", "critical", "question", "about", "getText", "getItem",
    "named", "read_only_table", "form_row", "note_and_count", "labelled", "section",
    # the command line and the messages of services
    "print", "write", "CliError", "ArgumentTypeError", "error", "exit", "SystemExit",
    "Problem", "NotAllowed", "NotFound", "ValidationFailed", "Column", "RowProblem",
    "BookFailure", "Refused",
})
#: Calls that already translate, or whose strings are never shown.
WRAPPERS = frozenset({"_", "N_", "Nn_", "ngettext", "pgettext", "plural"})
QUIET = frozenset({
    "debug", "info", "warning_log", "exception", "log", "getLogger", "TypeError",
    "ValueError", "AssertionError", "RuntimeError", "KeyError", "NotImplementedError",
    "IndexError", "AttributeError", "setObjectName", "setStyleSheet", "setProperty",
    "QSettings", "text", "execute", "compile", "match", "fullmatch", "search", "sub",
    "split", "strftime", "strptime", "getattr", "hasattr", "setattr", "format_decimal",
    "format_currency", "format_date", "format_number", "format_percent", "Index",
    "CheckConstraint", "Table", "Column_sql", "op", "create_engine", "startswith",
    "endswith", "replace", "encode", "decode", "join", "open", "Path", "environ",
    "fromisoformat", "add_parser_alias", "setOrganizationName", "setApplicationName",
    "setShortcut", "QKeySequence", "QShortcut", "setFamily", "QFont", "QColor",
    "with_name", "with_suffix", "rglob", "glob", "warn", "filterwarnings",
})
#: Text that reads as prose or a label: two words, a capitalised word ending a label
#: (``Memo:``, ``Print…``), or an Alt letter (``&Finish``).
SENTENCE = re.compile(r"[A-Za-z']{2,}[,:;.]?\s+(?:\(?[A-Za-z']{2,}|\{\})|\{\}\s+[A-Za-z']{2,}\s|"
                      r"^[A-Z][a-z]+[:…]$|&[A-Za-z]")
LETTER = re.compile(r"[A-Za-z]{2,}")
#: Not words: a style sheet, SQL, a key sequence, a format, a path, an identifier.
NOT_WORDS = re.compile(
    r"^(?:[a-z0-9_.\-/]+|[A-Z0-9_]+|[a-z]+[A-Z]\w*|%\w|\{[^}]*\}|(?:[\w-]+\s*:[^;]+;\s*)+|[a-z_]+\[[\w\[\]{}.]*|"
    r"(?:[A-Z]{3}\s+)+[A-Z]{3}|Ctrl\+.*|Alt\+.*|Shift\+.*|[A-Z]{3}|https?://\S+)$", re.DOTALL)
#: A problem's field (``lines[{}].account_code``, ``{}.debit``, ``prefixes.{}``): an id.
FIELD_PATH = re.compile(r"(?=.*[._\[{])[\w.\[\]{}]+")
#: HTML tags, entities and placeholders: what is left of a text without them are its words.
MARKUP = re.compile(r"<[^>]*>|&\w+;|\{[^}]*\}")
SQL = re.compile(r"\b(?:SELECT|FROM|WHERE|JOIN|INSERT|UPDATE|DELETE|CREATE|PRAGMA|GROUP BY|"
                 r"ORDER BY|CASE WHEN|COALESCE|BEGIN|VALUES|ATTACH|DROP|AND|AS|IN|NULL|LIKE|"
                 r"COLLATE|GLOB|CAST|NOT|OR|IS|ON|WHEN|THEN|INDEXED BY)\b|^Bearer ")


@dataclass(frozen=True, slots=True)
class Unwrapped:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text!r}"


def literal_text(node: ast.AST) -> str | None:
    """The words of a str literal or an f-string (its placeholders as ``{}``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def english_plural(node: ast.AST) -> bool:
    """``'s' if n != 1 else ''``: a plural English only has; ``ngettext`` knows the rest."""
    return isinstance(node, ast.IfExp) and {literal_text(node.body),
                                            literal_text(node.orelse)} & {"s", "ies", "es"} != set()


def call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path, marked: set[int]) -> None:
        self.path, self.marked = path, marked
        self.found: list[Unwrapped] = []
        self._sink_depth = 0
        self._docstrings: set[int] = set()

    def visit_Module(self, node: ast.Module) -> None:
        self._note_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._note_docstring(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._note_docstring(node)
        self.generic_visit(node)

    def _note_docstring(self, node: ast.AST) -> None:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and literal_text(body[0].value) is not None:
            self._docstrings.add(id(body[0].value))
        for statement in body:  # attribute docstrings ("#: …" is the habit, but also these)
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                self._docstrings.add(id(statement.value))

    def visit_Call(self, node: ast.Call) -> None:
        name = call_name(node)
        if name in WRAPPERS or name in QUIET:
            return
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in ("log", "logger", "LOG", "logging", "re"):
            return
        self.visit(node.func)
        sink = name in SINKS
        for arg in (*node.args, *(k.value for k in node.keywords)):
            keyword = next((k.arg for k in node.keywords if k.value is arg), None)
            if sink or keyword in ("help", "title", "message", "description", "tooltip",
                                   "label", "text", "heading", "note", "hint"):
                self._sink_depth += 1
                self.visit(arg)
                self._sink_depth -= 1
            else:
                self.visit(arg)

    def visit_Dict(self, node: ast.Dict) -> None:  # keys are ids; values may be words
        for value in node.values:
            self.visit(value)

    def visit_Subscript(self, node: ast.Subscript) -> None:  # x["key"] is an id
        self.visit(node.value)

    def visit_Compare(self, node: ast.Compare) -> None:  # == "text", "text" in x: ids, not words
        for part in (node.left, *node.comparators):
            if literal_text(part) is None:
                self.visit(part)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if any(english_plural(value.value) for value in node.values
               if isinstance(value, ast.FormattedValue)):  # f"{n} row{'s' if n != 1 else ''}"
            self.found.append(Unwrapped(self.path, node.lineno, literal_text(node) or ""))
            return
        self._consider(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        self._consider(node)

    def _consider(self, node: ast.AST) -> None:
        text = literal_text(node)
        if text is None or id(node) in self._docstrings or node.lineno in self.marked:
            return
        stripped = text.strip()
        if not LETTER.search(MARKUP.sub(" ", stripped)) or NOT_WORDS.match(stripped) \
                or SQL.search(stripped) or FIELD_PATH.fullmatch(stripped):
            return
        if self._sink_depth or SENTENCE.search(stripped):
            self.found.append(Unwrapped(self.path, node.lineno, text))


def marked_lines(source: str) -> set[int]:
    """Lines marked not user text, and the lines of a statement continued from a mark."""
    return {number for number, line in enumerate(source.splitlines(), 1) if MARK in line}


def unwrapped_in(path: Path) -> list[Unwrapped]:
    source = path.read_text(encoding="utf-8")
    finder = _Finder(path, marked_lines(source))
    finder.visit(ast.parse(source, str(path)))
    return finder.found


def scanned_files(roots: list[Path] | None = None) -> Iterator[Path]:
    for root in roots or [PACKAGE]:
        if root.is_file():
            yield root
            continue
        for path in sorted(root.rglob("*.py")):
            # the migrations' words are history; the demo's and the screenshots' are sample
            # data typed into the forms, not the window's own
            if "migrations" in path.parts or path.name.startswith("demo") or \
                    path.name.endswith(("_screens.py", "screenshots.py", "_sample.py")):
                continue
            yield path


def unwrapped(roots: list[Path] | None = None) -> list[Unwrapped]:
    return [item for path in scanned_files(roots) for item in unwrapped_in(path)]


def main(argv: list[str]) -> int:
    by_file = "--by-file" in argv
    roots = [Path(arg).resolve() for arg in argv if arg != "--by-file"]
    found = unwrapped(roots or None)
    if by_file:
        for path, count in Counter(item.path for item in found).most_common():
            print(f"{count:5}  {path.relative_to(ROOT)}")
    else:
        for item in found:
            print(item)
    print(f"{len(found)} unwrapped user-facing strings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
