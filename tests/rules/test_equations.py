"""Rules as data: the equalities of R1–R4, R6–R8 and L1–L3 expand per format into the right terms."""
from checker.catalogue import rule
from checker.rules.equations import expand
from checker.templates import template


def test_r1_one_equation_per_column_with_both_sides():
    eqs = expand(rule("R1").params, "2021")
    assert [e.name for e in eqs] == [c.id for c in template("2021").table("requests").rows[0].columns]
    terms = {(t.cell, t.coef) for t in eqs[0].terms}
    assert terms == {("requests.received.natural_person", 1), ("requests.carried_over.natural_person", 1),
                     ("requests.handled_total.natural_person", -1), ("requests.carried_forward.natural_person", -1)}


def test_r2_star_takes_every_result_row_of_the_format():
    for fmt, n_results in (("2019", 19), ("2021", 21)):
        eq = expand(rule("R2").params, fmt)[0]
        parts = [t.cell for t in eq.right]
        assert len(parts) == n_results
        assert "requests.received.natural_person" not in parts and "requests.carried_forward.natural_person" not in parts
        assert ("requests.other.natural_person" in parts) == (fmt == "2019")


def test_r3_row_total_equals_six_applicant_columns():
    eqs = expand(rule("R3").params, "2021")
    assert len(eqs) == len(template("2021").table("requests").rows)
    assert all(len(e.left) == 1 and e.left[0].cell.endswith(".total") and len(e.right) == 6 for e in eqs)


def test_r4_groups_and_r6_previous_year_terms():
    r4 = expand(rule("R4").params, "2019")
    assert [e.left[0].cell for e in r4] == ["appeals.count.review.total", "appeals.count.direct_suit.total",
                                           "appeals.count.suit_after_review.total"]
    r6 = expand(rule("R6").params, "2021")[0]
    assert [(t.cell, t.offset) for t in r6.terms] == [("requests.carried_over.natural_person", 0),
                                                     ("requests.carried_forward.natural_person", -1)]


def test_legacy_equalities():
    [l1] = expand(rule("L1").params, "legacy")
    assert l1.left[0].cell == "legacy.requests.received" and len(l1.right) == 4
