"""MS-OVBA pieces the build needs: the VBA compression (2.4.1) and editing the `dir` stream's
module records (2.3.4.2), so a module's source can be replaced without Excel."""
from __future__ import annotations

import struct

CHUNK = 4096


def compress(data: bytes) -> bytes:
    """A CompressedContainer (MS-OVBA 2.4.1.3.6): signature byte, then one chunk per 4096 bytes."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        out += _chunk(data[start:start + CHUNK])
    return bytes(out)


def _chunk(chunk: bytes) -> bytes:
    body = bytearray()
    pos = 0
    while pos < len(chunk):
        flag_at = len(body)
        body.append(0)
        flags = 0
        for bit in range(8):
            if pos >= len(chunk):
                break
            offset, length = _match(chunk, pos)
            if length >= 3:
                bit_count = _bit_count(pos)
                token = ((offset - 1) << (16 - bit_count)) | (length - 3)
                body += struct.pack("<H", token)
                flags |= 1 << bit
                pos += length
            else:
                body.append(chunk[pos])
                pos += 1
        body[flag_at] = flags
    if len(body) > CHUNK and len(chunk) == CHUNK:   # incompressible: store raw (flag bit 0)
        return struct.pack("<H", 0x3000 | (CHUNK - 1)) + chunk
    if len(body) > CHUNK:
        raise ValueError("a final chunk this incompressible cannot be stored (MS-OVBA 2.4.1.3.7)")
    header = 0xB000 | (len(body) + 2 - 3)          # signature 0b011, flag 1, size - 3
    return struct.pack("<H", header) + bytes(body)


def _bit_count(pos: int) -> int:
    bits = 4
    while (1 << bits) < pos:
        bits += 1
    return min(bits, 12)


def _match(chunk: bytes, pos: int) -> tuple[int, int]:
    """Longest earlier match within this chunk (MS-OVBA 2.4.1.3.19.4), naive but exact."""
    if pos == 0:
        return 0, 0
    bit_count = _bit_count(pos)
    max_len = (0xFFFF >> bit_count) + 3
    best_len, best_off = 0, 0
    limit = min(max_len, len(chunk) - pos)
    first = chunk[pos]
    for cand in range(pos - 1, -1, -1):
        if chunk[cand] != first:
            continue
        n = 1
        while n < limit and chunk[cand + n] == chunk[pos + n]:
            n += 1
        if n > best_len:
            best_len, best_off = n, pos - cand
            if n == limit:
                break
    return best_off, best_len


# --- the dir stream ---------------------------------------------------------------------------
MODULE_NAME, MODULE_NAME_UNICODE, MODULE_STREAM_NAME, MODULE_STREAM_NAME_UNICODE = 0x19, 0x47, 0x1A, 0x32
MODULE_OFFSET, PROJECT_VERSION = 0x31, 0x09


def records(dir_data: bytes) -> list[tuple[int, bytes]]:
    """The decompressed dir stream as (id, payload) records, in order."""
    out, i = [], 0
    while i < len(dir_data):
        rid, size = struct.unpack_from("<HI", dir_data, i)
        if rid == PROJECT_VERSION:       # Reserved(4) = 4, then MajorVersion(4) and MinorVersion(2)
            out.append((rid, dir_data[i + 2:i + 12]))
            i += 12
            continue
        out.append((rid, dir_data[i + 6:i + 6 + size]))
        i += 6 + size
    return out


def pack(recs: list[tuple[int, bytes]]) -> bytes:
    out = bytearray()
    for rid, payload in recs:
        if rid == PROJECT_VERSION:
            out += struct.pack("<H", rid) + payload
        else:
            out += struct.pack("<HI", rid, len(payload)) + payload
    return bytes(out)


def rename_module(recs: list[tuple[int, bytes]], old: str, new: str, codepage: str) -> list[tuple[int, bytes]]:
    """Rename module `old` to `new` and mark its stream as source only (offset 0: no p-code)."""
    out, inside = [], False
    for rid, payload in recs:
        if rid == MODULE_NAME:
            inside = payload.decode(codepage) == old
        if inside:
            if rid in (MODULE_NAME, MODULE_STREAM_NAME):
                payload = new.encode(codepage)
            elif rid in (MODULE_NAME_UNICODE, MODULE_STREAM_NAME_UNICODE):
                payload = new.encode("utf-16-le")
            elif rid == MODULE_OFFSET:
                payload = struct.pack("<I", 0)
        out.append((rid, payload))
    return out
