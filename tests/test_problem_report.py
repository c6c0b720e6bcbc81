"""problem_report.limit_problems: which problems a command shows, and the count of the rest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mlsys_graph.model import LEVELS, Problem
from mlsys_graph.problem_report import limit_problems

problems = st.lists(
    st.builds(
        Problem,
        path=st.just("l.md"),
        line=st.integers(1, 50),
        level=st.sampled_from(LEVELS),
        code=st.sampled_from(["a-code", "b-code", "c-code"]),
        message=st.just("m"),
    ),
    max_size=30,
)


@given(problems, st.integers(0, 35))
def test_the_most_severe_shown_in_order_and_the_rest_counted(found, limit):
    shown, rest = limit_problems(found, limit)
    if limit == 0 or len(found) <= limit:
        assert shown == found and rest is None
        return
    assert len(shown) == limit
    # a subsequence of the input, in its order
    it = iter(found)
    assert all(any(p is q for q in it) for p in shown)
    rank = {level: n for n, level in enumerate(LEVELS)}
    worst_left = min(rank[p.level] for p in found) if found else 0
    hidden = list(found)
    for p in shown:
        hidden.remove(p)
    # nothing hidden is more severe than something shown
    assert max(rank[p.level] for p in shown) <= min(rank[p.level] for p in hidden)
    assert worst_left == min(rank[p.level] for p in shown)
    counted = sum(int(part.split()[0].replace(",", "")) for part in rest.split(": ")[1].split(", "))
    assert counted == len(hidden) == int(rest.split()[0].replace(",", ""))


def test_counts_are_by_code_and_level_most_frequent_first():
    found = [Problem("l.md", n, "info", "x", "m") for n in range(3)]
    found += [Problem("l.md", 9, "warning", "y", "m"), Problem("l.md", 10, "warning", "x", "m")]
    shown, rest = limit_problems(found, 1)
    assert [p.line for p in shown] == [9]
    assert rest == "4 more problem(s) not shown: 3 x (info), 1 x (warning)"
