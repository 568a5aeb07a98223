"""A large check is read and checked in worker processes, each over its own share of the files
(`checker.shard`). Its output must be exactly that of checking all reports in one process: the
same findings in the same order, the same statistics, the same exit code, through the real CLI."""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import district, write_texts
from bench.inject import inject
from checker.check import check_paths

XXGK = str(Path(sys.executable).with_name("xxgk"))
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                                reason="shards need fork and two cores")


def _districts(root: Path, flat: bool) -> Path:
    """Three districts of 2022–2023 with injected errors (tables, years, hierarchy, prose); `flat`
    puts every file in one folder, so that each district is read partly by each worker and its
    reports have to be brought together in one of them."""
    rows = [("单位", "上级单位")]
    for k, name in enumerate(["北京市西城区", "北京市朝阳区", "北京市海淀区"]):
        d = district(9, years=(2022, 2023), seed=40 + k, name=name)
        inject(d, 6, seed=40 + k, start=k)
        folder = root / "reports" / ("all" if flat else f"d{k}")
        for p in write_texts(d, folder / "tmp"):
            p.rename(folder / f"{p.stem}_{k}{p.suffix}")
        (folder / "tmp").rmdir()
        rows += [(d.parent_unit, "")] + [(u, d.parent_unit) for u in d.units]
    rows.append(("北京市西城区不存在的单位", "北京市西城区人民政府"))       # U1: listed, no report
    first = sorted((root / "reports").rglob("*.txt"))[0]
    shutil.copy(first, first.with_name("zz_copy_" + first.name))           # U2: one report twice
    (root / "reports" / "zz_empty.txt").write_bytes(b"")                     # F5: unreadable
    with open(root / "units.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return root


def _run(root: Path, shard: str | None, *extra: str, folder: str = "reports") -> subprocess.CompletedProcess:
    env = {**os.environ, "XXGK_SHARD_LOG": "1"}
    env.pop("XXGK_SHARD", None)
    if shard is not None:
        env["XXGK_SHARD"] = shard
    return subprocess.run([XXGK, "check", str(root / folder), *extra], capture_output=True, env=env)


def _worker_counts(stderr: bytes) -> tuple[int, int]:
    """(reports checked in the workers, reports a worker read and the other checked), from
    XXGK_SHARD_LOG; what one worker gave the other took in."""
    lines = [ln for ln in stderr.decode().splitlines() if ln.startswith("工作进程")]
    assert len(lines) == 2
    gave = [int(re.search(r"读到而由其他工作进程核对的 (\d+) 份", ln).group(1)) for ln in lines]
    took = [int(re.search(r"由其他工作进程读到而在此核对的 (\d+) 份", ln).group(1)) for ln in lines]
    assert gave == took[::-1], lines
    return sum(int(re.search(r"核对 (\d+) 份", ln).group(1)) for ln in lines), sum(gave)


# two batches, files 0–30 and 31–61 (the old fixed halves): each worker reads one (its own end of
# the files), whatever the order the two start in
_HALVES = "shard.batch_bounds = lambda files, size: [0, 31, len(files)]"


# one folder per district: the middle district is cut by the two batches, its 10 reports read by the
# first worker are sent to the second (the one with fewer reports to check), the others are checked
# where they were read; one folder for all (an evaluator's flat folder): every district is cut, and
# brought together in the worker that read most of it. Every report is checked in a worker (before:
# the cut districts in the main process, on one core, and the progress counted 0 of the flat 61).
@pytest.mark.parametrize("flat", [False, True], ids=["one-group-cut", "every-group-cut"])
def test_sharded_check_prints_exactly_what_one_process_prints(tmp_path, flat):
    root = _districts(tmp_path, flat)
    units = ["--units", str(root / "units.csv")]
    env = {**os.environ, "XXGK_SHARD": "1", "XXGK_SHARD_LOG": "1"}
    # json and csv: the workers write the findings' lines (`Encoded`); the table: the main process
    outputs = ([*units, "--format", "json"], units, ["--format", "json"], [*units, "--format", "csv"])
    for extra in outputs[:1] if flat else outputs:
        one = _run(root, "0", *extra)
        halves = _cli_after(_HALVES, str(root / "reports"), *extra, env=env)
        as_planned = _run(root, "1", *extra)        # the batches as the workers take them on their own
        for sharded in (halves, as_planned):
            assert sharded.returncode == one.returncode == 2, extra     # the empty file: exit code 2
            assert sharded.stdout == one.stdout, extra
            assert _worker_counts(sharded.stderr)[0] == 61
            assert "核对报告：61/61" in sharded.stderr.decode().splitlines()
        assert "工作进程" not in one.stderr.decode()
        assert _worker_counts(halves.stderr) == ((61, 30) if flat else (61, 10)), extra
    doc = json.loads(_run(root, "1", *units, "--format", "json").stdout)
    rules = {f["rule"] for f in doc["findings"]}
    assert {"R6", "R9", "U1", "U2", "F5"} <= rules          # across years, the hierarchy, the units file
    assert len(doc["reports"]) == 3 * 10 * 2 + 1


def test_a_sharded_run_keeps_only_stand_ins_of_the_reports(tmp_path, monkeypatch):
    """The workers did check (the main process never held the reports' cells), and a run that
    must annotate (stand_ins=False) reads the reports into this process as before."""
    root = _districts(tmp_path, flat=False)
    monkeypatch.setenv("XXGK_SHARD", "1")
    args = dict(paths=[root / "reports"], units_file=root / "units.csv")
    sharded, whole = check_paths(**args, stand_ins=True), check_paths(**args)
    assert all(r.values is None for r in sharded.reports)
    assert all(r.values is not None for r in whole.reports if r.format)
    assert [f.to_json() for f in sharded.findings] == [f.to_json() for f in whole.findings]
    assert sharded.stats == whole.stats


def test_exit_codes_are_those_of_one_process_and_a_small_run_starts_no_worker(tmp_path):
    root = _districts(tmp_path, flat=False)
    units = ["--units", str(root / "units.csv"), "--format", "json"]
    for extra, code in (([*units], 1), ([*units, "--select", "U2"], 0)):   # errors; a warning only
        one, sharded = _run(root, "0", *extra, folder="reports/d0"), _run(root, "1", *extra, folder="reports/d0")
        assert sharded.returncode == one.returncode == code, extra
        assert sharded.stdout == one.stdout
        assert _worker_counts(sharded.stderr)[0] == 21     # d0's 20 reports and its copy, all in the workers
    auto = _run(root, None, *units)            # 62 files: far below SHARD_FROM, one process
    assert "工作进程" not in auto.stderr.decode()
    assert auto.stdout == _run(root, "0", *units).stdout


def _cli_after(prelude: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, after `prelude` has changed something in `checker.shard`."""
    script = f"import os, sys\nfrom checker import shard\n{prelude}\nsys.argv[0] = 'xxgk'\n" \
             "from checker.entry import main\nmain()\n"
    return subprocess.run([sys.executable, "-c", script, "check", *args], capture_output=True, env=env)


def test_each_worker_checks_in_chunks_of_whole_groups_and_says_how_far_it_is(tmp_path):
    """One group a chunk (CHECK_CHUNK = 1): still exactly one process's output; the progress
    of the checking is on stderr, in Chinese, up to every report the workers checked."""
    root = _districts(tmp_path, flat=False)
    args = [str(root / "reports"), "--units", str(root / "units.csv"), "--format", "json"]
    env = {**os.environ, "XXGK_SHARD": "1", "XXGK_SHARD_LOG": "1"}
    got = _cli_after("shard.CHECK_CHUNK = 1\n" + _HALVES, *args, env=env)
    one = subprocess.run([XXGK, "check", *args], capture_output=True, env={**env, "XXGK_SHARD": "0"})
    assert got.stdout == one.stdout and got.returncode == one.returncode == 2
    err = got.stderr.decode()
    assert _worker_counts(got.stderr) == (61, 10)
    counts = [int(n) for n in re.findall(r"^核对报告：(\d+)/61$", err, re.M)]
    assert counts[-1] == 61 and len(counts) >= 2 and counts == sorted(counts)


def test_batches_end_at_a_change_of_folder_when_one_is_near():
    from checker.shard import batch_bounds
    files = [Path(f"d{k // 10}/{k}.txt") for k in range(35)]        # folders of 10 files
    assert batch_bounds(files, 6) == [0, 10, 20, 30, 35]             # each batch's end moved to the folder's
    # no change of folder within 3 files of a batch's end: cut there (the last ends with the files)
    assert batch_bounds(files, 3) == [0, 3, 6, 10, 13, 16, 20, 23, 26, 30, 35]
    assert batch_bounds(files, 100) == [0, 35] and batch_bounds([], 4) == [0]


def test_two_workers_take_batches_from_either_end_until_they_meet():
    """However fast each worker reads, every batch is read once, each worker's batches are one
    run from its own end, and each has read its own end first."""
    import multiprocessing

    from checker.shard import _left, _own, _take, pairs
    assert pairs([0, 5, 10, 15, 20], 2) == [(0, 4)] and pairs([0, 5, 10, 15, 20], 4) == [(0, 2), (2, 4)]
    assert pairs([0, 5, 10, 15, 20], 3) == [(0, 2), (2, 4)]          # the third worker alone on the second
    for n, pace in ((10, (1, 1)), (10, (1, 3)), (10, (5, 1)), (1, (1, 1)), (2, (3, 1)), (0, (1, 1))):
        left = multiprocessing.Array("i", _left((0, n), True))
        got: list[list[int]] = [[], []]
        nxt = [_own((0, n), 0), _own((0, n), 1)]
        while any(b is not None for b in nxt):
            for side in (0, 1):
                for _ in range(pace[side]):        # one worker takes `pace` batches while the other takes its own
                    if nxt[side] is not None:
                        got[side].append(nxt[side])
                        nxt[side] = _take(left, 0, side)
        assert sorted(got[0] + got[1]) == list(range(n)), (n, pace)
        assert got[0] == list(range(len(got[0]))), (n, pace)
        assert got[1] == list(range(n - 1, n - 1 - len(got[1]), -1)), (n, pace)
        assert (len(got[1]) >= 1) == (n >= 2)


def test_chunks_hold_whole_groups_in_order():
    from checker.shard import chunk_size, chunked
    #        reports: 0  1  2  3  4  5  6  7
    assert chunked([5, 5, 7, 9, 7, 9, 3, 3], 3) == [[0, 1, 2, 4], [3, 5, 6, 7]]
    assert chunked([5, 5, 7, 7, 3, 3], 3) == [[0, 1, 2, 3], [4, 5]]
    assert chunked([1, 2, 3], 100) == [[0, 1, 2]]
    assert chunked([], 1) == []
    # a few thousand reports: chunks small enough that each worker has eight to share
    assert chunk_size(100_000, 2) == 2000 and chunk_size(3000, 2) == 187 and chunk_size(5, 2) == 1


def test_each_group_is_checked_by_the_worker_that_read_most_of_it_and_ties_even_the_load():
    from checker.shard import owners
    #      group: 0  0  0  3  3  5  5  7  7  7  7
    group = [0, 0, 0, 3, 3, 5, 5, 7, 7, 7, 7]
    owner = [0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1]
    # 0: two of three read by worker 0; 3: both by worker 1; 5 and 7 read half by each: the
    # larger (7) first, to worker 1 (2 reports to check against 3), then 5 to worker 0 (3 against 6)
    assert owners(group, owner, 2) == {0: 0, 3: 1, 7: 1, 5: 0}
    # a flat folder's pairs of years, each read one by each worker: shared out evenly
    pairs = [g for g in range(100) for _ in (0, 1)]
    got = owners(pairs, [0, 1] * 100, 2)
    assert sorted(got.values()).count(0) == 50
    assert owners([0, 0, 2], [2, 1, 0], 3) == {0: 1, 2: 0}


# a worker made to die while reading (killed by the system, e.g. out of memory) or to fail with an
# exception while checking
_DYING = """real = shard._worker
def worker(conn, files, bounds, left, segment, seg, side, *rest):
    if side == 0:
        {how}
    return real(conn, files, bounds, left, segment, seg, side, *rest)
shard._worker = worker
"""


@pytest.mark.parametrize("how", ["os._exit(9)", "shard.check_part = None"], ids=["killed", "error"])
def test_a_failed_worker_falls_back_to_one_process_with_a_chinese_message(tmp_path, how):
    root = _districts(tmp_path, flat=False)
    args = [str(root / "reports"), "--units", str(root / "units.csv"), "--format", "json"]
    env = {**os.environ, "XXGK_SHARD": "1"}
    env.pop("XXGK_SHARD_LOG", None)
    got = _cli_after(_DYING.replace("{how}", how), *args, env=env)
    one = subprocess.run([XXGK, "check", *args], capture_output=True, env={**env, "XXGK_SHARD": "0"})
    assert got.stdout == one.stdout and got.returncode == one.returncode == 2
    err = got.stderr.decode()
    assert "并行核对未能完成" in err and "改为在一个进程中重新读取和核对" in err
    assert ("意外退出" if "exit" in how else "TypeError") in err
    assert "Traceback" not in err


# the second worker made slow at checking (half a second a chunk): the first, done with its own
# chunks, takes the second's over from their end
_SLOW_SECOND = """real = shard._worker
def worker(conn, files, bounds, left, segment, seg, side, *rest):
    if side == 1:
        import time
        check = shard.check_part
        def slow(*args):
            time.sleep(0.5)
            return check(*args)
        shard.check_part = slow
    return real(conn, files, bounds, left, segment, seg, side, *rest)
shard._worker = worker
shard.CHECK_CHUNK = 1
"""


def test_a_worker_done_first_takes_over_its_partners_chunks_and_the_output_is_one_processes(tmp_path):
    """Several folders, a folder of one report, an empty folder, a text that is no report and a
    document we do not read: however the chunks are shared out while checking, the output is
    exactly one process's (json and csv), and the worker that is done first did check chunks that
    its partner had read."""
    root = _districts(tmp_path, flat=False)
    solo = district(1, years=(2023,), seed=77, name="北京市东城区")
    first = write_texts(solo, tmp_path / "solo")[0]
    (root / "reports" / "solo").mkdir()
    first.rename(root / "reports" / "solo" / first.name)
    (root / "reports" / "empty").mkdir()
    (root / "reports" / "notes").mkdir()
    (root / "reports" / "notes" / "说明.txt").write_text("本文件夹存放各单位报送的年度报告。\n", encoding="utf-8")
    (root / "reports" / "notes" / "旧报告.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    units = ["--units", str(root / "units.csv")]
    env = {**os.environ, "XXGK_SHARD": "1", "XXGK_SHARD_LOG": "1"}
    for extra in ([*units, "--format", "json"], [*units, "--format", "csv"]):
        one = _run(root, "0", *extra)
        got = _cli_after(_SLOW_SECOND + _HALVES, str(root / "reports"), *extra, env=env)
        assert got.returncode == one.returncode == 2, got.stderr.decode()[-2000:]
        assert got.stdout == one.stdout, extra
        lines = [ln for ln in got.stderr.decode().splitlines() if ln.startswith("工作进程")]
        taken = [int(re.search(r"接过 (\d+) 份", ln).group(1)) for ln in lines]
        given = [int(re.search(r"交给它 (\d+) 份", ln).group(1)) for ln in lines]
        assert sum(taken) == sum(given) > 0, lines
        assert _worker_counts(got.stderr)[0] == 63       # 61 files, the solo report, the text that is no report
    doc = json.loads(_run(root, "1", *units, "--format", "json").stdout)
    assert any(r["source"].endswith(first.name) for r in doc["reports"])
    assert any(f["rule"] == "F5" and f["source"].endswith("旧报告.doc") for f in doc["findings"])


def test_chunks_are_checked_once_whoever_takes_them():
    """Each worker takes its own chunks from the start and, once done, its partner's from the end:
    every chunk is checked once, and a worker hands over exactly the chunks taken from it, in the
    order taken, before it checks another (the partner waits for them); a worker's only chunk
    left is not taken while that worker has not started checking (handing it over would only cost)."""
    import multiprocessing

    from checker.shard import _own_chunk, _steal, _taken_from
    # (chunks of each, chunks each checks while the other checks one, chunks each hands over)
    for sizes, pace, expected in (((5, 5), (1, 1), ([], [])), ((5, 5), (1, 4), ([4, 3], [])),
                                  ((8, 1), (1, 1), ([7, 6, 5], [])), ((0, 6), (2, 1), ([], [5, 4, 3])),
                                  ((1, 0), (1, 1), ([], [])), ((0, 0), (1, 1), ([], [])), ((7, 3), (3, 1), ([], [2])),
                                  # a last chunk not yet started stays with its worker; once started, the next goes
                                  ((0, 1), (1, 1), ([], [])), ((2, 0), (1, 1), ([1], []))):
        state = multiprocessing.Array("i", [0, sizes[0], sizes[0], 0, 0, sizes[1], sizes[1], 0])
        checked: list[list[tuple[int, int]]] = [[], []]
        handed: list[list[int]] = [[], []]
        waiting: list[int | None] = [None, None]     # a chunk taken over, its reports not yet handed
        done = [False, False]
        while not all(done):
            for w in (0, 1):
                for _ in range(pace[w]):
                    if done[w] or waiting[w] is not None:
                        continue
                    k = _own_chunk(state, w)
                    for j in _taken_from(state, w):
                        handed[w].append(j)
                        assert waiting[1 - w] == j
                        checked[1 - w].append((w, j))
                        waiting[1 - w] = None
                    if k is not None:
                        checked[w].append((w, k))
                        continue
                    j = _steal(state, 1 - w)
                    if j is None:
                        done[w] = True
                    else:
                        waiting[w] = j
        every = sorted(checked[0] + checked[1])
        assert every == [(w, k) for w in (0, 1) for k in range(sizes[w])], (sizes, pace)
        assert tuple(handed) == expected, (sizes, pace)
        for w in (0, 1):
            assert [k for o, k in checked[w] if o == w] == list(range(sizes[w] - len(handed[w])))


def test_three_workers_bring_a_flat_folders_groups_together_over_every_pair(tmp_path):
    """Three workers (a machine with more cores; here forced on two): the third reads a segment
    alone, so a district cut between it and the pair is brought together over the pipe between
    those two, not the pair's own; still exactly one process's output, every report checked in a
    worker and counted."""
    root = _districts(tmp_path, flat=True)
    args = [str(root / "reports"), "--units", str(root / "units.csv"), "--format", "json"]
    env = {**os.environ, "XXGK_SHARD": "1", "XXGK_SHARD_LOG": "1"}
    got = _cli_after("os.cpu_count = lambda: 3\nshard.SHARD_FROM = 4\nshard._BATCH = 8", *args, env=env)
    one = subprocess.run([XXGK, "check", *args], capture_output=True, env={**env, "XXGK_SHARD": "0"})
    assert got.stdout == one.stdout and got.returncode == one.returncode == 2, got.stderr.decode()[-2000:]
    lines = [ln for ln in got.stderr.decode().splitlines() if ln.startswith("工作进程")]
    assert len(lines) == 3
    checked = [int(re.search(r"核对 (\d+) 份", ln).group(1)) for ln in lines]
    gave = [int(re.search(r"读到而由其他工作进程核对的 (\d+) 份", ln).group(1)) for ln in lines]
    took = [int(re.search(r"由其他工作进程读到而在此核对的 (\d+) 份", ln).group(1)) for ln in lines]
    assert sum(checked) == 61 and sum(gave) == sum(took) > 0, lines
    assert "核对报告：61/61" in got.stderr.decode().splitlines()


def test_ctrl_c_while_the_workers_check_says_it_once_and_no_worker_prints_its_traceback(tmp_path):
    """Ctrl+C at a terminal reaches the whole process group, the workers too: the main process says
    the run did not finish and exits 130; a worker printed its own KeyboardInterrupt traceback
    (`Process ForkProcess-1: Traceback …`) among the messages. Checking made slow (half a second a
    group) so that the signal comes while the workers check."""
    import signal
    root = _districts(tmp_path, flat=True)
    prelude = _SLOW_SECOND.replace("if side == 1:", "if True:")
    script = f"import os, sys\nfrom checker import shard\n{prelude}\nsys.argv[0] = 'xxgk'\n" \
             "from checker.entry import main\nmain()\n"
    p = subprocess.Popen([sys.executable, "-c", script, "check", str(root / "reports"), "--format", "json"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                         env={**os.environ, "XXGK_SHARD": "1", "PYTHONIOENCODING": "utf-8"},
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # as a terminal has it
    seen = []
    while not seen or "正在核对" not in seen[-1]:
        seen.append(p.stderr.readline().decode("utf-8"))
        assert seen[-1], seen
    os.killpg(p.pid, signal.SIGINT)
    rest = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=60) == 130, rest
    assert rest.count("已中断（Ctrl+C），没有做完") == 1, rest
    assert "Traceback" not in rest and "ForkProcess" not in rest and "KeyboardInterrupt" not in rest, rest
