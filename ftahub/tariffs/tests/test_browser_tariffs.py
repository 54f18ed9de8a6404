"""In a real browser: instant HS search, the line page, and the duty comparison for a partner."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_tariff_finder_in_chromium(browser_hub):
    run_script("tariffs.mjs", browser_hub, "tariffs")
