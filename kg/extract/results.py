"""Results stage: the scores a paper states for its systems, as result
records ``{"system", "dataset", "metric", "value", "unit", "raw",
"evidence", "line", "section"}`` (keys, not IRIs; ``line`` the 1-based
report line of the evidence sentence).

Fed sentence by sentence by :mod:`kg.extract.comparisons`: scores stated
for one system (:class:`~kg.extract.sentence.Stated`) and the scores of
both sides of a comparison (:class:`~kg.extract.sentence.Found`).
"""

from __future__ import annotations

from kg.extract.sentence import Found, Stated


class ResultTable:
    """A paper's result records, one per (system, dataset, metric, value),
    in the order first stated."""

    def __init__(self) -> None:
        self._rows: dict[tuple, dict] = {}
        self._values: set[tuple] = set()  # (system, value) of every record

    def _add(self, system: str, dataset, metric, value, unit, raw: str, evidence: str, line: int, section: str):
        self._rows[(system, dataset, metric, value)] = {
            "system": system,
            "dataset": dataset,
            "metric": metric,
            "value": value,
            "unit": unit,
            "raw": raw,
            "evidence": evidence,
            "line": line,
            "section": section,
        }
        self._values.add((system, value))

    def add_stated(self, st: Stated, dataset: str | None, metric: str | None, evidence: str, line: int, section: str):
        """A score stated for one system (``X 达到 90.2%``); the first
        statement of a (system, dataset, metric, value) is kept."""
        if (st.system, dataset, metric, st.value) not in self._rows:
            self._add(st.system, dataset, metric, st.value, st.unit, st.raw, evidence, line, section)

    def add_compared(self, f: Found, loser: str, dataset: str | None, evidence: str, line: int, section: str):
        """The winner's and the loser's scores of a comparison, each unless
        a record of that system already holds that value."""
        for system, value in ((f.winner, f.winner_score), (loser, f.loser_score)):
            if value is not None and (system, value) not in self._values:
                raw = f"{value}{f.unit or ''}"
                self._add(system, dataset, f.metric, value, f.unit, raw, evidence, line, section)

    def records(self) -> list[dict]:
        """The result records, in order."""
        return list(self._rows.values())
