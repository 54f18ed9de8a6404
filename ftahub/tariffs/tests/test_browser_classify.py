"""In a real browser: the HS classification assistant on a phone and a desktop, an officer's correction, and the
helper that fills the self-assessment's HS field."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_classification_assistant_in_chromium(browser_hub):
    run_script("classify.mjs", browser_hub, "classify")
