"""In a real browser: self-assess, save, request a supplier declaration, the supplier declares by link."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_origin_self_assessment_in_chromium(browser_hub):
    run_script("origin.mjs", browser_hub, "origin")
