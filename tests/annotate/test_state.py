"""The re-run state in `_xxgk`, written by one run and read by the next."""
from checker.annotate import state as st


def test_dump_then_parse_round_trips():
    cells = {("表A", 3, 4): st.Original("#FFFF00", "原批注"), ("表A", 5, 6): st.Original(None, st.KEEP),
             ("表B", 1, 1): st.Original("theme:4:0.4", None)}
    rows = st.dump(cells, {"k1": "a=1;b=2"})
    results = [["序号", st.REVIEW_HEADER, st.KEY_HEADER], [1, "已核实", "k1"], [2, None, "k2"]]
    parsed = st.parse(rows, results)
    assert parsed.cells == cells
    assert parsed.signatures == {"k1": "a=1;b=2"}
    assert parsed.reviews == {"k1": "已核实"}
    assert parsed.accepted("k1", "a=1;b=2") and not parsed.accepted("k1", "a=1;b=3")


def test_a_hand_edited_or_foreign_state_sheet_is_tolerated():
    rows = st.dump({("表A", 3, 4): st.Original("#FFFF00", None)}, {})
    rows.append(["cell", "表A", "第三行", 4, None, None])          # edited by hand
    rows.append(["cell", "表A", None, None, None, None])
    parsed = st.parse(rows, [["无关", "表头"]])
    assert list(parsed.cells) == [("表A", 3, 4)] and parsed.reviews == {}
    assert st.parse([["别人的工作表"], ["cell", "x", 1, 1]], None).cells == {}


def test_a_record_keeps_the_canonical_cell_it_was_flagged_as():
    cells = {("表A", 30, 4): st.Original("#FFFF00", "原批注", "requests.received.total"),
             ("表A", 2, 2): st.Original(None, None, "meta.period")}
    parsed = st.parse(st.dump(cells, {}), None)
    assert parsed.cells == cells
    old = [[st.MAGIC], ["cell", "表A", 3, 4, "#FFFF00", None]]     # a state written before cell ids
    assert st.parse(old, None).cells == {("表A", 3, 4): st.Original("#FFFF00", None, None)}
