"""Benchmark the signed C/O record.

1. Per certificate: signing (CBOR record, COSE_Sign1 with Ed25519, zlib, base45) and rendering the PDF with its QR.
2. Verifications per second of a QR payload offline (base45, inflate, COSE, Ed25519, record decoding, key validity),
   next to the raw Ed25519 verify rate of the same signatures in the same run (goal: ≥ 0.5×).

No database needed. Prints figures. Run: .venv/bin/python bench/certificates.py
"""

import datetime
import statistics
import time
from types import SimpleNamespace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ftahub.certificates import payload as p
from ftahub.certificates.pdf import certificate_pdf

N_SIGN, N_PDF, N_VERIFY = 2000, 100, 5000


def record(i: int) -> dict:
    return {"co_number": f"BENCH-VN-JP-26-24-{i:05d}", "agreement": "CPTPP", "form": "CPTPP",
            "issued_on": "2026-11-03", "signed_on": "2026-11-23", "issuer": "Bắc Ninh C/O desk (bench)",
            "exporter": {"name": "Công ty TNHH Bench (demo)", "tax_code": "9900000016", "address": "Bắc Ninh"},
            "importer": {"name": "Bench Importer KK", "country": "JP", "address": "Osaka"},
            "transport": {"means": "sea", "departure": "2026-11-02", "loading": "Hải Phòng", "discharge": "Osaka"},
            "destination": "JP", "invoice": {"number": f"INV-{i}", "date": "2026-10-30"},
            "items": [{"hs": "9403.60", "description": f"Wooden tables, lot {i}-{k}", "quantity": "10", "unit": "pcs",
                       "fob": "1000.00", "criterion": "CTC"} for k in range(3)],
            "province": 24, "ecosys_ref": f"CO-24-2026-{i:05d}"}


def per_item(fn, n: int) -> list[float]:
    times = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key()
    keys = {"bench": p.PublicKey("bench", public, datetime.date(2026, 1, 1))}
    texts = {}

    def sign(i):
        texts[i] = p.to_qr_text(p.sign(record(i), key, "bench"))

    sign_times = per_item(sign, N_SIGN)
    print(f"signing: median {statistics.median(sign_times) * 1e3:.3f} ms per certificate over {N_SIGN} "
          f"(QR text {len(texts[0])} characters)")

    def pdf(i):
        cert = SimpleNamespace(record=record(i), payload=texts[i], co_number=record(i)["co_number"], kid="bench",
                               is_demo=False)
        certificate_pdf(cert, "https://ftahub.example/verify/")

    pdf_times = per_item(pdf, N_PDF)
    print(f"PDF with QR: median {statistics.median(pdf_times) * 1e3:.1f} ms per certificate over {N_PDF}")

    payloads = [texts[i % N_SIGN] for i in range(N_VERIFY)]
    raw = []
    for text in payloads[:N_SIGN]:
        protected, _, body, signature = p.open_envelope(p.from_qr_text(text))
        raw.append((signature, p._sig_structure(protected, body)))
    raw = [raw[i % len(raw)] for i in range(N_VERIFY)]

    best_full, best_raw = float("inf"), float("inf")
    for _ in range(3):  # interleaved rounds; the best of each
        start = time.perf_counter()
        for text in payloads:
            assert p.verify(p.from_qr_text(text), keys).valid
        best_full = min(best_full, time.perf_counter() - start)
        start = time.perf_counter()
        for signature, message in raw:
            public.verify(signature, message)
        best_raw = min(best_raw, time.perf_counter() - start)
    full_rate, raw_rate = N_VERIFY / best_full, N_VERIFY / best_raw
    ratio = full_rate / raw_rate
    print(f"verification of a QR payload: {full_rate:,.0f}/s; raw Ed25519 verify: {raw_rate:,.0f}/s; "
          f"ratio {ratio:.2f}× (goal ≥ 0.5×: {'met' if ratio >= 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
