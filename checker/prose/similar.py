"""How much of one text another repeats: the share of a section's 8-character pieces (shingles)
that occur in the other section, after spaces and punctuation are dropped and every digit reads 0
(a copied paragraph with this year's figures put in is still a copy).

Comparing every section with every other is quadratic; each section gets a small sketch (its
`ANCHORS` smallest shingle hashes) and only sections sharing several anchors are compared exactly.
Shingles are hashed with numpy in one pass per section.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

SHINGLE = 8
ANCHORS = 16
MIN_SHARED_ANCHORS = 4
# an anchor that many sections share is boilerplate (the template's own sentences): no evidence
COMMON_ANCHOR = 200
_DROP = re.compile(r"[\s\W_]+")
_DIGIT = re.compile(r"\d")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def normalise(text: str) -> str:
    return _DIGIT.sub("0", _DROP.sub("", text))


def shingles(text: str) -> np.ndarray:
    """Sorted unique 64-bit hashes of the normalised text's 8-character pieces."""
    return hashed(normalise(text))


def hashed(s: str) -> np.ndarray:
    """`shingles` of a text already normalised (T1 normalises each section once, not twice)."""
    if len(s) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            h = h * np.uint64(1_000_003) + codes[j:j + n]
        # mix the bits (splitmix64's finaliser): the smallest hashes are then a fair sample
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return np.unique(h & _MASK)


def share(a: np.ndarray, b: np.ndarray) -> float:
    """Share of `a`'s shingles that `b` holds too (0 for an empty `a`)."""
    if not a.size:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / a.size


def candidates(sketches: dict) -> dict:
    """key -> the other keys whose sketches share at least MIN_SHARED_ANCHORS anchors with it.
    `sketches`: key -> array of anchors (the ANCHORS smallest shingle hashes)."""
    holders: dict[int, list] = defaultdict(list)
    for key, anchors in sketches.items():
        for a in anchors.tolist():
            holders[a].append(key)
    out: dict = {}
    for key, anchors in sketches.items():
        tally: Counter = Counter()
        for a in anchors.tolist():
            keys = holders[a]
            if len(keys) <= COMMON_ANCHOR:
                tally.update(keys)
        out[key] = [k for k, n in tally.items() if k != key and n >= MIN_SHARED_ANCHORS]
    return out
