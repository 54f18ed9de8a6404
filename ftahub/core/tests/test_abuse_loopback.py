"""A bounded abuse run against a real hub on loopback (#18): many oversized and malicious requests at once must be
refused without the server's memory growing past a stated ceiling, and the hub must go on answering.

The run: 12 bodies of 40 MB at once to the anonymous BOM page, 12 of 30 MB to the assessment API, 12 chunked
bodies without a length to the parse API, 8 XLSX "bombs" (a 5 KB file declaring a billion cells) as BOM uploads,
and 8 rules of 4.9 MB. Before #18 one XLSX bomb alone took 16 s and 630 MB.
"""

import http.client
import io
import re
import threading
import urllib.request
import zipfile

import pytest

from ftahub.core.tests.hub import Hub

pytestmark = pytest.mark.slow
CEILING_MB = 100  # what the whole run may add to the server's peak memory (resident set high-water mark)


def peak_mb(pid: int) -> float:
    """The largest resident-set high-water mark of the server's processes (Gunicorn's master and its workers)."""
    import glob

    peaks = []
    pids = [pid] + [int(c) for path in glob.glob(f"/proc/{pid}/task/*/children")
                    for c in open(path).read().split()]
    for each in pids:
        try:
            for line in open(f"/proc/{each}/status"):
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        except FileNotFoundError:
            continue
    return max(peaks)


def bomb() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["hs", "value"])
    buffer = io.BytesIO()
    book.save(buffer)
    source, out = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'<dimension ref="A1:B2"\s*/>', b'<dimension ref="A1:XFD1048576" />', content)
            target.writestr(info.filename, content)
    return out.getvalue()


def send(port: int, path: str, size: int | None, content_type: str, body: bytes = b"", outcomes=None,
         cookie: str = "") -> None:
    """POST ``size`` bytes (streamed in 1 MB pieces, never held whole) or ``body``; no size: chunked."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    piece = b"x" * (1024 * 1024)
    try:
        if size is None:
            connection.putrequest("POST", path)
            connection.putheader("Content-Type", content_type)
            connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            for _ in range(260):  # 260 MB, more than any address takes
                connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            connection.send(b"0\r\n\r\n")
        elif body:
            connection.request("POST", path, body=body, headers={"Content-Type": content_type, "Cookie": cookie})
        else:
            connection.request("POST", path, body=(piece for _ in range(size // len(piece))),
                               headers={"Content-Type": content_type, "Content-Length": str(size)})
        outcomes.append(connection.getresponse().status)
    except (ConnectionError, http.client.HTTPException, TimeoutError):
        outcomes.append("closed")  # the server may hang up on a body it will not take: also a refusal
    finally:
        connection.close()


def multipart(name: str, filename: str, content: bytes, csrf: str) -> tuple[bytes, str]:
    boundary = "ftahubabuse"
    fields = {"csrfmiddlewaretoken": csrf, "title": "Chair", "product_hs": "9401.61", "fob": "100", "rows": "1"}
    body = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                   for k, v in fields.items()).encode() + (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_concurrent_oversized_and_malicious_requests_stay_under_the_memory_ceiling(tmp_path):
    hub = Hub(tmp_path)
    hub.ftahub("collectstatic", "--no-input", "-v", "0")  # production settings: pages need the static manifest
    hub.start()
    try:
        page = urllib.request.urlopen(hub.base + "/origin/", timeout=30)  # warm: pages and indexes built once
        cookie = page.headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
        urllib.request.urlopen(hub.base + "/hs/classify/?q=v%E1%BA%A3i+cotton", timeout=120).read()
        before = peak_mb(hub.process.pid)
        bomb_body, bomb_type = multipart("bom_file", "bom.xlsx", bomb(), token)
        rule = ('{"rule": "' + "CTH or " * 700_000 + 'CTH"}').encode()
        outcomes: dict[str, list] = {k: [] for k in ("page", "api", "chunked", "bombs", "rules")}
        threads = (
            [threading.Thread(target=send, args=(hub.port, "/origin/", 40 << 20, "multipart/form-data; boundary=x"),
                              kwargs={"outcomes": outcomes["page"]}) for _ in range(12)]
            + [threading.Thread(target=send, args=(hub.port, "/api/v1/origin/assess", 30 << 20, "application/json"),
                                kwargs={"outcomes": outcomes["api"]}) for _ in range(12)]
            + [threading.Thread(target=send, args=(hub.port, "/api/v1/origin/parse", None, "application/json"),
                                kwargs={"outcomes": outcomes["chunked"]}) for _ in range(12)]
            + [threading.Thread(target=send, args=(hub.port, "/origin/", 0, bomb_type),
                                kwargs={"body": bomb_body, "outcomes": outcomes["bombs"], "cookie": cookie})
               for _ in range(8)]
            + [threading.Thread(target=send, args=(hub.port, "/api/v1/origin/parse", 0, "application/json"),
                                kwargs={"body": rule, "outcomes": outcomes["rules"]}) for _ in range(8)])
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        grown = peak_mb(hub.process.pid) - before
        with urllib.request.urlopen(hub.base + "/healthz", timeout=10) as still:
            assert still.status == 200  # and the hub goes on answering
    finally:
        hub.stop()
    print(f"peak memory grew by {grown:.0f} MB; outcomes {outcomes}")
    assert set(outcomes["page"]) <= {413, "closed"} and set(outcomes["api"]) <= {413, "closed"}
    assert set(outcomes["chunked"]) <= {411, 413, "closed"} and set(outcomes["rules"]) <= {413, "closed"}
    assert set(outcomes["bombs"]) == {200}  # the page answers with a message
    assert all(len(v) == n for v, n in zip(outcomes.values(), (12, 12, 12, 8, 8), strict=True))
    assert grown < CEILING_MB, f"the server's peak memory grew by {grown:.0f} MB (ceiling {CEILING_MB} MB)"
