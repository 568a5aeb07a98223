"""Rules within and across reports. A rule in `schemas/rules/*.yaml` names a check kind `a.b`,
implemented once as function `b` of module `checker.rules.kinds.a`:
`b(rule: Rule, reports: list[Report], ctx: Context) -> Iterable[Finding]`."""
