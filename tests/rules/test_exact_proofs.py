"""exact.PROOFS: bound-propagation proofs stand in for two kinds of solver call (a cluster with no
solution on its own cells; the uniqueness round after a first solution). They must give exactly
the solver's answer: every cluster below is solved both ways and the answers compared, on
generated districts with many injected errors of every kind (bench.inject)."""
import dataclasses

import numpy as np

from bench.generate import district
from bench.inject import apply_to_reports, inject
from checker.check import check
from checker.rules import exact, solvepool


def _answer(result):
    """A solve_many answer, comparable: the reason it failed, or its solutions (any order) and
    whether the list is complete."""
    if isinstance(result, exact.Unsolved):
        return ("unsolved", str(result))
    found, complete = result
    return (sorted((sorted(s.errors.items()), round(s.weight, 9), round(s.cells, 9)) for s in found), complete)


def _district(seed: int):
    d = district(20, (2019, 2020, 2021), seed=seed)
    inject(d, 40, seed)
    apply_to_reports(d)
    return d


def test_the_proofs_give_the_solvers_answer_on_every_cluster(monkeypatch):
    """Each solve_many call is made twice, with the proofs and with the solver alone, and the
    answers compared cluster by cluster: on 30 districts built as `make bench` builds its input
    (a district report and 49 units over two years, 10 % of the reports with an error of a
    rotating kind) and on four smaller districts with 40 errors each. Both proofs must fire."""
    solve_many = exact.solve_many
    impossible, only = exact._impossible, exact._only
    fired = {"no solution": 0, "only solution": 0, "with cells known to change": 0}
    compared = []

    def counted_impossible(m, fixed=None, cap=None, changed=()):
        out = impossible(m, fixed, cap, changed)
        if out and fixed is None:
            fired["no solution"] += 1
        if out and len(changed):
            fired["with cells known to change"] += 1
        return out

    def counted_only(m):
        out = only(m)
        fired["only solution"] += out
        return out

    def both(dec, clusters, node_limit=None):
        monkeypatch.setattr(exact, "PROOFS", False)
        plain = solve_many(dec, clusters, node_limit)
        monkeypatch.setattr(exact, "PROOFS", True)
        proved = solve_many(dec, clusters, node_limit)
        assert [_answer(r) for r in proved] == [_answer(r) for r in plain]
        compared.extend(clusters)
        return proved

    # every batch solved in this process, where PROOFS is switched (a solver worker has its own)
    monkeypatch.setattr(solvepool, "usable", lambda: False)
    monkeypatch.setattr(exact, "_impossible", counted_impossible)
    monkeypatch.setattr(exact, "_only", counted_only)
    monkeypatch.setattr(exact, "solve_many", both)
    for k in range(30):
        d = district(49, years=(2022, 2023), seed=k)
        inject(d, round(len(d.reports) * 0.1), seed=k, start=k)
        check(d.reports, units=d.hierarchy())
    for seed in (1, 2, 5, 7):
        d = _district(seed)
        check(d.reports, units=d.hierarchy())
    assert len(compared) >= 30, compared
    assert fired["only solution"] >= 10 and fired["no solution"] and fired["with cells known to change"], fired


def test_the_findings_are_the_same_with_and_without_the_proofs(monkeypatch):
    monkeypatch.setattr(solvepool, "usable", lambda: False)
    d = _district(3)
    ours = [dataclasses.asdict(f) for f in check(d.reports, units=d.hierarchy()).findings]
    monkeypatch.setattr(exact, "PROOFS", False)
    d = _district(3)
    assert [dataclasses.asdict(f) for f in check(d.reports, units=d.hierarchy()).findings] == ours


def _model(rows, lo, hi, values, integer=True, signed=False, big=100.0):
    """A hand-made model over len(values) cells: rows are (columns, coefficients)."""
    n = len(values)
    m = exact._Model([(0, f"c{j}") for j in range(n)], np.asarray(values, dtype=float),
                     integer=np.full(n, integer), signed=np.full(n, signed), weight=np.ones(n),
                     big=np.full(n, big), rows=rows, lo=lo, hi=hi)
    m.block = exact._block(m)
    return m


def test_a_broken_sum_whose_cells_another_holding_sum_pins_has_no_solution():
    """a + b = c is off by 1 (printed 2 + 3 = 6); a and b each sit alone in an equality that
    holds, so neither may change, and c = d holds with d alone in another: no change of these
    cells mends the sum without breaking one that holds (the proof, through two steps), and the
    solver agrees. Without d's own equality, c and d could change together: no proof."""
    rows = [([0, 1, 2], [1.0, 1.0, -1.0]), ([0], [1.0]), ([1], [1.0]), ([2, 3], [1.0, -1.0])]
    r = [-1.0, 0.0, 0.0, 0.0]
    tol = 1e-6
    assert not exact._impossible(_model(rows, [-tol - x for x in r], [tol - x for x in r], [2, 3, 6, 6]))
    rows.append(([3], [1.0]))
    r.append(0.0)
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [2, 3, 6, 6])
    assert exact._impossible(m)
    exact._solve_batch([m], exact.NODE_LIMIT)
    assert m.infeasible and not m.found


def test_a_sum_a_single_cell_can_mend_is_not_called_impossible_and_its_fix_is_proved_the_only_one(monkeypatch):
    """a + b = c printed 2 + 3 = 6, b pinned by an equality that holds: changing a or c mends it.
    Not impossible, and neither fix is the only one (keep c, a can change; keep a, c can). With a
    pinned too, only c is left: keeping c printed leaves no solution, so the solver's answer is
    proved the only one and no second round runs."""
    rows = [([0, 1, 2], [1.0, 1.0, -1.0]), ([1], [1.0])]
    r = [-1.0, 0.0]
    tol = 1e-6
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [2, 3, 6])
    assert not exact._impossible(m)
    assert not exact._impossible(m, fixed=2) and not exact._impossible(m, fixed=0)
    # pin a as well: only c remains, and keeping c printed leaves no solution
    rows.append(([0], [1.0]))
    r.append(0.0)
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [2, 3, 6])
    assert exact._impossible(m, fixed=2) and not exact._impossible(m)
    rounds = []
    solve = exact._round
    monkeypatch.setattr(exact, "_round", lambda models, limit: rounds.append(1) or solve(models, limit))
    exact._solve_batch([m], exact.NODE_LIMIT)
    assert [s.errors for s in m.found] == [{(0, "c2"): 1.0}] and not m.open and len(rounds) == 1
    # the solver alone needs its second round to say the same
    monkeypatch.setattr(exact, "PROOFS", False)
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [2, 3, 6])
    exact._solve_batch([m], exact.NODE_LIMIT)
    assert [s.errors for s in m.found] == [{(0, "c2"): 1.0}] and not m.open and len(rounds) == 3


def test_more_cells_forced_to_change_than_the_first_solution_has_is_a_proof():
    """a + b must rise by 1; a = c and c = d hold. Keeping b printed forces a, c and d to change
    (3 cells): impossible within 2 cells, not within 3. Keeping a printed, b alone changes."""
    rows = [([0, 1], [1.0, 1.0]), ([0, 2], [1.0, -1.0]), ([2, 3], [1.0, -1.0])]
    r = [-1.0, 0.0, 0.0]
    tol = 1e-6
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [4, 5, 4, 4])
    assert exact._impossible(m, fixed=1, cap=2)
    assert not exact._impossible(m, fixed=1, cap=3) and not exact._impossible(m, fixed=1)
    assert not exact._impossible(m, fixed=0, cap=1)


def test_equalities_that_each_need_a_cell_of_their_own_count_towards_the_cells_changed():
    """a + b and c + d must each rise by 1: no cell is forced, but the two equalities share no cell,
    so any solution changes two cells at least. And a must rise by 1 while a = b + c holds: a is
    forced, and the holding equality then needs b or c too."""
    tol = 1e-6

    def bounds(r):
        return [-tol - x for x in r], [tol - x for x in r]
    m = _model([([0, 1], [1.0, 1.0]), ([2, 3], [1.0, 1.0])], *bounds([-1.0, -1.0]), [4, 5, 4, 4])
    assert exact._impossible(m, cap=1) and not exact._impossible(m, cap=2)
    m = _model([([0], [1.0]), ([0, 1, 2], [1.0, -1.0, -1.0])], *bounds([-1.0, 0.0]), [4, 2, 2])
    assert exact._impossible(m, cap=1) and not exact._impossible(m, cap=2)


def test_a_cell_proved_to_change_counts_when_the_others_are_tried_again(monkeypatch):
    """Four cells, Δ0 − Δ1 + Δ3 = −1 (broken) and three equalities that hold: Δ1 + Δ3 = 0,
    Δ0 − Δ2 − Δ3 = 0, Δ0 − Δ1 − Δ2 = 0. The solver's first solution changes c0 and c2 by −1.
    Keeping c0 is proved impossible within two cells by propagation alone; keeping c2 is not (the
    bounds do not show that the three holding equalities then leave every cell unchanged). But c0
    changes in every solution of two cells, and once that is known, keeping c2 leaves two holding
    equalities through c0 that each need a cell of their own (c1, c3): three cells. So the first
    solution is proved the only one and no second round runs; the solver alone needs one to say so."""
    rows = [([0, 1, 3], [1.0, -1.0, 1.0]), ([1, 3], [-1.0, -1.0]), ([0, 2, 3], [1.0, -1.0, -1.0]),
            ([0, 1, 2], [1.0, -1.0, -1.0])]
    r = [1.0, 0.0, 0.0, 0.0]
    tol = 1e-6

    def fresh():
        return _model(rows, [-tol - x for x in r], [tol - x for x in r], [5, 5, 5, 5])
    m = fresh()
    assert exact._impossible(m, fixed=0, cap=2)
    assert not exact._impossible(m, fixed=2, cap=2)
    assert exact._impossible(m, fixed=2, cap=2, changed=[0])
    assert not exact._impossible(m, fixed=2, cap=3, changed=[0])
    rounds = []
    solve = exact._round
    monkeypatch.setattr(exact, "_round", lambda models, limit: rounds.append(1) or solve(models, limit))
    exact._solve_batch([m], exact.NODE_LIMIT)
    assert [s.errors for s in m.found] == [{(0, "c0"): 1.0, (0, "c2"): 1.0}] and not m.open and len(rounds) == 1
    monkeypatch.setattr(exact, "PROOFS", False)
    m = fresh()
    exact._solve_batch([m], exact.NODE_LIMIT)
    assert [s.errors for s in m.found] == [{(0, "c0"): 1.0, (0, "c2"): 1.0}] and not m.open and len(rounds) == 3


def test_a_cell_known_to_change_that_the_bounds_pin_is_a_proof():
    """c0 must equal c1 (a holding equality) and c1 may not change (it sits alone in another);
    c2 + c3 is off by 1, and keeping c2, c3 mends it. If c0 is known to change, no solution is
    left."""
    rows = [([0, 1], [1.0, -1.0]), ([1], [1.0]), ([2, 3], [1.0, 1.0])]
    r = [0.0, 0.0, 1.0]
    tol = 1e-6
    m = _model(rows, [-tol - x for x in r], [tol - x for x in r], [5, 5, 5, 5])
    assert not exact._impossible(m, fixed=2, cap=3)
    assert exact._impossible(m, fixed=2, cap=3, changed=[0])
