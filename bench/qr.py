"""Benchmark the C/O QR code as printed: density and decode rate of the bare payload (``FTAHUB1:…``) and of the verify
link that now holds it (``https://…/verify/#FTAHUB1:…``, address in byte mode, payload in alphanumeric mode).

For certificates of 1, 3 and 8 items: QR version, modules per side, module size at the PDF's print size (48 mm), and
the share of simulated phone captures OpenCV decodes (either of its two detectors, as a scanner app retries): the code rendered at 300 dpi, then seen by a camera at a
smaller size (the code spanning 640, 480 and 360 pixels), slightly turned (±4°), blurred and noisy, 20 captures each.
No database needed. Run: .venv/bin/python bench/qr.py
"""

import random

import cv2
import numpy as np
import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ftahub.certificates import payload as p

PRINT_MM, DPI, CAPTURES = 48, 300, 20
SPANS = (640, 480, 360)


def record(items: int) -> dict:  # demo data of the size of a real C/O record
    return {"co_number": "BENCH-VN-JP-26-24-00077", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-11-03",
            "signed_on": "2026-11-23", "issuer": "Bắc Ninh C/O desk (bench)",
            "exporter": {"name": "Công ty TNHH Chế biến Gỗ Bench (demo)", "tax_code": "9900000016",
                         "address": "KCN Quế Võ, Bắc Ninh"},
            "importer": {"name": "Bench Importer KK", "country": "JP", "address": "1-2-3 Umeda, Osaka"},
            "transport": {"means": "sea", "departure": "2026-11-02", "loading": "Hải Phòng", "discharge": "Osaka"},
            "destination": "JP", "invoice": {"number": "INV-2026-0077", "date": "2026-10-30"},
            "items": [{"hs": "9403.60", "description": f"Wooden dining tables, model {k}", "quantity": "10",
                       "unit": "pcs", "fob": "1000.00", "criterion": "CTC"} for k in range(items)],
            "province": 24}


def capture(qr, span: int, rng: random.Random) -> np.ndarray:
    """The printed code (300 dpi) as a phone camera sees it: smaller, turned, blurred, noisy, on white paper."""
    printed_px = round(PRINT_MM / 25.4 * DPI)
    modules = np.pad(np.array(qr.matrix, dtype=np.uint8), 4)  # 1 = dark, with the quiet zone
    scale = max(1, printed_px // modules.shape[0])
    image = np.kron(((1 - modules) * 255).astype(np.uint8), np.ones((scale, scale), np.uint8))
    image = cv2.resize(image, (span, span), interpolation=cv2.INTER_AREA)
    canvas = np.full((span + 120, span + 120), 255, np.uint8)
    canvas[60:60 + span, 60:60 + span] = image
    turn = cv2.getRotationMatrix2D((canvas.shape[1] / 2, canvas.shape[0] / 2), rng.uniform(-4, 4), 1.0)
    canvas = cv2.warpAffine(canvas, turn, canvas.shape[::-1], borderValue=255)
    canvas = cv2.GaussianBlur(canvas, (0, 0), rng.uniform(0.4, 0.9))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 8, canvas.shape)
    return np.clip(canvas + noise, 0, 255).astype(np.uint8)


def decode_rate(qr, expected: str, span: int) -> float:
    rng, read = random.Random(span), 0
    detectors = [cv2.QRCodeDetector()] + ([cv2.QRCodeDetectorAruco()] if hasattr(cv2, "QRCodeDetectorAruco") else [])
    for _ in range(CAPTURES):
        image = capture(qr, span, rng)
        read += any(detector.detectAndDecode(image)[0] == expected for detector in detectors)
    return read / CAPTURES


def main() -> None:
    private = Ed25519PrivateKey.generate()
    print(f"{'items':>5} {'form':<6} {'chars':>6} {'version':>7} {'modules':>7} {'module mm':>9}  "
          + "  ".join(f"read @{s}px" for s in SPANS))
    for items in (1, 3, 8):
        text = p.to_qr_text(p.sign(record(items), private, "bench"))
        link = p.to_link("https://ftahub.bacninh.gov.vn", text)
        for form, qr, expected in (("bare", segno.make(text, error="m"), text),
                                   ("link", segno.make(p.qr_segments(link), error="m"), link)):
            modules = qr.symbol_size(scale=1, border=0)[0]
            rates = [decode_rate(qr, expected, span) for span in SPANS]
            print(f"{items:>5} {form:<6} {len(expected):>6} {qr.version:>7} {modules:>7} {PRINT_MM / modules:>9.2f}  "
                  + "  ".join(f"{r:>10.0%}" for r in rates))


if __name__ == "__main__":
    main()
