# Draws the Workwell mark (a yellow W on the brand green) as PNG icons, with no image library.
import math, struct, sys, zlib

GREEN = (0x0F, 0x5C, 0x4D)
YELLOW = (0xFF, 0xD1, 0x66)

def png(path, size, maskable):
    # The favicon's geometry on a 48-unit grid: rounded square, then the W as a thick polyline.
    scale = size / 48.0
    pts = [(10, 16), (16, 34), (24, 20), (32, 34), (38, 16)]
    if maskable:
        # Full-bleed background; the mark shrunk into the 80 % safe zone.
        pts = [(24 + (x - 24) * 0.72, 24 + (y - 25) * 0.72) for x, y in pts]
    segs = [(pts[i], pts[i + 1]) for i in range(len(pts) - 1)]
    half = (2.0 if not maskable else 1.5)
    radius = 12
    rows = []
    for py in range(size):
        row = bytearray([0])
        y = (py + 0.5) / scale
        for px in range(size):
            x = (px + 0.5) / scale
            inside = True
            if not maskable:
                cx = min(max(x, radius), 48 - radius)
                cy = min(max(y, radius), 48 - radius)
                inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
            if not inside:
                row += bytes((0, 0, 0, 0))
                continue
            d = min(dist(x, y, a, b) for a, b in segs)
            # Anti-aliased edge over about one pixel.
            t = max(0.0, min(1.0, (half - d) * scale + 0.5))
            c = tuple(round(g + (yv - g) * t) for g, yv in zip(GREEN, YELLOW))
            row += bytes((*c, 255))
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    out += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(out)

def dist(x, y, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))

out = sys.argv[1]
png(f"{out}/icon-192.png", 192, False)
png(f"{out}/icon-512.png", 512, False)
png(f"{out}/maskable-512.png", 512, True)
png(f"{out}/apple-touch-icon.png", 180, True)
