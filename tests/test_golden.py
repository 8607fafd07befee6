"""Golden cases (tests/cases/*/): every report gives exactly its expected graph.

The graphs carry no blank nodes (every node is an IRI minted from the
report), so two graphs are isomorphic exactly when their N-Quads lines are
equal as sets; the comparison is of sorted lines.  Regenerate with
``python -m tests.cases.golden`` when a change is meant to alter output.
"""

from __future__ import annotations

import pytest

from kg.read import LAYOUTS, detect_layout
from tests.cases.golden import case_input, case_names, expected, run_case


def test_there_are_cases_for_every_layout():
    names = case_names()
    assert len([n for n in names if n.startswith("seed-")]) == 5
    assert any(n.startswith("dev-arxiv-cv") for n in names)
    assert any(n.startswith("dev-papers-for") for n in names)
    # every layout of the registry has a golden case
    covered = {detect_layout(case_input(n).read_text(encoding="utf-8")) for n in names}
    assert covered == {layout.name for layout in LAYOUTS}


@pytest.mark.parametrize("name", case_names())
def test_golden_case(name):
    got_lines, got_messages = run_case(name)
    want_lines, want_messages = expected(name)
    assert not any(ln.startswith(b"_:") or b" _:" in ln for ln in got_lines), "blank node in output"
    missing = sorted(set(want_lines) - set(got_lines))
    extra = sorted(set(got_lines) - set(want_lines))
    assert not missing and not extra, (
        f"{name}: {len(missing)} quad(s) missing, {len(extra)} unexpected; first missing: "
        f"{missing[:3]}; first unexpected: {extra[:3]} (if intended: python -m tests.cases.golden {name})"
    )
    assert got_messages == want_messages
