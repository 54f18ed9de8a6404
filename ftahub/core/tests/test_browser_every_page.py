"""Every page reached by following links, as each demo role, in both languages, on a 390 px phone: none wider than
the screen, none answering with an error (tests/browser/every_page.mjs)."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_every_page_fits_a_phone_for_every_role_in_both_languages(browser_hub):
    run_script("every_page.mjs", browser_hub, "every-page")
