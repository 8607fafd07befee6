"""Checks a SPARQL query passes before it is evaluated: size, nesting,
operator count, and no request to another machine.

A query is cut into the tokens of the SPARQL 1.1 grammar (section 19.8:
IRIs, the four kinds of string, comments, variables, prefixed names,
keywords, punctuation) by :func:`tokens`, so that a word inside a string,
an IRI or a comment is never taken for a keyword.  On those tokens:

* ``SERVICE`` (a federated query: the evaluator sends an HTTP request to the
  IRI it names) and ``LOAD`` (an update that fetches a URL) are refused
  unless the caller allows them.  In the grammar the keyword ``SERVICE``
  occurs only in ``ServiceGraphPattern``, so a ``SERVICE`` keyword token is
  exactly a federated query; the check errs on the safe side where parsers
  may differ: the text is checked both as written and with SPARQL's
  ``\\uXXXX`` escapes expanded, and a prefixed name whose prefix is
  ``service:`` counts too.
* Nesting (``{``, ``(``, ``[``) deeper than ``max_depth`` and more than
  ``max_operators`` tree-building tokens (``UNION``, ``OPTIONAL``,
  ``MINUS``, ``BIND``, ``.``, ``;``, path ``/``, arithmetic and boolean
  operators, brackets) are refused: Oxigraph's parser and optimiser recurse
  once per level (3,000 nested groups, or 3,000 ``MINUS`` in a row, overflow
  the stack of a thread and the process dies).

rdflib's SPARQL parser cannot decide this for every query PaperKG runs: it
does not know Oxigraph's ``LATERAL`` (``queries/beats.rq``), exceeds
Python's recursion limit at 30 nested parentheses and takes a second per
65 KB; pyoxigraph exposes no parser.  The tests check that this module
agrees with rdflib's parse tree on the queries rdflib can parse.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import TypeVar
from collections.abc import Callable, Iterator

from kg.errors import QueryError

#: defaults shared by ``kg query`` and ``kg serve``
MAX_BYTES = 1 << 20
MAX_DEPTH = 100
MAX_OPERATORS = 5000

T = TypeVar("T")


class QueryRefused(QueryError):
    """A query was not run because it breaks a limit or would leave the machine.

    ``status`` is the HTTP status ``kg serve`` answers with.
    """

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


_PN_CHARS_BASE = (
    r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
    r"\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
    r"\U00010000-\U000EFFFF"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = (
    rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*"
    rf"(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_ECHAR = r"\\[tbnrf\\\"']"

#: (kind, pattern) in the order they are tried at each position
_TOKEN_RES = [
    ("ws", r"[ \t\r\n]+"),
    ("comment", r"#[^\r\n]*"),
    ("iri", r"<[^<>\"{}|^`\\\x00-\x20]*>"),
    ("string", rf"'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*'''"),
    ("string", rf'"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*"""'),
    ("string", rf"'(?:[^'\\\n\r]|{_ECHAR})*'"),
    ("string", rf'"(?:[^"\\\n\r]|{_ECHAR})*"'),
    ("var", rf"[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*"),
    ("bnode", rf"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"),
    ("pname", rf"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("number", r"[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?"),
    ("word", rf"[{_PN_CHARS_BASE}][{_PN_CHARS}]*"),
    ("op", r"\^\^|&&|\|\||!=|<=|>=|[{}()\[\];,.=<>!+\-*/|^?]"),
]
_TOKEN_RE = re.compile("|".join(f"(?P<t{i}>{p})" for i, (_, p) in enumerate(_TOKEN_RES)))
_KINDS = [k for k, _ in _TOKEN_RES]
_UESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

#: keyword tokens and punctuation that each add a node to the query's tree
_OPERATOR_WORDS = {"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "SERVICE", "LATERAL", "VALUES", "EXISTS"}
_OPERATOR_PUNCT = {
    "{",
    "(",
    "[",
    ".",
    ";",
    "/",
    "|",
    "&&",
    "||",
    "+",
    "-",
    "*",
    "=",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "^",
    "!",
}
_OPEN, _CLOSE = "{([", "})]"


@dataclass(frozen=True)
class Token:
    """One token: its kind (``word``, ``iri``, ``string``, ``op``, …), its
    text and its 0-based character offset in the query."""

    kind: str
    text: str
    offset: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of SPARQL ``text`` without white space and comments.

    A character no token rule matches becomes a one-character ``error``
    token (the evaluator reports the syntax error itself)."""
    pos, end = 0, len(text)
    while pos < end:
        m = _TOKEN_RE.match(text, pos)
        if m is None or m.end() == pos:
            yield Token("error", text[pos], pos)
            pos += 1
            continue
        kind = _KINDS[int(m.lastgroup[1:])]
        if kind not in ("ws", "comment"):
            yield Token(kind, m.group(), pos)
        pos = m.end()


def expand_escapes(text: str) -> str:
    """``text`` with SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` code point escapes
    replaced (SPARQL 1.1 section 19.2; invalid code points are kept)."""

    def one(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()

    return _UESCAPE_RE.sub(one, text)


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


def _remote_keyword(tok: Token) -> str | None:
    """``SERVICE`` or ``LOAD`` when ``tok`` is (or may be read as) that keyword."""
    if tok.kind == "word" and tok.text.upper() in ("SERVICE", "LOAD"):
        return tok.text.upper()
    if tok.kind == "pname" and tok.text.split(":", 1)[0].upper() == "SERVICE":
        return "SERVICE"
    return None


def _check_remote(tok: Token, text: str) -> None:
    remote = _remote_keyword(tok)
    if remote == "SERVICE":
        raise QueryRefused(
            f"SERVICE at {_line_col(text, tok.offset)}: federated queries send "
            "requests to other servers and are refused (kg query and kg serve "
            "take --allow-service to permit them)",
            status=403,
        )
    if remote == "LOAD":
        raise QueryRefused(
            f"LOAD at {_line_col(text, tok.offset)}: LOAD fetches a URL and is "
            "refused (pass --allow-service to permit it)",
            status=403,
        )


def _scan(text: str, allow_service: bool, max_depth: int, max_operators: int) -> None:
    """One pass over the tokens; the quads of an ``INSERT DATA`` /
    ``DELETE DATA`` block are data, not operators, and are not counted."""
    depth = operators = 0
    data_depth: int | None = None  # depth of the INSERT/DELETE DATA block we are in
    after_data = False
    previous = None
    for tok in tokens(text):
        word = tok.text.upper() if tok.kind == "word" else None
        if tok.kind == "op" and tok.text in _OPEN:
            depth += 1
            if depth > max_depth:
                raise QueryRefused(
                    f"query nested more than {max_depth} levels deep (at {_line_col(text, tok.offset)}); flatten it"
                )
            if after_data and tok.text == "{":
                data_depth, after_data = depth, False
        elif tok.kind == "op" and tok.text in _CLOSE:
            depth = max(depth - 1, 0)
            if data_depth is not None and depth < data_depth:
                data_depth = None
        after_data = after_data or (word == "DATA" and previous in ("INSERT", "DELETE"))
        previous = word
        if data_depth is None and (word in _OPERATOR_WORDS or (tok.kind == "op" and tok.text in _OPERATOR_PUNCT)):
            operators += 1
            if operators > max_operators:
                raise QueryRefused(
                    f"query has more than {max_operators} operators and patterns "
                    f"(at {_line_col(text, tok.offset)}); split it into smaller queries"
                )
        if not allow_service:
            _check_remote(tok, text)


def check_query(
    text: str,
    *,
    allow_service: bool = False,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    max_operators: int = MAX_OPERATORS,
) -> None:
    """Raise :class:`QueryRefused` unless SPARQL query or update ``text`` is
    within the limits and, unless ``allow_service``, names no ``SERVICE``
    (or ``LOAD``).

    Args:
        text: the query as the user sent it (before prefixes are added).
        max_bytes: bound on its UTF-8 size.
        max_depth: bound on the nesting of ``{ ( [``.
        max_operators: bound on the tree-building tokens (see module doc).

    The message names the line and column of the offending token.  Costs one
    pass of a regular expression over the text (about 1 s per 10 MB).
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryRefused(f"query is {size} bytes, more than the limit of {max_bytes}", status=413)
    _scan(text, allow_service, max_depth, max_operators)
    expanded = expand_escapes(text)
    if expanded != text:
        _scan(expanded, allow_service, max_depth, max_operators)


def first_keyword(text: str) -> str | None:
    """The query's first keyword after its prologue (``SELECT``, ``ASK``,
    ``INSERT``, ``ADD``, …), upper case; None when there is none."""
    skip = 0
    for tok in tokens(text):
        if skip:
            skip -= 1
            continue
        if tok.kind == "word":
            word = tok.text.upper()
            if word == "PREFIX":
                skip = 2  # the prefix name and its IRI
                continue
            if word == "BASE":
                skip = 1
                continue
            return word
        if tok.kind != "iri":
            return None
    return None


#: stack of the thread a query is evaluated on: queries within the limits
#: above cannot overflow it (virtual memory; only touched pages are used)
EVAL_STACK_BYTES = 256 << 20


def run_bounded(evaluate: Callable[[], T], timeout: float | None = None) -> T:
    """Call ``evaluate()`` (a query evaluation) on a thread with a large
    stack and wait for it, at most ``timeout`` seconds (None: no limit).

    pyoxigraph releases the GIL while it evaluates, so the waiting thread
    stays responsive: Ctrl-C raises KeyboardInterrupt here at once, and the
    time limit raises :class:`QueryRefused`.  Either way the evaluation
    thread cannot be stopped; it is a daemon thread, so the process can
    exit (``kg query`` does).  Errors of the evaluation that are not
    KgErrors (e.g. a ``SERVICE`` endpoint that cannot be reached) become
    QueryError.
    """
    from kg.errors import KgError

    box: dict = {}

    def target():
        try:
            box["value"] = evaluate()
        except KgError as e:
            box["error"] = e
        except (OSError, RuntimeError, ValueError, TypeError, SyntaxError, MemoryError) as e:
            box["error"] = QueryError(f"SPARQL evaluation failed: {' '.join(str(e).split())}")

    old = threading.stack_size()
    threading.stack_size(EVAL_STACK_BYTES)
    try:
        t = threading.Thread(target=target, name="kg-query", daemon=True)
        t.start()
    finally:
        threading.stack_size(old)
    deadline = None if not timeout else time.monotonic() + timeout
    while t.is_alive():
        wait = 0.1 if deadline is None else min(0.1, deadline - time.monotonic())
        if wait <= 0:
            raise QueryRefused(f"query stopped after {timeout:g} s (the --timeout)", status=503)
        t.join(wait)
    if "error" in box:
        raise box["error"]
    return box["value"]
