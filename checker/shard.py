"""A large `xxgk check` read AND checked in worker processes, each over its own part of the files.

Reading in parallel and checking in one process left the second core idle for half the run and
pickled every report (cells, prose, positions) back to the main process. Cross-report rules only
connect reports of the same unit (years: R6–R8, U2) and of one hierarchy (R9), so the reports fall
into independent groups, each checked by one worker. The main process gets back a small stand-in of
each report (`_stub`: its name, year, format, source and the sections' text that T1 compares), groups
them, and gives each group to a worker (`owners`): the worker that read most of it; a group read by
several workers (an evaluator's flat folder: a unit's years anywhere among the files) is brought
together there, its other reports sent over by the workers that read them (`_exchange`), so that
both cores check and the progress counts every report. What is truly global is done here on the
stand-ins: T1 (copies across all units) and U1 (names of the units file no report matched). The
result is the one `check` gives on all reports at once: the same findings in the same order, the
same statistics (`tests/test_shard.py` compares the two through the CLI).

The two workers take batches from either end of the files until they meet (`_take`), so they finish
reading together; they write their findings in the output format when the caller names it
(`render.check_output.Encoded`), so what is left after them is ordering and concatenating lines.

Only where processes are cheap and the reports themselves are not needed afterwards (an annotated
workbook needs their cells): Linux (fork), two cores, at least `SHARD_FROM` files.
"""
from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .catalogue import catalogue, order
from .model import Finding, Report

if TYPE_CHECKING:      # multiprocessing is imported only when a run is sharded
    from multiprocessing.connection import Connection

SHARD_FROM = 2000        # files; below this one process checks in a few seconds anyway
GLOBAL_RULES = {"T1", "U1"}   # rules over all reports at once, run here on the stand-ins
_BATCH = 64              # files read between two progress messages
CHECK_CHUNK = 2000       # reports checked at a time (whole groups: see `chunked`): a progress message each,
                         # and the unit a worker done with its own takes over from its partner (`_steal`);
                         # a chunk's fixed cost (~14 ms at 50,000 units) against the balance at the end:
                         # 8,000 reports of the 100k input took 1.96 s CPU in chunks of 1,000, 1.88 in 2,000,
                         # 1.89 in 2,500 or 5,000 (bench/NOTES.md, s9)
CHUNKS_EACH = 8          # at least this many chunks a worker (when it has reports enough): a run of a
                         # few thousand reports in chunks of 2,000 gave each worker one, and the one with
                         # the costlier reports could hand none over (flat folder: 0.7 against 2.1 s CPU)
_KEPT_FACTS = ("origin",)     # the facts a stand-in keeps besides T1's sections (text_where)


def wanted(n_files: int) -> bool:
    """Shard this run? XXGK_SHARD=0 never, =1 always (from two files), unset from SHARD_FROM files."""
    env = os.environ.get("XXGK_SHARD", "")
    if env == "0" or not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2:
        return False
    return n_files >= (2 if env == "1" else SHARD_FROM)


@dataclass
class Part:
    """What one share's check gave: its findings (sorted, deduplicated) and per-rule counts."""
    findings: list = field(default_factory=list)     # Finding, or `Encoded` when the output is known
    stats: dict[str, dict] = field(default_factory=dict)


def check_files(files: Sequence[str | Path], missing: list[Finding], hierarchy, chosen: set[str], progress=None,
                output: str | None = None):
    """Read and check `files` (Paths, or their text: `readers.discover(as_text=True)`) in worker
    processes; returns (stand-ins of the reports in input
    order, read failures, findings, stats, the stand-ins' JSON lines when `output` is json) or None
    when a worker failed (the caller then checks the usual way). `output`: the format the caller
    writes (json or csv); the workers then write their findings in it (`render.check_output.Encoded`),
    in parallel, and the main process only orders and concatenates them."""
    import multiprocessing

    t_start = time.process_time()
    workers = min(os.cpu_count() or 1, 2 if len(files) < 4 * SHARD_FROM else os.cpu_count() or 1)
    bounds = batch_bounds(files, _BATCH)
    segments = pairs(bounds, workers)
    ctx = multiprocessing.get_context("fork")
    # per segment the batches left to take (first, last + 1): its two workers take them from either
    # end until they meet, after a first batch each at its own end
    left = ctx.Array("i", [b for k, seg in enumerate(segments) for b in _left(seg, 2 * k + 1 < workers)])
    # per worker its chunks to check: the next it takes, the end its partner takes from, the end it
    # has handed its partner the reports of, whether it is checking one (`_own_chunk`, `_steal`,
    # `_taken_from`); and per pair a pipe for those reports
    chunk_state = ctx.Array("i", _STATE * workers)
    peers = [ctx.Pipe() if 2 * k + 1 < workers else (None, None) for k in range(len(segments))]
    mesh = _mesh(ctx, workers)      # every two workers: a pipe to bring a group together (`_exchange`)
    _import_before_fork(files)
    t1_texts = _t1_texts(chosen)
    # the units file's names and matcher, made once here: the workers inherit them (fork), and
    # this process matches the stand-ins' units and runs U1 with them (each built its own: ~0.1 s
    # CPU apiece at 50,000 names)
    index = _units_index(hierarchy)
    pipes, procs = [], []
    t_fork, wall_fork = time.process_time(), time.monotonic()    # the workers' wall clocks start here too
    try:
        for w in range(workers):
            mine, theirs = ctx.Pipe()
            p = ctx.Process(target=_worker, args=(theirs, files, bounds, left, segments[w // 2], w // 2, w % 2,
                                                  t1_texts, chunk_state, peers, index, mesh), daemon=True)
            p.start()
            theirs.close()
            pipes.append(mine)
            procs.append(p)
        _close_peers(peers, None)
        _close_mesh(mesh, None)
        enabled = gc.isenabled()
        gc.disable()   # the stand-ins arrive in bulk: no collection scans them again and again
        try:
            # with a units file the reports' unit keys are made as the stand-ins come, while the
            # workers read, not after (the workers wait for the grouping)
            matcher = index.matcher if index is not None and index.known else None
            stubs, failures, owner, keys = _receive_reads(pipes, files, progress, matcher, hierarchy is not None)
        finally:
            gc.freeze()
            if enabled:
                gc.enable()
        t0 = time.process_time()
        hierarchy = hierarchy if hierarchy is not None else _from_reports(stubs)
        group = components(stubs, hierarchy, keys)
        local = [c for c in chosen if c not in GLOBAL_RULES]
        checker_of = owners(group, owner, len(pipes))
        held: list[list[int]] = [[] for _ in pipes]     # per worker: the reports it read, in input order
        checks: list[list[int]] = [[] for _ in pipes]   # per worker: the reports it checks, in input order
        for i, w in enumerate(owner):
            held[w].append(i)
            checks[checker_of[group[i]]].append(i)
        t1, wall_grouped = time.process_time(), time.monotonic()
        # per worker: the reports it read that another checks, by that worker
        gives = [{o: [i for i in held[w] if checker_of[group[i]] == o] for o in range(len(pipes)) if o != w}
                 for w in range(len(pipes))]
        size = chunk_size(len(stubs), len(pipes))
        chunks = [[[checks[w][k] for k in c] for c in chunked([group[i] for i in checks[w]], size)]
                  for w in range(len(pipes))]
        for w, cs in enumerate(chunks):     # set before any worker starts checking, or takes over
            chunk_state[_STATE * w:_STATE * (w + 1)] = [0, len(cs), len(cs), 0]
        for w, pipe in enumerate(pipes):     # the units file's hierarchy they have (`index`)
            pipe.send(("check", held[w], gives[w], chunks[w], hierarchy if index is None else None, local, output))
        # the workers' checked parts taken in by a thread meanwhile: a worker whose part does not fit
        # the pipe waits until it is read, and both waiting while this process works leaves a core idle
        first = {(w, k): c[0] for w, cs in enumerate(chunks) for k, c in enumerate(cs)}
        receiver = _Receiver(pipes, len(stubs), progress, first)
        # while the workers check: the global rules here
        here: list[Part] = []
        glob = {c for c in chosen if c in GLOBAL_RULES}
        t_moved = time.process_time()
        if glob:
            here.append(_global_part(stubs, hierarchy, glob, index))
        t_glob = time.process_time()
        # the reports' JSON lines too, here while the workers check rather than after them
        lines = _report_lines(stubs) if output == "json" else []
        t2 = time.process_time()
        parts = receiver.parts()
        t_recv, wall_recv = time.process_time(), time.monotonic()
        parts += here
        for p in procs:
            p.join(timeout=10)
        findings, stats = merge(parts, chosen)
        _log(f"主进程：收到 {len(stubs)} 份替身时 CPU {t0:.1f} s，分组 {t1 - t0:.1f} s，"
             f"T1/U1 {t2 - t1:.1f} s，合并 {time.process_time() - t2:.1f} s")
        _log(f"主进程细分：启动 {t_start:.2f} s，分叉前（导入）{t_fork - t_start:.2f} s，收到替身 {t0 - t_fork:.2f} s，"
             f"分组 {t1 - t0:.2f} s，分派 {t_moved - t1:.2f} s，T1/U1 {t_glob - t_moved:.2f} s，"
             f"报告的 JSON {t2 - t_glob:.2f} s，"
             f"收到核对结果 {t_recv - t2:.2f} s，合并 {time.process_time() - t_recv:.2f} s")
        _log(f"主进程墙钟（自分叉起，与工作进程的相同）：分组完于 {wall_grouped - wall_fork:.1f} s，"
             f"收到全部核对结果于 {wall_recv - wall_fork:.1f} s，合并完于 {time.monotonic() - wall_fork:.1f} s")
        return stubs, failures, findings, stats, lines
    except _Failed as e:
        return _gave_up(str(e))
    except (EOFError, OSError):
        return _gave_up(_DIED)
    finally:
        _close_peers(peers, None)
        _close_mesh(mesh, None)
        for p in procs:
            if p.is_alive():
                p.kill()


_DIED = "一个工作进程意外退出（可能是内存不足被系统终止）"


def _why(reply) -> str:
    """A worker's error reply as one line for a person (its traceback's last line)."""
    if reply and reply[0] == "error":
        last = str(reply[1]).strip().splitlines()[-1:] or [""]
        return f"一个工作进程出错（{last[0]}）"
    return _DIED


def _gave_up(reason: str) -> None:
    """Say on stderr why the run goes on in one process (the caller reads and checks everything
    again the usual way: the result is the same, only slower); returns None for the caller."""
    sys.stderr.write(f"并行核对未能完成：{reason}。改为在一个进程中重新读取和核对全部报告，需要更长时间。\n")
    sys.stderr.flush()
    return None


def _import_before_fork(files: Sequence[str | Path]) -> None:
    """The readers these files need and the rules, imported once here rather than in every worker."""
    import importlib

    from . import frames, readers  # noqa: F401
    from .rules import engine  # noqa: F401
    # what the check imports on first use: pandera (always) and scipy's solver (almost always at
    # this size: reports with errors the exact method decides); ~0.5 s CPU once here, not per worker
    import pandera.pandas  # noqa: F401
    try:
        import scipy.optimize  # noqa: F401
    except ImportError:
        pass
    for module in {readers.READERS.get(os.path.splitext(f)[1].lower()) for f in files} - {None}:
        try:
            importlib.import_module(f".{module}", readers.__name__)
        except ImportError:
            pass        # an optional reader not installed: the worker reports it per file


def _log(line: str) -> None:
    """Per-process CPU of each phase when XXGK_SHARD_LOG is set: on stderr (=1) or appended to
    the file it names (bench/NOTES.md)."""
    where = os.environ.get("XXGK_SHARD_LOG")
    if where == "1":          # one write per line: two workers may log at the same moment
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    elif where:
        with open(where, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def batch_bounds(files: Sequence[str | Path], size: int) -> list[int]:
    """Where the batches the workers read begin and end (`[0, …, len(files)]`): about `size` files
    each, a batch's end moved on by up to `size` files to the next change of folder. Two workers
    meet at a batch's end, so a district's reports, which usually sit in one folder, are read by one
    worker (a group read by two has to be moved to the main process)."""
    bounds = [0]
    n = len(files)
    while bounds[-1] < n:
        at = end = min(n, bounds[-1] + size)
        stop = min(n, end + size)
        while at < stop and os.path.dirname(files[at]) == os.path.dirname(files[at - 1]):
            at += 1
        bounds.append(at if at < stop or stop == n else end)
    return bounds


def pairs(bounds: list[int], workers: int) -> list[tuple[int, int]]:
    """The batches (first, last + 1) of each pair of workers: one segment of about the same number
    of files per two workers (an odd last worker reads its segment alone). One worker of a pair
    reads from the segment's start, the other from its end, each taking its next batch when done
    with the last, until they meet: both finish reading together however the files' cost or the
    machine's load differ (a fixed half each left one worker 5 s behind the other at 100,000)."""
    n_seg = (workers + 1) // 2
    n_batches = len(bounds) - 1
    cuts = [0]
    for k in range(1, n_seg):
        want = bounds[-1] * k // n_seg
        b = next((j for j in range(cuts[-1], n_batches + 1) if bounds[j] >= want), n_batches)
        cuts.append(b)
    cuts.append(n_batches)
    return list(zip(cuts, cuts[1:]))


def unit_keys(reports: list[Report], matcher) -> list[str]:
    """Each report's unit as `components` joins reports by: the known name it matches (`matcher`
    over the units file's names, or None), else its normalised name."""
    from .units import normalise
    keys = []
    for r in reports:
        m = matcher.match(r.unit) if matcher is not None else None
        keys.append(m if m is not None else normalise(r.unit))
    return keys


def components(reports: list[Report], hierarchy, keys: list[str] | None = None) -> list[int]:
    """A group number per report: reports that any rule may compare end up in one group. The unit
    keys and parents are matched as `rules.context.Context` matches them; a parent is joined to
    every report key its fuzzy match could choose, so that a group's own keys decide that match
    the same way in a share as over all reports. A group's number is its first report's index.
    The union is over the distinct keys (a unit's years share one), not over the reports.
    `keys`: `unit_keys` of the reports, when already known (`_keys_matcher`)."""
    from .units import Matcher
    if keys is None:
        keys = unit_keys(reports, _keys_matcher(hierarchy))
    node: dict[str, int] = {}
    for k in keys:
        if k and k not in node:       # no unit: compared with nothing, a group of its own
            node[k] = len(node)
    parent_of: list[int] = list(range(len(node)))

    def find(a: int) -> int:
        while parent_of[a] != a:
            parent_of[a] = parent_of[parent_of[a]]
            a = parent_of[a]
        return a

    def of_key(k: str) -> int:
        if k not in node:
            node[k] = len(parent_of)
            parent_of.append(node[k])
        return node[k]

    if hierarchy:
        canon = Matcher(sorted(set(keys)))
        could: dict[str, list[str]] = {}      # per parent: a district has tens of units
        for unit, parent in hierarchy.parents.items():
            if not parent:
                continue
            if parent not in could:
                could[parent] = [parent, *canon.candidates(parent)]
            a = find(of_key(unit))
            for k in could[parent]:
                b = find(of_key(k))
                if a != b:
                    parent_of[max(a, b)] = a = min(a, b)
    first: dict[int, int] = {}
    return [first.setdefault(find(node[k]), i) if k else i for i, k in enumerate(keys)]


def _keys_matcher(hierarchy):
    """The matcher `unit_keys` needs: over the hierarchy's names, or None without one."""
    from .units import Matcher
    known = hierarchy.names() if hierarchy else []
    return Matcher(known) if known else None


def chunk_size(n_reports: int, workers: int) -> int:
    """Reports a chunk: CHECK_CHUNK, or fewer so that each worker has CHUNKS_EACH to share."""
    return max(1, min(CHECK_CHUNK, n_reports // (workers * CHUNKS_EACH)))


def chunked(group: list[int], size: int) -> list[list[int]]:
    """A worker's reports to check (`group`: their groups) in chunks of about `size`, each chunk a
    set of whole groups, in the reports' order: each chunk is checked on its own, so that the
    worker can say how far it is and send its findings while it checks the next."""
    chunks: list[list[int]] = []
    chunk_of: dict[int, int] = {}
    for i, g in enumerate(group):
        c = chunk_of.get(g)
        if c is None:
            if not chunks or len(chunks[-1]) >= size:
                chunks.append([])
            c = chunk_of[g] = len(chunks) - 1
        chunks[c].append(i)
    return chunks


def owners(group: list[int], owner: list[int], workers: int) -> dict[int, int]:
    """The worker that checks each group (by group number): the one that read most of its
    reports (the fewest to send over); a group two read equally of (an evaluator's flat folder:
    a unit's two years, one read by each) goes to the one with the fewest reports to check once
    every other group is given, the largest such groups first, so that both have as much to do."""
    counts: dict[int, list[int]] = {}
    for g, w in zip(group, owner):
        counts.setdefault(g, [0] * workers)[w] += 1
    load = [0] * workers
    checker_of: dict[int, int] = {}
    tied = []
    for g, n in counts.items():         # in the order of the groups' first reports
        best = max(n)
        if n.count(best) > 1:
            tied.append(g)
            continue
        checker_of[g] = w = n.index(best)
        load[w] += sum(n)
    for g in sorted(tied, key=lambda g: -sum(counts[g])):      # stable: equal sizes in input order
        n = counts[g]
        best = max(n)
        checker_of[g] = w = min((w for w in range(workers) if n[w] == best), key=lambda w: load[w])
        load[w] += sum(n)
    return checker_of


def check_part(reports: list[Report], hierarchy, chosen: set[str], index=None) -> Part:
    """`check` of one part; `index`: the hierarchy's `UnitsIndex`, made once for all parts."""
    from .check import check
    r = check(reports, units=hierarchy, select=None, ignore=None, chosen=chosen, index=index)
    return Part(r.findings, r.stats)


def _units_index(hierarchy):
    """The `rules.context.UnitsIndex` of a units file, or None without one."""
    from .rules.context import UnitsIndex
    return UnitsIndex(hierarchy) if hierarchy is not None else None


def _global_part(stubs: list[Report], hierarchy, chosen: set[str], index=None) -> Part:
    """T1 and U1 over every report's stand-in (they compare no parent with its units: no links)."""
    from .check import _dedupe, _ordered
    from .rules.context import Context
    from .rules.engine import run
    ctx = Context(stubs, hierarchy=hierarchy, selection=chosen, units_index=index, links=False)
    found, stats = run(ctx, chosen)
    return Part(_ordered(_dedupe(found)), stats)


def merge(parts: list[Part], chosen: set[str]) -> tuple[list, dict[str, dict]]:
    """The parts' findings in `check`'s order (a stable sort: findings with the same unit, year,
    severity and rule all come from one part, in that part's order) and their summed counts."""
    from .check import _ordered
    findings = [f for p in parts for f in p.findings]
    stats: dict[str, dict] = {}
    for rid in sorted(chosen, key=order):
        got = [p.stats[rid] for p in parts if rid in p.stats]
        if not got:
            continue
        total = {k: 0 for k in ("passed", "failed", "not_evaluable", "crashed")}
        for s in got:
            for k, v in s.items():
                if k in total:
                    total[k] += v
                else:
                    total.setdefault(k, v)      # a crashed rule's first message
        stats[rid] = total
    return _ordered(findings), stats


def _t1_texts(chosen: set[str]) -> tuple[set[str], int]:
    """The sections T1 compares (none when it does not run) and its `min_chars`."""
    rule = catalogue().get("T1")
    if "T1" not in chosen or rule is None:
        return set(), 0
    return {str(n) for n in rule.params.sections}, rule.params.min_chars


def _stub(r: Report, t1: tuple[set[str], int]) -> Report:
    """What the main process needs of a report checked elsewhere: what the output lists of it and
    what T1 and U1 compare. Of the sections' texts only those T1 judges (`outline.judged_text`): it
    skips a missing one as it skips a short one, and at 100,000 reports 96 % are short (half of a
    stand-in's bytes, pickled here and unpickled in the main process). The pipeline's report
    without its cells, prose and reading findings (all checked in the worker)."""
    return _stand_in(_stub_fields(r, t1))


def _stub_fields(r: Report, t1: tuple[set[str], int]) -> tuple:
    """`_stub`'s fields, as a worker sends them: a tuple pickles and unpickles in half the time of a
    Report (no class, no field names), and the Report is made once, in the main process
    (`_stand_in`), instead of copied by `dataclasses.replace` here: 20 → 12 µs a report of CPU."""
    from .rules.kinds.outline import judged_text
    sections, min_chars = t1
    facts = {k: r.facts[k] for k in _KEPT_FACTS if k in r.facts}
    if sections and "sections" in r.facts:
        facts["sections"] = r.facts["sections"]
        texts = r.facts.get("section_text")
        if texts is not None:
            facts["section_text"] = {k: v for k, v in texts.items()
                                     if str(k) in sections and judged_text(v, min_chars) is not None}
    return (r.source, r.unit, r.year, r.format, r.period, r.published, r.parent, r.title, r.location_style,
            facts, r.place)


def _stand_in(fields: tuple) -> Report:
    """The stand-in Report of `_stub_fields` (every other field empty, as a new Report has it)."""
    source, unit, year, fmt, period, published, parent, title, style, facts, place = fields
    return Report(source, unit, year, fmt, period, published, parent, title, style, facts=facts, place=place)


def _report_lines(stubs: list[Report]) -> list:
    from .check import _report_json
    from .render.check_output import Raw, _dumps
    return [Raw(_dumps(_report_json(r))) for r in stubs]


def _from_reports(stubs: list[Report]):
    from .rules.context import _from_reports
    return _from_reports(stubs)


class _Failed(Exception):
    """A worker died or failed: why, for a person."""


def _messages(pipes, last: str):
    """(worker, message) from every worker until each has sent `last`."""
    from multiprocessing.connection import wait
    index = {id(p): w for w, p in enumerate(pipes)}
    waiting = list(pipes)
    while waiting:
        for ready in wait(waiting):
            pipe = cast("Connection", ready)
            try:
                msg = pipe.recv()
            except EOFError:
                raise _Failed(_DIED) from None
            if msg[0] == last:
                waiting.remove(pipe)
            elif msg[0] == "error":
                raise _Failed(_why(msg))
            else:
                yield index[id(pipe)], msg


def _receive_reads(pipes, files: Sequence[str | Path], progress, matcher=None, with_keys: bool = False):
    """Each worker's progress with the stand-ins and failures of each batch it read; returns them
    in input order (by batch) with the worker that holds each report, and with `with_keys` their
    `unit_keys` by `matcher` (else None)."""
    got: dict[int, tuple[int, list, list, list]] = {}      # batch -> (worker, stand-ins, failures, keys)
    done = 0
    for w, msg in _messages(pipes, "read"):
        stand_ins = list(map(_stand_in, msg[3]))
        got[msg[5]] = (w, stand_ins, msg[4], unit_keys(stand_ins, matcher) if with_keys else [])
        done += msg[1]
        if progress:
            progress(done, len(files), Path(msg[2]))
    stubs, failures, owner, keys = [], [], [], []
    for b in sorted(got):
        w, s, f, k = got[b]
        stubs.extend(s)
        failures.extend(f)
        owner.extend([w] * len(s))
        keys.extend(k)
    return stubs, failures, owner, keys if with_keys else None


def _receive_checks(pipes, total: int, progress, first: dict) -> list[Part]:
    """The workers' checked parts as they come, with progress; returned in the order of the
    chunks' first reports in the input (`first`: per (worker, chunk) that report's index), so that
    the order does not depend on which worker was faster or took which chunk over."""
    parts: list[tuple[int, Part]] = []
    done = 0
    for _, msg in _messages(pipes, "checked"):
        parts.append((first[msg[3]], msg[2]))
        done += msg[1]
        if progress:
            progress(done, total, None, what="核对报告")
    return [p for _, p in sorted(parts, key=lambda x: x[0])]


class _Receiver:
    """`_receive_checks` in a thread; `parts()` waits for it and raises what it raised."""

    def __init__(self, *args) -> None:
        import threading
        self._got: list = []
        self._thread = threading.Thread(target=self._run, args=args, daemon=True)
        self._thread.start()

    def _run(self, *args) -> None:
        try:
            self._got.append(_receive_checks(*args))
        except BaseException as e:       # noqa: BLE001 - raised again in the main thread by `parts`
            self._got.append(e)

    def parts(self) -> list[Part]:
        self._thread.join()
        got = self._got[0]
        if isinstance(got, BaseException):
            raise got
        return got


def _own(seg: tuple[int, int], side: int) -> int | None:
    """A worker's first batch: the first of its segment (side 0) or the last (side 1), so that
    each worker of a pair has read its own end whatever the order they start in."""
    first, last = seg
    if side == 0:
        return first if first < last else None
    return last - 1 if last - 1 > first else None


def _left(seg: tuple[int, int], paired: bool) -> tuple[int, int]:
    """The batches of a segment left to take once its worker(s) have their own first batch."""
    first, last = seg
    return first + (first < last), last - (paired and last - 1 > first)


def _take(left, seg: int, side: int) -> int | None:
    """The next batch for the worker reading segment `seg` from its start (side 0) or its end (1);
    None when the two have met."""
    with left.get_lock():
        lo, hi = left[2 * seg], left[2 * seg + 1]
        if lo >= hi:
            return None
        if side == 0:
            left[2 * seg] = lo + 1
            return lo
        left[2 * seg + 1] = hi - 1
        return hi - 1


_STATE = 4      # ints per worker in the shared chunk state: next, end, handed up to, checking one


def _own_chunk(state, w: int) -> int | None:
    """Worker `w`'s next chunk of its own (from the start), or None when the rest was taken over."""
    at = _STATE * w
    with state.get_lock():
        k, end = state[at], state[at + 1]
        state[at + 3] = k < end
        if k >= end:
            return None
        state[at] = k + 1
        return k


def _steal(state, w: int) -> int | None:
    """A chunk of worker `w`'s that it has not started, taken over by its partner (from the end);
    not the last one left while `w` is not checking (it starts on that one itself: handing its
    reports over would only cost)."""
    at = _STATE * w
    with state.get_lock():
        k, end = state[at], state[at + 1]
        if k >= end or (k == end - 1 and not state[at + 3]):
            return None
        state[at + 1] = end - 1
        return end - 1


def _taken_from(state, w: int) -> list[int]:
    """The chunks of worker `w` its partner took over since `w` last looked, in the order taken:
    `w` hands their reports over (the partner waits for them)."""
    at = _STATE * w
    with state.get_lock():
        end, handed = state[at + 1], state[at + 2]
        state[at + 2] = end
    return list(range(handed - 1, end - 1, -1))


def _mesh(ctx, workers: int) -> list[list]:
    """A pipe between every two workers: `mesh[a][b]` is a's end towards b."""
    mesh: list[list] = [[None] * workers for _ in range(workers)]
    for a in range(workers):
        for b in range(a + 1, workers):
            mesh[a][b], mesh[b][a] = ctx.Pipe()
    return mesh


def _close_mesh(mesh, mine: int | None) -> None:
    """Close every end of `mesh` but worker `mine`'s: a worker that dies is then seen (EOF)."""
    for a, ends in enumerate(mesh):
        if a != mine:
            for end in ends:
                if end is not None:
                    end.close()


def _exchange(ends: list, gives: dict[int, list[int]], by_index: dict[int, Report]) -> int:
    """Send every other worker the reports it checks that this one read, and take in those this
    one checks that they read (into `by_index`, by their index in the input). The sending is done
    by a thread while this one receives: two workers each sending first would both wait on a full
    pipe. Returns the number of reports received."""
    import threading
    from multiprocessing.connection import wait

    failed: list[BaseException] = []

    def send() -> None:
        try:
            for o, idx in gives.items():
                ends[o].send([(i, by_index[i]) for i in idx])
        except BaseException as e:     # noqa: BLE001 - raised again below, after the receiving
            failed.append(e)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    got = 0
    waiting = [end for o, end in enumerate(ends) if end is not None and o in gives]
    while waiting:
        for ready in wait(waiting):
            pipe = cast("Connection", ready)
            came = pipe.recv()         # EOFError when that worker died: this one fails too
            by_index.update(came)
            got += len(came)
            waiting.remove(pipe)
    sender.join()
    if failed:
        raise failed[0]
    for idx in gives.values():
        for i in idx:
            del by_index[i]
    return got


def _close_peers(peers, mine) -> None:
    """Close every pipe end between partners but `mine`: a partner that dies is then seen (EOF)."""
    for ends in peers:
        for end in ends:
            if end is not None and end is not mine:
                end.close()


def _worker(conn, files: Sequence[str | Path], bounds: list[int], left, segment: tuple[int, int], seg: int, side: int,
            t1: tuple[set[str], int], chunk_state, peers, index, mesh) -> None:
    """Read batches of `files` (its own first, then `_take`'s), send their stand-ins; then give the
    other workers the reports of the groups they check and take in those of its own (`_exchange`),
    and check in chunks: its own from the start, handing over those its partner took from the end,
    then its partner's from the end until they meet. Both finish checking together however the
    groups' cost differ (each checked what it read left one worker 1.5 s behind the other at
    100,000). `index`: the units file's `UnitsIndex`, made before the fork (None: no units file,
    the hierarchy comes with the reports)."""
    import signal
    # Ctrl+C at a terminal reaches the whole process group: the main process says it and stops the
    # workers; a worker's own KeyboardInterrupt only printed its traceback among the messages
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .readers import _read_batch, _worker_gc
    from .render.check_output import encode
    from .rules import solvepool
    from .rules.context import UnitsIndex
    me, partner = 2 * seg + side, 2 * seg + 1 - side
    peer = peers[seg][side]
    _close_peers(peers, peer)
    _close_mesh(mesh, me)
    _worker_gc()
    start = time.monotonic()
    solvepool.enabled = False     # both cores already check: a solver process would only compete
    try:
        read: dict[int, list[Report]] = {}
        n_read = 0
        b = _own(segment, side)
        while b is not None:
            batch = files[bounds[b]:bounds[b + 1]]
            out = _read_batch(batch)
            read[b] = out.reports
            n_read += len(batch)
            # the stand-ins go with each batch: the main process takes them in while the reading
            # goes on, not all at once after it
            conn.send(("progress", len(batch), str(batch[-1]), [_stub_fields(r, t1) for r in out.reports],
                       out.failures, b))
            b = _take(left, seg, side)
        reports = [r for b in sorted(read) for r in read[b]]     # in input order, as the main process has them
        gc.freeze()
        conn.send(("read",))
        read_cpu, read_wall = time.process_time(), time.monotonic() - start
        _, held, gives, chunks, hierarchy, chosen, output = conn.recv()
        by_index = dict(zip(held, reports))
        del reports
        n_got = _exchange(mesh[me], gives, by_index)
        n_gave = sum(map(len, gives.values()))
        if index is None:
            index = UnitsIndex(hierarchy)        # once, not per chunk
        hierarchy = index.hierarchy       # the object the index is of (a Context uses it only then)

        def check(some: list[Report], key: tuple[int, int]) -> None:
            part = check_part(some, hierarchy, set(chosen), index)
            if output:
                part.findings = encode(part.findings, output)
            conn.send(("part", len(some), part, key))    # the main process takes it in meanwhile

        n_checked = n_given = n_taken = 0
        while True:
            k = _own_chunk(chunk_state, me)
            for j in _taken_from(chunk_state, me):     # before the next chunk: the partner waits
                peer.send((j, [by_index[i] for i in chunks[j]]))
                n_given += len(chunks[j])
            if k is None:
                break
            check([by_index[i] for i in chunks[k]], (me, k))
            n_checked += len(chunks[k])
        while peer is not None and (j := _steal(chunk_state, partner)) is not None:
            got, some = peer.recv()
            if got != j:
                raise RuntimeError(f"partner sent chunk {got}, not {j}")
            check(some, (partner, j))
            n_checked += len(some)
            n_taken += len(some)
        _log(f"工作进程 {os.getpid()}：读取 {n_read} 个文件 CPU {read_cpu:.1f} s，"
             f"核对 {n_checked} 份 CPU {time.process_time() - read_cpu:.1f} s，"
             f"读到而由其他工作进程核对的 {n_gave} 份、由其他工作进程读到而在此核对的 {n_got} 份，"
             f"从另一工作进程接过 {n_taken} 份、交给它 {n_given} 份；"
             f"墙钟：读完于 {read_wall:.1f} s，核完于 {time.monotonic() - start:.1f} s")
        conn.send(("checked",))
    except Exception:
        try:
            conn.send(("error", traceback.format_exc()))
        except OSError:
            pass
    finally:
        conn.close()
        if peer is not None:
            peer.close()
        _close_mesh(mesh, None)
