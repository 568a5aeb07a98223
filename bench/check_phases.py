"""CPU seconds of the check phase's parts, on reports read once (for A/B of speed changes on a
busy machine, where wall time means little):

    python -m bench.check_phases read DIR/reports OUT.pkl          # read once, pickle the result
    python -m bench.check_phases check OUT.pkl DIR/units.csv OUT.json [--one-process] [--no-proofs]

`check` checks the pickled reports in this process, writes the JSON as `xxgk check --format json`
does, and prints `time.process_time` per phase (a phase's time includes the phases inside it).
`--one-process` solves every solver batch here (no solver worker), so that all the solver's CPU
is counted and two runs can be compared. `--no-proofs` sends every question to the solver
(`exact.PROOFS` off), for A/B of the proofs. Compare outputs with `cmp`."""
from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import time
from pathlib import Path

SPENT: dict[str, float] = {}


def _timed(owner, name: str, label: str) -> None:
    fn = getattr(owner, name)

    def wrap(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - start
    setattr(owner, name, wrap)


def read(reports: Path, out: Path) -> None:
    from checker.readers import read_all
    result = read_all([reports])
    with open(out, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)


def check(data: Path, units: Path, out: Path, one_process: bool, proofs: bool = True) -> None:
    from checker import frames
    from checker.check import check_read
    from checker.render import check_output
    from checker.rules import context, engine, exact, localise, solvepool
    if one_process:
        solvepool.usable = lambda: False
    exact.PROOFS = proofs
    _timed(context.Context, "__post_init__", "context (stacking the reports)")
    _timed(frames, "validate_reports", "pandera validation")
    _timed(engine, "run", "rules + localisation + explain")
    _timed(localise.Decoder, "run", "  localisation (Decoder.run)")
    _timed(exact, "solve_many", "    exact method (solve_many)")
    _timed(exact, "_model", "      building the programs (_model)")
    _timed(exact, "_round", "      solver rounds (_round)")
    _timed(exact, "_impossible", "      proofs (_impossible)")
    _timed(engine.explain, "findings", "  explain")
    gc.disable()             # as the command line does (checker/entry.py)
    with open(data, "rb") as fh:
        read_result = pickle.load(fh)
    gc.freeze()
    start = time.process_time()
    result = check_read(read_result, units=units)
    SPENT["check (total)"] = time.process_time() - start
    start = time.process_time()
    with open(out, "w", encoding="utf-8") as fh:
        check_output.render(result, "json", out=fh)
    SPENT["JSON output"] = time.process_time() - start
    children = os.times()
    SPENT["solver worker (children)"] = children.children_user + children.children_system
    for label, spent in SPENT.items():
        print(f"{label:40s} {spent:8.2f} s", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("read")
    r.add_argument("reports", type=Path)
    r.add_argument("out", type=Path)
    c = sub.add_parser("check")
    c.add_argument("data", type=Path)
    c.add_argument("units", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--one-process", action="store_true")
    c.add_argument("--no-proofs", action="store_true")
    args = parser.parse_args()
    if args.mode == "read":
        read(args.reports, args.out)
    else:
        check(args.data, args.units, args.out, args.one_process, not args.no_proofs)


if __name__ == "__main__":
    main()
