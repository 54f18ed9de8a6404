"""A small in-process cache for reference data that pages read on every request (agreements, rule sets).

Reference data changes only through ``ftahub load-reference`` or an import: those clear the cache in their own
process, and every other process sees the change within ``TTL`` seconds.
"""

import threading
import time

TTL = 30.0
_lock = threading.Lock()
_store: dict[str, tuple[float, object]] = {}


def cached(key: str, build):
    now = time.monotonic()
    hit = _store.get(key)
    if hit and now - hit[0] < TTL:
        return hit[1]
    value = build()
    with _lock:
        _store[key] = (now, value)
    return value


def clear() -> None:
    from . import pagecache

    with _lock:
        _store.clear()
    pagecache.bump()  # what pages showed of the reference data is stale too


def forget(key: str) -> None:
    with _lock:
        _store.pop(key, None)
