"""A minimal writer of Compound File Binary files (MS-CFB, version 3, 512-byte sectors), enough
to write a vbaProject.bin: one root, storages and streams; small streams in the mini stream."""
from __future__ import annotations

import struct

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
EMPTY, STORAGE, STREAM, ROOT = 0, 1, 2, 5
RED, BLACK = 0, 1


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NOSTREAM
        self.color, self.start, self.size, self.id = BLACK, END, 0, 0


def write(streams: dict[str, bytes]) -> bytes:
    """`streams`: "VBA/dir" -> bytes. Storages are made from the paths."""
    root = _Entry("Root Entry", ROOT)
    for path, data in sorted(streams.items()):
        node = root
        *folders, leaf = path.split("/")
        for name in folders:
            found = next((c for c in node.children if c.name == name and c.kind == STORAGE), None)
            if found is None:
                found = _Entry(name, STORAGE)
                node.children.append(found)
            node = found
        node.children.append(_Entry(leaf, STREAM, data))
    entries = _number(root)

    sectors: list[bytes] = []
    fat: list[int] = []

    def chain(data: bytes, unit: int = SECTOR) -> int:
        n = max(1, -(-len(data) // unit))
        first = len(sectors)
        for k in range(n):
            sectors.append(data[k * unit:(k + 1) * unit].ljust(unit, b"\0"))
            fat.append(first + k + 1 if k < n - 1 else END)
        return first

    # small streams go into the mini stream, chained by the mini FAT
    mini = bytearray()
    minifat: list[int] = []
    for e in entries:
        if e.kind != STREAM:
            continue
        e.size = len(e.data)
        if e.size == 0:
            e.start = END
        elif e.size < CUTOFF:
            n = -(-e.size // MINI)
            e.start = len(minifat)
            for k in range(n):
                minifat.append(e.start + k + 1 if k < n - 1 else END)
            mini += e.data.ljust(n * MINI, b"\0")
        else:
            e.start = chain(e.data)
    if mini:
        root.start, root.size = chain(bytes(mini)), len(mini)
    first_minifat, n_minifat = END, 0
    if minifat:
        raw = b"".join(struct.pack("<I", x) for x in minifat)
        raw += struct.pack("<I", FREE) * ((-len(minifat)) % (SECTOR // 4))
        n_minifat = len(raw) // SECTOR
        first_minifat = chain(raw)
    dir_raw = b"".join(_dir_entry(e) for e in entries)
    dir_raw += _empty_entry() * ((-len(entries)) % (SECTOR // 128))
    first_dir = chain(dir_raw)

    # FAT sectors go last; they map themselves too
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    if n_fat > 109:
        raise ValueError("file too large for a header-only DIFAT")
    fat_ids = list(range(len(sectors), len(sectors) + n_fat))
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * (SECTOR // 4) - len(fat))
    fat_raw = b"".join(struct.pack("<I", x) for x in fat)
    sectors += [fat_raw[k * SECTOR:(k + 1) * SECTOR] for k in range(n_fat)]

    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, CUTOFF, first_minifat, n_minifat, END, 0)
    difat = fat_ids + [FREE] * (109 - len(fat_ids))
    header += b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _key(e: _Entry) -> tuple:
    """MS-CFB 2.6.4: shorter names first, then by upper-cased UTF-16 code units."""
    return (len(e.name), e.name.upper())


def _number(root: _Entry) -> list[_Entry]:
    entries = [root]

    def visit(node: _Entry) -> None:
        kids = sorted(node.children, key=_key)
        for k in kids:
            k.id = len(entries)
            entries.append(k)
        if kids:
            node.child = _tree(kids, 0, len(kids), 0, _depth(len(kids)))
        for k in kids:
            visit(k)
    visit(root)
    return entries


def _depth(n: int) -> int:
    d = 0
    while (1 << (d + 1)) - 1 < n:
        d += 1
    return d     # the levels 0..d-1 are full; level d (if any) holds the rest


def _tree(kids: list[_Entry], lo: int, hi: int, level: int, full: int) -> int:
    """A balanced search tree; nodes below the last full level are red, so black heights agree."""
    if lo >= hi:
        return NOSTREAM
    mid = (lo + hi) // 2
    node = kids[mid]
    node.color = RED if level >= full and (1 << full) - 1 < len(kids) else BLACK
    node.left = _tree(kids, lo, mid, level + 1, full)
    node.right = _tree(kids, mid + 1, hi, level + 1, full)
    return node.id


def _dir_entry(e: _Entry) -> bytes:
    name = e.name.encode("utf-16-le") + b"\0\0"
    if len(name) > 64:
        raise ValueError(f"name too long for a compound file: {e.name}")
    return (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), e.kind, e.color)
            + struct.pack("<III", e.left, e.right, e.child) + b"\0" * 16 + struct.pack("<I", 0)
            + b"\0" * 16 + struct.pack("<IQ", e.start if e.kind != STORAGE else 0, e.size))


def _empty_entry() -> bytes:
    return b"\0" * 64 + struct.pack("<HBB", 0, EMPTY, RED) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) \
        + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", 0, 0)
