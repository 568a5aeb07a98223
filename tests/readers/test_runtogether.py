"""Run-together rows: a table row printed as one run of digits is decoded by the table's own
constraints when the split is unique, and reported (F3, with the candidates) when it is not."""
import random

from checker.readers.runtogether import RunTogetherRow, resolve, row_candidates
from checker.model import Report
from checker.templates import template

from bench.runtogether_share import flatten, random_requests, trial


def _report(fmt="2021"):
    r = Report(source="t.pdf", unit="某区财政局", year=2021, location_style="page", parts=["第1页", "第2页"])
    r.set_format(fmt)
    return r


def _fill(report, rows: dict[str, list[int]]):
    tpl = template(report.format)
    for rid, values in rows.items():
        row = next(x for x in tpl.table("requests").rows if x.id == rid)
        for c, v in zip(row.columns, values):
            report.set(f"requests.{rid}.{c.id}", v, row=1, col=1)


def test_the_issue_example_decodes_to_its_cells():
    assert row_candidates("640020470", "requests", 7) == ([(64, 0, 0, 2, 0, 4, 70)], False)


def test_leading_zeros_are_never_a_split():
    assert row_candidates("1000001", "requests", 7)[0] == [(1, 0, 0, 0, 0, 0, 1)]
    # 1|0|0|0|0|0|010 would also sum, but "010" is not how a cell is printed
    assert row_candidates("100000010", "requests", 7)[0] == [(10, 0, 0, 0, 0, 0, 10)]


def test_printed_boundaries_are_kept():
    # "64002 0 470": the printed spaces must be cuts, which leaves only 64|0|0|2|0|4|70
    assert row_candidates("64002 0 470", "requests", 7)[0] == [(64, 0, 0, 2, 0, 4, 70)]
    # a space where no consistent split cuts: nothing survives
    assert row_candidates("64002047 0", "requests", 7)[0] == []
    r = _report()
    resolve(r, [RunTogetherRow("requests", "received", "640020 470", row=3, col=2)], "t.pdf")
    assert r.get("requests.received.total") == 70


def test_a_long_run_is_given_up_quickly_and_reported():
    import time
    # CPU seconds, not wall: ~0.4 s on a quiet machine, but a busy CI host stretched the wall time to 8.9 s
    t0 = time.process_time()
    cands, truncated = row_candidates("1" * 40, "requests", 7)
    assert truncated and time.process_time() - t0 < 5
    r = _report()
    resolve(r, [RunTogetherRow("requests", "received", "9" * 60, row=3, col=2)], "t.pdf")
    [f] = r.findings
    assert f.rule == "F3" and "拆法太多" in f.message and r.get("requests.received.total") is None


def test_appeals_groups_use_their_own_totals():
    cands, _ = row_candidates("10001" + "21003" + "00000", "appeals", 15)
    assert cands == [(1, 0, 0, 0, 1, 2, 1, 0, 0, 3, 0, 0, 0, 0, 0)]


def test_unique_row_sets_cells_with_location():
    r = _report()
    resolve(r, [RunTogetherRow("requests", "received", "640020470", row=14, col=2, part=1)], "t.pdf")
    assert r.get("requests.received.natural_person") == 64
    assert r.get("requests.received.other_org") == 4
    assert r.get("requests.received.total") == 70
    assert r.locate("requests.received.total") == "第2页第14行"
    assert r.cell_meta["requests.received.total"]["text"] == "640020470"
    assert not r.findings


def test_ambiguous_row_is_f3_with_candidates_and_blank_cells():
    # 1|1|0|0|0|0|2 and 11|0|0|0|0|0|11 ... "11000011" splits more than one way
    cands, _ = row_candidates("110000011", "requests", 7)
    assert len(cands) > 1
    r = _report()
    resolve(r, [RunTogetherRow("requests", "carried_over", "110000011", row=3, col=2)], "t.pdf")
    assert {c[-1] for c in cands} == {11}                       # every split agrees on 总计 ...
    assert r.get("requests.carried_over.total") == 11           # ... so it is known and read
    assert r.get("requests.carried_over.natural_person") is None
    assert r.cells["requests.carried_over.natural_person"] is None   # printed, but blank: not 0
    [f] = r.findings
    assert "requests.carried_over.total" not in {c.cell for c in f.cells}
    assert f.rule == "F3"
    assert "110000011" in f.message and "|" in f.message and "t.pdf" in f.message
    assert f.cells[0].cell == "requests.carried_over.natural_person"
    assert f.actual == "110000011"            # the printed run, for programs reading the JSON


def test_joint_decoding_uses_r1_and_r2():
    rng = random.Random(7)
    # find a table where some row alone is ambiguous but R1/R2 settle it
    for _ in range(400):
        rows = random_requests(rng, "2021")
        flat = flatten(rows)
        alone = {rid: row_candidates(d, "requests", 7)[0] for rid, d in flat.items()}
        if any(len(c) > 1 for c in alone.values()):
            r = _report()
            pending = [RunTogetherRow("requests", rid, d, row=i + 1, col=2) for i, (rid, d) in enumerate(flat.items())]
            resolve(r, pending, "t.pdf")
            decoded = [rid for rid, values in rows.items()
                       if all(r.get(f"requests.{rid}.{c}") == v for c, v in zip(_COLS, values))]
            undecoded = {f.cells[0].cell.rsplit(".", 1)[0].split(".", 1)[1] for f in r.findings if f.rule == "F3"}
            if undecoded:
                continue
            assert set(decoded) == set(rows), "every cell must equal the original"
            return
    raise AssertionError("no table that needed the joint constraints was generated")


def test_known_rows_constrain_the_pending_one():
    # carried_forward printed as one run; R1 with the other three rows read normally fixes it
    r = _report()
    _fill(r, {"received": [5, 0, 0, 0, 0, 6, 11], "carried_over": [1, 0, 0, 0, 0, 0, 1],
              "handled_total": [5, 0, 0, 0, 0, 5, 10]})
    digits = "1000012"   # 1|0|0|0|0|1|2 is the only split: fine alone, and R1 agrees
    resolve(r, [RunTogetherRow("requests", "carried_forward", digits, row=30, col=2)], "t.pdf")
    assert r.get("requests.carried_forward.total") == 2


def test_generated_tables_never_decode_wrongly():
    rng = random.Random(2024)
    for _ in range(60):
        outcome = trial(rng, "2021")
        assert outcome["wrong"] == 0
        assert outcome["decoded"] + outcome["ambiguous"] == outcome["rows"]


def _brute_force(flat: dict[str, str], fmt: str = "2021") -> dict[str, set]:
    """Every joint split of a whole flattened table that keeps R1 and R2 in every column (R3 is
    in row_candidates): for each row, the splits that occur in some solution."""
    import itertools
    rows = list(flat)
    results = [r for r in rows if r not in ("received", "carried_over", "handled_total", "carried_forward")]
    cands = [row_candidates(flat[r], "requests", 7)[0] for r in rows]
    seen = {r: set() for r in rows}
    for combo in itertools.product(*cands):
        t = dict(zip(rows, combo))
        if all(t["received"][c] + t["carried_over"][c] == t["handled_total"][c] + t["carried_forward"][c]
               and t["handled_total"][c] == sum(t[r][c] for r in results) for c in range(7)):
            for r in rows:
                seen[r].add(t[r])
    return seen


def test_decoded_exactly_when_the_constraints_make_the_split_unique():
    """Against brute force on whole tables run together: a row is decoded iff every split of the
    table consistent with R1–R3 gives it the same cells; otherwise it is F3, never guessed (a cell
    on which all those splits agree is read, the others are blank)."""
    rng = random.Random(99)
    checked = ambiguous_seen = 0
    while checked < 40:
        rows = random_requests(rng, "2021", "dense")
        flat = flatten(rows)
        sizes = [len(row_candidates(d, "requests", 7)[0]) for d in flat.values()]
        product = 1
        for n in sizes:
            product *= n
        if product == 1 or product > 20_000:
            continue
        truth = _brute_force(flat)
        r = _report()
        resolve(r, [RunTogetherRow("requests", rid, d, row=i + 1, col=2) for i, (rid, d) in enumerate(flat.items())], "t")
        f3 = {f.cells[0].cell.rsplit(".", 1)[0].split(".", 1)[1] for f in r.findings if f.rule == "F3"}
        for rid, splits in truth.items():
            if len(splits) == 1:
                assert rid not in f3 and [r.get(f"requests.{rid}.{c}") for c in _COLS] == list(next(iter(splits)))
            else:
                # a cell every split agrees on is known; the others are blank, never a guess
                assert rid in f3
                for k, c in enumerate(_COLS):
                    values = {s[k] for s in splits}
                    expected = next(iter(values)) if len(values) == 1 else None
                    assert r.get(f"requests.{rid}.{c}") == expected
                ambiguous_seen += 1
        checked += 1
    assert ambiguous_seen, "the sample should hold some truly ambiguous rows"


_COLS = [c.id for c in template("2021").table("requests").rows[0].columns]
