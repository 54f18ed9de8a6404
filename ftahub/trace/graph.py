"""The trace graph laid out for an SVG: the lot in the middle, what fed it to the left (back), where it went to the
right (forward), one column per step."""

from collections import defaultdict

COLUMN, ROW, WIDTH, HEIGHT = 210, 64, 180, 44


def label(key: str) -> tuple[str, str]:
    parts = key.split("/")
    if parts[0] == "01" and len(parts) >= 4:
        return f"GTIN {parts[1]}", f"{'lot' if parts[2] == '10' else 'serial'} {parts[3]}"
    if parts[0] == "01":
        return f"GTIN {parts[1]}", "class"
    if parts[0] == "00":
        return "SSCC", parts[1]
    if parts[0] == "414":
        return "GLN", parts[1]
    return key[:28], key[28:56]


def layout(back, forward) -> dict:
    depth = {k: -d for k, d in back.nodes.items()}
    for k, d in forward.nodes.items():
        depth.setdefault(k, d)
    columns = defaultdict(list)
    for k, d in sorted(depth.items(), key=lambda kv: (kv[1], kv[0])):
        columns[d].append(k)
    low = min(columns) if columns else 0
    position = {}
    nodes = []
    for d, keys in columns.items():
        for row, k in enumerate(keys):
            x, y = (d - low) * COLUMN + 10, row * ROW + 10
            position[k] = (x, y)
            title, sub = label(k)
            nodes.append({"key": k, "x": x, "y": y, "title": title, "sub": sub, "root": d == 0 and k == back.start,
                          "tx": x + 8, "ty1": y + 18, "ty2": y + 34})
    edges = []
    for a, b, _e in [*((b, a, e) for a, b, e in back.edges), *forward.edges]:  # always drawn left to right
        if a in position and b in position:
            (x1, y1), (x2, y2) = position[a], position[b]
            edges.append({"x1": x1 + WIDTH, "y1": y1 + HEIGHT // 2, "x2": x2, "y2": y2 + HEIGHT // 2})
    width = (max(columns) - low + 1) * COLUMN + 20 if columns else 200
    height = max((len(v) for v in columns.values()), default=1) * ROW + 20
    return {"nodes": nodes, "edges": edges, "width": width, "height": height, "w": WIDTH, "h": HEIGHT,
            "truncated": back.truncated or forward.truncated}
