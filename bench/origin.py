"""Benchmark: assess a 100-material, 3-level bill of materials under every agreement (goal ≤ 2 ms per agreement).

Run: .venv/bin/python bench/origin.py   (no database needed; prints figures)
"""

import random
import statistics
import time

from ftahub.origin.engine import Material, Product, assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import all_provisions

RULES = {
    "ATIGA": "CTH or RVC(40)", "ACFTA": "CTH or RVC(40)", "AKFTA": "CTH or RVC(40)", "AJCEP": "CTH or QVC(40)",
    "VJEPA": "CTH or LVC(40)", "AIFTA": "CTSH and RVC(35)", "AANZFTA": "CTH or RVC(40)", "VKFTA": "CTH or RVC(40)",
    "AHKFTA": "CTH or RVC(40)", "RCEP": "CTH or RVC(40)", "VCFTA": "CTH or RVC(40)", "VN-EAEU": "CTH or VAC(40)",
    "VIFTA": "CTH or RVC(40)",
    "CPTPP": "CTH except from 84.66 or RVC(35, build-up) or RVC(45, build-down) or RVC(55, focused, 84.14)",
    "EVFTA": "CTH allow 10% EXW or MaxNOM(50, EXW)", "UKVFTA": "CTH or MaxNOM(70, EXW)",
}
CODES = ["841430", "841490", "850140", "850440", "732690", "392690", "740811", "854449", "731815", "840731"]
COUNTRIES = ["VN", "CN", "TH", "JP", "KR", "DE", None]


def bom(rng: random.Random) -> list[Material]:
    """10 sub-assemblies of 4 parts each, 2 of which have 2 parts of their own, plus 10 loose parts = 100."""
    def part():
        return Material(hs=rng.choice(CODES), value=round(rng.uniform(0.5, 5), 2), country=rng.choice(COUNTRIES),
                        originating=rng.choice([True, False, None]), description="part")

    top = []
    for _ in range(10):
        subs = [part() for _ in range(4)]
        for sub in subs[:2]:
            sub.materials = [part() for _ in range(2)]
        top.append(Material(hs=rng.choice(CODES), value=round(sum(s.value for s in subs) * 1.2, 2),
                            description="sub-assembly", materials=subs))
    top += [part() for _ in range(10)]
    return top


def count(materials):
    return sum(1 + count(m.materials) for m in materials)


def main():
    rng = random.Random(2026)
    materials = bom(rng)
    product = Product(hs="841459", fob=400.0, ex_works=380.0)
    parsed = {code: parse(text) for code, text in RULES.items()}
    sub_rule = parse("CTH or RVC(40)")
    missing = sorted(set(all_provisions()) - set(parsed))
    assert not missing, f"give these agreements a rule to time: {missing}"
    print(f"BOM: {count(materials)} materials in 3 levels; {len(parsed)} agreements")
    per_agreement = []
    for code, provisions in sorted(all_provisions().items()):
        rule = parsed[code]
        timings = []
        for _ in range(200):
            start = time.perf_counter()
            assess(product, materials, rule, provisions, rule_for=lambda hs: sub_rule)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings) * 1000
        per_agreement.append(median)
        print(f"  {code:<8} median {median:6.3f} ms  p95 {sorted(timings)[189] * 1000:6.3f} ms")
    total = sum(per_agreement)
    print(f"all agreements: {total:.2f} ms per BOM; worst agreement {max(per_agreement):.3f} ms "
          f"(goal ≤ 2 ms per agreement: {'met' if max(per_agreement) <= 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
