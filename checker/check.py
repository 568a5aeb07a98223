"""`xxgk check`: read reports, run every selected rule over them (within a report, across a unit's
years, across the hierarchy), and return a `CheckResult`: the reports, all findings (the readers'
problems of form included) and per-rule counts."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import crossread
from .catalogue import SEVERITY_ORDER, catalogue, select as select_rules
from .model import Finding, Report, part_of


@dataclass
class CheckResult:
    reports: list[Report] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, dict] = field(default_factory=dict)
    unreadable: list[Finding] = field(default_factory=list)   # F5: inputs that could not be read
    inputs: list[Path] = field(default_factory=list)   # the files and folders checked, as given
    # what kind of input that was, which decides how it is annotated: "workbook" (one .xlsx/.xlsm,
    # flagged in a copy of itself), "documents" (anything else: a new collection workbook is
    # written and flagged) or "book" (a workbook open in Excel, flagged in place: `checker.excel`)
    kind: str = "documents"
    # the reports' JSON, written by `checker.shard` while its workers check (empty: from `reports`)
    report_lines: list = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def crashed_rules(self) -> list[str]:
        """The rules that raised while checking (`rules.engine` skipped them and went on): their
        findings are missing, so the run is no all-clear."""
        return [rid for rid, s in self.stats.items() if s.get("crashed")]

    @property
    def exit_code(self) -> int:
        """0 no error, 1 errors found, 2 some input could not be read, or none was read at all."""
        return 2 if self.unreadable or not self.reports else 1 if self.errors else 0

    def to_json(self) -> dict:
        return {"reports": self.report_lines or [_report_json(r) for r in self.reports],
                "findings": [f.to_json() for f in self.findings],
                "stats": self.stats}


def _report_json(r: Report) -> dict:
    out = {"unit": r.unit, "year": r.year, "format": r.format, "parent": r.parent,
           "period": r.period, "published": r.published, "source": r.source}
    if (part := part_of(r.place)) is not None:
        out["part"] = part     # one of several reports in its file, as `extract` and the findings say
    return out


def check(reports: list[Report], units=None, select: list[str] | None = None,
          ignore: list[str] | None = None, chosen: set[str] | None = None, index=None) -> CheckResult:
    """Check `reports`. `units`: a `units.Hierarchy`, a path to a units file, or None (then the
    parents the reports name, e.g. from a collection workbook). `select`/`ignore`: rule ids or
    prefixes (`R`, `F`, `R1`); or `chosen`, the rule ids themselves. `index`: the hierarchy's
    `rules.context.UnitsIndex`, when the caller checks many parts against one hierarchy."""
    from .frames import validate_reports
    from .rules.context import Context
    from .rules.engine import run

    chosen = select_rules(select, ignore) if chosen is None else chosen
    hierarchy = _hierarchy(units)
    crossread.resolve(reports, hierarchy, chosen)   # cells one report leaves open, the others decide
    ctx = Context(reports, hierarchy=hierarchy, selection=chosen, units_index=index)
    # a reader's finding is about the report it read (docs/architecture.md, "Report")
    read = [f if f.report is not None else replace(f, report=r.identity)
            for r in reports for f in r.findings if f.rule in chosen]
    # the readers' frames pass one bulk pandera validation before any rule runs
    # (a negative count fails the schema as R5 too; the R5 rule reports it, once, with its statistics)
    schema = [f for _, f in validate_reports(reports, ctx.blocks) if f.rule in chosen and f.rule != "R5"]
    found, stats = run(ctx, chosen)
    read = [ctx.replaced.get(id(f), f) for f in read]     # blanks the equalities fill in (F1)
    findings = _ordered(_dedupe(read + schema + found))
    return CheckResult(reports=reports, findings=findings, stats=stats)


def _ordered(findings: list[Finding]) -> list[Finding]:
    """By unit, year, severity and rule (stable: equal ones keep the order they were found in)."""
    findings.sort(key=lambda f: (str(f.unit), f.year or 0, SEVERITY_ORDER.get(f.severity, 3), f.rule))
    return findings


def _hierarchy(units):
    from .units import Hierarchy, load
    return units if isinstance(units, Hierarchy) or units is None else load(Path(units))


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")   # a workbook annotated as a copy of itself


def input_kind(files: list[Path]) -> str:
    """How a check of `files` is annotated: "workbook" (one .xlsx/.xlsm, flagged as a copy of
    itself) or "documents" (anything else: a new collection workbook is written)."""
    one = files[0] if len(files) == 1 and files[0].is_file() else None
    return "workbook" if one is not None and one.suffix.lower() in WORKBOOK_SUFFIXES else "documents"


def check_paths(paths: list[Path], units_file: Path | None = None, select: list[str] | None = None,
                ignore: list[str] | None = None, progress=None, stand_ins: bool = False,
                output: str | None = None) -> CheckResult:
    """Read every input under `paths`, then `check` them. Unreadable inputs become F5 findings.
    `stand_ins`: the caller needs of the reports only what the output lists (unit, year, format,
    source…), not their cells; a large run is then read and checked in worker processes
    (`checker.shard`) and `result.reports` holds the reports' stand-ins. `output`: the format the
    caller will write the findings in; with stand-ins, a sharded run's workers write them in json or
    csv themselves (`render.check_output.Encoded`: then only `render` can write those findings)."""
    from .readers import ReadResult, discover, read_all
    files = [Path(p) for p in paths]
    kind = input_kind(files)
    if stand_ins:
        from . import shard
        found, missing = discover(files, as_text=True)      # the workers make each one's Path
        if shard.wanted(len(found)):
            hierarchy = _hierarchy(units_file)       # a bad units file fails before the reading
            chosen = select_rules(select, ignore)
            from .render.check_output import ENCODED
            got = shard.check_files(found, missing, hierarchy, chosen, progress,
                                    output if output in ENCODED else None)
            if got is not None:
                stubs, failures, findings, stats, lines = got
                read = ReadResult(stubs, list(missing) + failures)
                result = CheckResult(reports=stubs, findings=findings, stats=stats, report_lines=lines)
                return _with_failures(result, read, chosen, files, kind)
    return check_read(read_all(files, progress=progress), units=units_file, select=select, ignore=ignore,
                      inputs=files, kind=kind)


def check_read(read, units=None, select: list[str] | None = None, ignore: list[str] | None = None,
               inputs: Sequence[Path] = (), kind: str = "documents") -> CheckResult:
    """`check` what the readers gave (`readers.ReadResult`): the one path from reading to findings,
    for the command line (files) and for Excel (a live workbook's sheets, `checker.excel`)."""
    result = check(read.reports, units=units, select=select, ignore=ignore)
    return _with_failures(result, read, select_rules(select, ignore), inputs, kind)


def _with_failures(result: CheckResult, read, chosen: set[str], inputs: Sequence[Path], kind: str) -> CheckResult:
    result.unreadable = list(read.failures)
    unchecked = [*read.failures, *map(not_a_report, (r for r in result.reports if r.format is None))]
    result.findings = [f for f in unchecked if f.rule in chosen] + result.findings
    result.inputs, result.kind = list(inputs), kind
    return result


# why an input is no report: said in its F5, on stderr and in --summary alike
NO_REPORT_FOUND = "没有找到标准表格或可识别的年报格式"
NOT_A_REPORT = f"{NO_REPORT_FOUND}，无法识别为年度报告，未做任何核对。"


def not_a_report(r: Report) -> Finding:
    """The F5 of an input read with nothing of a report in it (a notice, a meeting note): in the
    output as an unreadable file is, so that a run over thousands of files accounts for every input
    in its JSON or CSV, not on stderr alone."""
    from .readers import unreadable
    # about that report (a collection's sheet): its sheet is where an annotated workbook flags it
    return replace(unreadable(Path(r.source or ""), NOT_A_REPORT, not_a_report_place(r)), report=r.identity)


def not_a_report_place(r: Report) -> str | None:
    """Where in its file an input with nothing of a report is (a collection's sheet), or None."""
    return None if r.place is None else f"工作表“{r.place}”" if r.location_style == "sheet" else r.place


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """The same rule on the same cell of the same report once (e.g. R5 found both while reading and
    while checking). The report's identity is in the key: a collection may hold one unit-year on
    two sheets (a unit pasted twice), and each sheet's cells are flagged on that sheet."""
    seen, out = set(), []
    for f in findings:
        key = (f.rule, f.unit, f.year, f.report, f.suspect, f.message if f.suspect is None else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


__all__ = ["check", "check_paths", "check_read", "CheckResult", "catalogue"]
