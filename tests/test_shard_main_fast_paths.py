"""The sharded check's main process (issue 13 speed, bench/NOTES.md s10) gives on the reports'
stand-ins what `check` gives on the whole reports: the stand-ins carry only the section texts T1
judges (`outline.judged_text`), T1 and U1 run over a Context without parent links, with the units
file's `UnitsIndex` made once (the one the workers inherit)."""
import json
from pathlib import Path

from bench.generate import district
from bench.inject import inject
from checker import shard
from checker.check import check
from checker.readers.text import read_text
from checker.rules.context import Context, UnitsIndex
from checker.rules.kinds.outline import judged_text
from checker.units import Hierarchy

SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
FIVE = next(i for i, line in enumerate(LINES) if line.startswith("五、"))
SIX = next(i for i, line in enumerate(LINES) if line.startswith("六、"))
# 79, 80 and 81 Chinese characters, with punctuation and spaces that normalising drops: 100+ raw
_UNITS = [f"{d}区城管局" for d in ("道外", "香坊", "道里", "平房", "松北", "呼兰", "阿城", "双城", "宾州", "依兰", "方正", "延寿")]
_BODY = "信息发布不够及时，个别栏目更新滞后；下一步将每周检查栏目并通报，" * 4


def _with_five(body: str, unit: str) -> str:
    return "\n".join(LINES[:FIVE + 1] + [body] + LINES[SIX:]).replace("南岗区城管局", unit)


def _reports():
    """Generated districts with errors (two years, a units file that lists one unit with no report and
    misses one that has one), and copies of seed 003 under other units whose 五 is just shorter
    than, as long as and just longer than T1's min_chars once normalised."""
    reports, h = [], Hierarchy(source="units.csv")
    for k, name in enumerate(["北京市西城区", "北京市朝阳区"]):
        d = district(6, years=(2022, 2023), seed=80 + k, name=name)
        inject(d, 4, seed=80 + k, start=k)
        h.parents[d.parent_unit] = None
        for u in d.units[:-1] if k else d.units:
            h.parents[u] = d.parent_unit
        reports += d.reports
    h.parents["北京市西城区不存在的单位"] = "北京市西城区人民政府"
    bodies = []
    for want in (79, 80, 81):
        body = ""
        for ch in _BODY:
            if len(judged_text(body, 0) or "") == want:
                break
            body += ch
        bodies += [body, body + "  ，。"]
    for n, body in enumerate(bodies):
        for unit in _UNITS[2 * n:2 * n + 2]:
            reports.append(read_text(_with_five(body, unit), f"{unit}.txt", f"{unit}.txt"))
    return h, reports


def _json(findings):
    return [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in findings]


def test_t1_and_u1_on_the_stand_ins_find_what_they_find_on_the_reports():
    h, reports = _reports()
    chosen = {"T1", "U1"}
    t1 = shard._t1_texts(chosen)
    stubs = [shard._stub(r, t1) for r in reports]
    # the stand-ins leave texts out: those T1 does not judge (the short 五 of every generated report)
    assert sum(len(s.facts.get("section_text", {})) for s in stubs) < \
        sum(len(r.facts.get("section_text", {})) for r in reports)
    part = shard._global_part(stubs, h, chosen, shard._units_index(h))
    whole = check(reports, units=h, chosen=chosen)
    assert _json(part.findings) == _json(whole.findings)
    assert part.stats == whole.stats
    rules = {f.rule for f in whole.findings}
    assert rules == {"T1", "U1"}
    # the 五 of 80 and 81 characters is judged (a copy), that of 79 is not
    fives = {f.unit for f in whole.findings if f.rule == "T1" and "五、" in f.message}
    assert fives == set(_UNITS[4:])
    # without T1 the stand-ins carry no text
    assert all("section_text" not in s.facts for s in (shard._stub(r, shard._t1_texts({"U1"})) for r in reports))


def test_a_context_without_links_keys_the_units_as_one_with_them():
    h, reports = _reports()
    index = UnitsIndex(h)
    plain, bare = Context(reports, hierarchy=h, units_index=index), Context(reports, hierarchy=h, units_index=index,
                                                                         links=False)
    assert plain.unit_key == bare.unit_key
    assert plain.prev.tolist() == bare.prev.tolist() and plain.next.tolist() == bare.next.tolist()
    assert _json(plain.unmatched_findings()) == _json(bare.unmatched_findings())
    assert (plain.parent_of >= 0).any() and not (bare.parent_of >= 0).any()
    assert not bare.children_of and not bare.complete


def test_a_stand_in_sent_as_fields_is_the_report_less_its_cells():
    """The worker sends a stand-in as a tuple of fields (`_stub_fields`, cheaper to pickle) and the main
    process makes the Report (`_stand_in`): every field of the Report is what `dataclasses.replace` of
    the read report gives (a field added to Report and not sent fails here), and the tuple survives the
    pipe's pickling unchanged; on generated reports and a copy of the seed with a kept section text."""
    import pickle
    from dataclasses import fields, replace
    _, reports = _reports()
    t1 = shard._t1_texts({"T1", "U1"})
    kept = 0
    for r in reports:
        sent = pickle.loads(pickle.dumps(shard._stub_fields(r, t1), protocol=pickle.HIGHEST_PROTOCOL))
        got = shard._stand_in(sent)
        want = replace(r, parts=[], values=None, present=None, loc=None, cell_meta={}, prose=[],
                       facts=shard._stub(r, t1).facts, findings=[])
        for f in fields(want):
            assert getattr(got, f.name) == getattr(want, f.name), f.name
        kept += bool(got.facts.get("section_text"))
    assert kept >= 4 and any(r.facts.get("section_text") for r in reports)
