"""In a real browser: self-assess, save, request a supplier declaration, the supplier declares by link."""

import pytest

from ftahub.core.tests.browser import RunningHub, require_browser, run_script

pytestmark = pytest.mark.slow


def test_origin_self_assessment_in_chromium(tmp_path_factory):
    chromium = require_browser()
    hub = RunningHub(tmp_path_factory.mktemp("hub"))
    try:
        run_script("origin.mjs", hub, chromium, "origin")
    finally:
        hub.stop()
