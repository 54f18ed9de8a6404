"""Settings for the test suite: the production settings with plain HTTP, the demo label and a throw-away key.

Debug stays off as in production (the hub's own default); only what a test client on ``http://testserver`` needs is
relaxed, for the time ``ftahub.settings`` reads the environment. The environment is then put back, and hubs that tests
start in a subprocess read the production settings module with the variables each test gives them.
"""

import os

_RELAXED = {"FTAHUB_HTTPS": "0", "FTAHUB_DEMO": "1",
            "SECRET_KEY": "tests-only-secret-key-not-used-anywhere-else-0123456789abcdef"}
_before = {name: os.environ.get(name) for name in _RELAXED}
for _name, _value in _RELAXED.items():
    os.environ.setdefault(_name, _value)
try:
    from ftahub.settings import *  # noqa: F403
finally:
    for _name, _value in _before.items():
        if _value is None:
            os.environ.pop(_name, None)
    if os.environ.get("DJANGO_SETTINGS_MODULE") == __name__:
        os.environ["DJANGO_SETTINGS_MODULE"] = "ftahub.settings"

# templates find static files without a collected manifest (``collectstatic`` is not part of the test run)
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
