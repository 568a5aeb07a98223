"""How fast the prose analysis runs: the five seeds' texts, cycled, analysed N times over P
processes. Prints wall time and CPU time per report (CPU time is steadier on a busy machine).

    .venv/bin/python tests/prose/speed.py [N=100000] [P=2]
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker.model import Report  # noqa: E402
from checker.prose import analyse  # noqa: E402

TEXTS = [p.read_text(encoding="utf-8").splitlines() for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))]


def work(span: tuple[int, int]) -> tuple[float, int]:
    cpu = time.process_time()
    facts = 0
    for i in range(*span):
        r = Report(source="speed.txt")
        analyse(TEXTS[i % len(TEXTS)], r)
        facts += len(r.prose)
    return time.process_time() - cpu, facts


def main(n: int, procs: int) -> None:
    work((0, 10))     # load the divisions table and compile the patterns before forking
    chunk = max(1, n // (procs * 8))
    spans = [(i, min(n, i + chunk)) for i in range(0, n, chunk)]
    wall = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        results = pool.map(work, spans)
    wall = time.perf_counter() - wall
    cpu = sum(c for c, _ in results)
    facts = sum(f for _, f in results)
    chars = sum(sum(map(len, TEXTS[i % len(TEXTS)])) for i in range(len(TEXTS)))
    print(f"{n} 份报告（平均 {chars // len(TEXTS)} 字），{procs} 个进程：用时 {wall:.1f} 秒，"
          f"每份 CPU {cpu / n * 1000:.2f} 毫秒，共 {facts} 条正文数字；"
          f"按 CPU 时间折算 100,000 份约 {cpu / n * 100_000 / procs:.0f} 秒")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 2)
