"""Behind a TLS-terminating proxy (#18): Waitress takes the scheme and the client's address from the trusted
proxy's headers, so FTAHUB_HTTPS=1 FTAHUB_BEHIND_PROXY=1 serves pages instead of redirecting to https for ever,
and a client cannot pick its rate-limit identity by sending X-Forwarded-For itself."""

import os
import subprocess
import sys
import time
from http.client import HTTPConnection

import pytest

from ftahub.core.tests.browser import free_port

pytestmark = pytest.mark.slow


def get(port, headers):
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/healthz", headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status, response.getheader("Location")


def test_the_proxy_s_https_is_believed_and_no_one_else_s(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'proxy.sqlite3'}", "FTAHUB_VAR_DIR": str(tmp_path),
           "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "1", "FTAHUB_BEHIND_PROXY": "1", "FTAHUB_TRUSTED_PROXY": "127.0.0.1",
           "SECRET_KEY": "proxy-test-secret-key-not-used-anywhere-else-0123456789", "FTAHUB_WORKER": "0",
           "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    subprocess.run([sys.executable, "-m", "ftahub", "migrate", "--no-input", "-v", "0"], env=env, check=True,
                   timeout=300)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                get(port, {})
                break
            except OSError:
                time.sleep(0.1)
        status, _ = get(port, {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"})
        assert status == 200  # the proxy (127.0.0.1 here) said https: no redirect loop
        status, location = get(port, {})
        assert status == 301 and location.startswith("https://")  # plain http is still sent to https
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_only_the_trusted_proxy_names_the_client(settings):
    """Whatever the server: the address and scheme headers count from the trusted proxy only."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from ftahub.core.middleware import TrustedProxyMiddleware

    settings.BEHIND_PROXY, settings.FTAHUB_TRUSTED_PROXY = True, "10.0.0.2"
    seen = {}

    def view(request):
        seen.update(addr=request.META["REMOTE_ADDR"], proto=request.META.get("HTTP_X_FORWARDED_PROTO"))
        return HttpResponse()

    middleware = TrustedProxyMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
                           HTTP_X_FORWARDED_PROTO="https"))
    assert seen == {"addr": "203.0.113.7", "proto": "https"}  # the address the proxy itself saw
    middleware(factory.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7",
                           HTTP_X_FORWARDED_PROTO="https"))
    assert seen == {"addr": "198.51.100.9", "proto": None}  # anyone else: dropped
