"""checker/readers/runsplit.py: one run-together row's splits under its own constraints."""
from checker.readers import runsplit
from checker.readers.runsplit import column_groups, row_candidates


def test_column_groups_follow_the_table():
    assert column_groups("requests", 7) == [(6, True)]         # six applicants, then 总计
    assert column_groups("appeals", 15) == [(4, True)] * 3     # 复议, 直接起诉, 复议后起诉
    assert column_groups("active", 3) == [(3, False)]          # no total in the row


def test_a_row_without_a_total_lists_every_split_without_leading_zeros():
    cands, truncated = row_candidates("1203", "active", 3)
    assert not truncated
    assert sorted(c for c in cands if None not in c) == [(1, 20, 3), (12, 0, 3)]   # not 1|2|03: "03" is never printed
    # a row with no total to check may have left a cell blank, which leaves no trace in the run:
    # 1|203 and 120|3 (not 12|03) with the blank in each place are candidates too
    assert {c for c in cands if None in c} == {(None, 1, 203), (1, None, 203), (1, 203, None),
                                               (None, 120, 3), (120, None, 3), (120, 3, None)}


def test_limit_truncates_and_says_so():
    # 1111 in any one of the six applicant columns, 1116 the total: six splits
    every, truncated = row_candidates("1111111111116", "requests", 7)
    assert not truncated and len(every) == 6 and all(sum(c[:6]) == c[6] == 1116 for c in every)
    three, truncated = row_candidates("1111111111116", "requests", 7, limit=3)
    assert truncated and three == every[:3]


def test_the_step_budget_stops_a_pathological_run(monkeypatch):
    """A run longer than any row (an ID number) is given up after the budget: truncated, no hang."""
    monkeypatch.setattr(runsplit, "MAX_SPLIT_STEPS", 50)
    cands, truncated = row_candidates("1" * 30, "requests", 7)
    assert truncated and len(cands) <= runsplit.MAX_ROW_CANDIDATES
