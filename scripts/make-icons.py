#!/usr/bin/env python3
"""Draws the app's icons (a speech bubble with lines of writing) as PNG files, using only the
standard library, so anyone can rebuild them exactly: python3 scripts/make-icons.py

Writes assets/static/icons/icon-192.png, icon-512.png and icon-maskable-512.png (the maskable
one keeps the drawing inside the central safe zone, so phones can crop it to any shape).
"""
import struct
import zlib
from pathlib import Path

BRAND = (11, 60, 93)      # #0b3c5d, the header colour
PAPER = (255, 255, 255)
INK = (11, 110, 79)       # #0b6e4f, the button colour
OUT = Path(__file__).resolve().parent.parent / "assets" / "static" / "icons"


def rounded_rect(x, y, left, top, right, bottom, radius):
    """True when (x, y) is inside the rectangle with rounded corners."""
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 and left <= x <= right and top <= y <= bottom


def triangle(x, y, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = side((x, y), a, b), side((x, y), b, c), side((x, y), c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def colour_at(u, v, maskable):
    """The colour at (u, v), each from 0 to 1 across the icon."""
    if maskable:
        background = True
        s, o = 0.62, 0.19  # draw inside the central 62% (the safe zone is 80%)
    else:
        background = rounded_rect(u, v, 0.0, 0.0, 1.0, 1.0, 0.2)
        s, o = 0.8, 0.1
    if not background:
        return None
    x, y = (u - o) / s, (v - o) / s
    bubble = rounded_rect(x, y, 0.08, 0.1, 0.92, 0.72, 0.14)
    tail = triangle(x, y, (0.22, 0.68), (0.44, 0.68), (0.16, 0.92))
    if bubble or tail:
        for top in (0.24, 0.38, 0.52):
            width = 0.64 if top < 0.5 else 0.44
            if rounded_rect(x, y, 0.2, top, 0.2 + width, top + 0.07, 0.035):
                return INK
        return PAPER
    return BRAND


def draw(size, maskable):
    samples = 4  # 4x4 supersampling for smooth edges
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter type: none
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    c = colour_at((i + (si + 0.5) / samples) / size, (j + (sj + 0.5) / samples) / size, maskable)
                    if c is not None:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes(4)
            else:
                row += bytes([round(acc[k] / (acc[3] / 255)) for k in range(3)] + [round(alpha)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
        (OUT / name).write_bytes(draw(size, maskable))
        print(f"wrote {OUT / name}")
