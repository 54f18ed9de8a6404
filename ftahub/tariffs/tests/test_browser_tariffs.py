"""In a real browser: instant HS search, the line page, and the duty comparison for a partner."""

import pytest

from ftahub.core.tests.browser import RunningHub, require_browser, run_script

pytestmark = pytest.mark.slow


def test_tariff_finder_in_chromium(tmp_path_factory):
    chromium = require_browser()
    hub = RunningHub(tmp_path_factory.mktemp("hub"))
    try:
        run_script("tariffs.mjs", hub, chromium, "tariffs")
    finally:
        hub.stop()
