"""Decompression bombs built in a second or two (never stored): a part of N copies of a piece is
deflated once with a full flush, after which each further copy deflates to the same bytes, so the
zip is written from those bytes repeated. The zip directory states the true sizes unless `lie`."""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path


class Repeat:
    """A part: head + piece × times + tail."""
    def __init__(self, head: bytes, piece: bytes, times: int, tail: bytes):
        self.head, self.piece, self.times, self.tail = head, piece, times, tail

    @property
    def size(self) -> int:
        return len(self.head) + len(self.piece) * self.times + len(self.tail)


def _deflate(part) -> tuple[bytes, int, int]:
    """(deflated bytes, crc32, size) of bytes or a Repeat."""
    if isinstance(part, bytes):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(part) + c.flush(), zlib.crc32(part), len(part)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(part.head) + c.flush(zlib.Z_FULL_FLUSH)
    one = c.compress(part.piece) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(part.tail) + c.flush()
    crc = zlib.crc32(part.head)
    for _ in range(part.times):
        crc = zlib.crc32(part.piece, crc)
    crc = zlib.crc32(part.tail, crc)
    return head + one * part.times + tail, crc, part.size


def write_zip(path: Path, parts: dict, lie: bool = False) -> Path:
    """A zip of `parts` (name -> bytes or Repeat), deflated. `lie`: the headers claim 1 kB parts."""
    central, offset = [], 0
    with open(path, "wb") as f:
        for name, part in parts.items():
            data, crc, size = _deflate(part)
            claimed = min(size, 1024) if lie else size
            n = name.encode()
            header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), claimed, len(n), 0)
            f.write(header + n + data)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data),
                                       claimed, len(n), 0, 0, 0, 0, 0, offset) + n)
            offset += len(header) + len(n) + len(data)
        cd = b"".join(central)
        f.write(cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(cd), offset, 0))
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    """The parts of a real (small) package, to build a bomb from."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}
