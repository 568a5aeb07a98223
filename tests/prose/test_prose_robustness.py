"""The prose analysis never crashes on messy input and stays linear on long texts."""
from __future__ import annotations

import random
import time

from checker.model import Report
from checker.prose import analyse

ALPHABET = ("0123456789０１２年月日件条个项%％，。、；：（）()其中占比共收到申请予以公开区县市旗 \t|\n"
            "哈尔滨道里北仑一二三四五六十统计期限至")


def test_random_text_never_crashes():
    rng = random.Random(20240601)
    for k in range(500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 400)))
        report = Report(source=f"fuzz{k}.txt")
        analyse(text.split("\n"), report)
        assert all(f.line >= 0 for f in report.prose)


def test_long_text_is_linear(seeds):
    texts = [p.read_text(encoding="utf-8") for p in seeds.values()]
    small, big = "\n".join(texts), "\n".join(texts * 40)
    timings = []
    for text in (small, big, big.replace("\n", " ")):
        report = Report(source="long.txt")
        t = time.process_time()
        analyse(text.splitlines(), report)
        timings.append(time.process_time() - t)
    # 40 times the text may take 40 times as long, not 1,600 times (generous for a busy machine)
    assert timings[1] < 200 * max(timings[0], 1e-3)
    assert timings[2] < 200 * max(timings[0], 1e-3)
