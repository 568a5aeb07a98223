"""Running the selected rules: each rule's kind is the function registered for it in
`checker/rules/kinds/` (`checker.rules.registry`), called once with every report the rule applies
to. A kind that crashes is recorded against its rule (`crashed`) and the run goes on. Equality kinds register evidence instead of findings; the
localisation step then turns all of it into one finding per root cause."""
from __future__ import annotations

import sys
import traceback

from ..catalogue import catalogue, order
from ..model import Finding
from . import explain, localise
from .context import Context
from .registry import KINDS

def run(ctx: Context, rule_ids: set[str]) -> tuple[list[Finding], dict[str, dict]]:
    findings: list[Finding] = []
    stats: dict[str, dict] = {}
    for rid in sorted(rule_ids, key=order):
        rule = catalogue()[rid]
        if not rule.kind:
            continue          # problems of form are found by the readers (rule.raised_by)
        stat = stats.setdefault(rid, {"passed": 0, "failed": 0, "not_evaluable": 0, "crashed": 0})
        applicable = ctx.of_formats(rule.formats)
        before = len(ctx.evidence)
        try:
            out = list(KINDS[rule.kind].check(rule, applicable, ctx))
        except Exception as e:  # a broken rule must not lose the others
            stat["crashed"] += 1
            stat["error"] = f"{type(e).__name__}: {e}"
            print(f"规则 {rid} 运行出错（{type(e).__name__}: {e}），已跳过：\n{traceback.format_exc()}",
                  file=sys.stderr)
            continue
        findings.extend(out)
        if len(ctx.evidence) == before:
            failing = {(f.unit, f.year) for f in out}
            skipped = ctx.skipped.get(rid, 0)
            stat["failed"] += len(out)
            stat["not_evaluable"] += skipped
            stat["passed"] += max(0, len(applicable) - len(failing) - skipped)
    for fam in ctx.evidence:
        stats[fam.rule.id].update(passed=fam.passed, failed=fam.failed, not_evaluable=fam.not_evaluable)
    decoder = localise.Decoder(ctx, ctx.evidence)
    localised = explain.findings(ctx, decoder.run(), decoder)
    findings = explain.fold_prose(findings, localised) + localised
    ctx.replaced = explain.fill_blanks(ctx, decoder)
    return findings, stats

