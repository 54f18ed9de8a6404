"""A proof-of-work challenge for public forms, checked without any third-party service (the idea of ALTCHA or
Hashcash): the server hands out a signed puzzle; the browser finds a number ``n`` such that SHA-256(salt ‖ n) starts
with ``bits`` zero bits (about 2**bits tries: a moment for a person, a real cost for a script posting thousands);
the server checks the signature, the age and the answer, and accepts each puzzle once.

A puzzle reads ``<salt>.<issued unix time>.<bits>.<signature>``; the signature is HMAC-SHA256 over the rest.

Plain Python: no Django.
"""

import hashlib
import hmac
import secrets
import time

BITS = 16
MAX_AGE = 30 * 60  # seconds a puzzle stays good: time to fill the form


class ChallengeError(ValueError):
    """The answer does not count; ``code`` says why (expired, invalid, wrong)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()[:32]


def issue(secret: bytes, bits: int = BITS, now: float | None = None) -> str:
    text = f"{secrets.token_hex(12)}.{int(now if now is not None else time.time())}.{bits}"
    return f"{text}.{_sign(secret, text)}"


def leading_zero_bits(digest: bytes) -> int:
    count = 0
    for byte in digest:
        if byte == 0:
            count += 8
            continue
        return count + 8 - byte.bit_length()
    return count


def _digest(salt: str, answer: int) -> bytes:
    return hashlib.sha256(f"{salt}{answer}".encode()).digest()


def check(secret: bytes, puzzle: str, answer: str, now: float | None = None) -> str:
    """The puzzle's salt when ``answer`` solves a puzzle this server signed and that is not too old; else raises."""
    parts = (puzzle or "").split(".")
    if len(parts) != 4 or len(puzzle) > 120:
        raise ChallengeError("invalid")
    salt, issued, bits, signature = parts
    if not hmac.compare_digest(_sign(secret, f"{salt}.{issued}.{bits}"), signature):
        raise ChallengeError("invalid")
    if not (issued.isdigit() and bits.isdigit()):
        raise ChallengeError("invalid")
    age = (now if now is not None else time.time()) - int(issued)
    if age > MAX_AGE or age < -60:
        raise ChallengeError("expired")
    if not (answer or "").isdigit() or len(answer) > 12:
        raise ChallengeError("wrong")
    if leading_zero_bits(_digest(salt, int(answer))) < int(bits):
        raise ChallengeError("wrong")
    return salt


def solve(puzzle: str) -> str:
    """The answer, found as the browser finds it (for scripts and tests that use a form as a person would)."""
    salt, _issued, bits, _signature = puzzle.split(".")
    n = 0
    while leading_zero_bits(_digest(salt, n)) < int(bits):
        n += 1
    return str(n)
