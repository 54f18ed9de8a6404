"""Every web form and upload, fuzzed (#18): the property-based counterpart of the Schemathesis run over the API.

Each page of the authorisation matrix is opened as a role that may use it; every ``<form method="post">`` on it is
then sent, with its CSRF token and its field names, values Hypothesis draws: long and empty texts, control
characters and bytes that are not UTF-8 (a lone surrogate as a browser would send it), numbers in every format, dates that do not exist, choices that are not offered, and
files of random bytes named as the spreadsheets and documents the hub reads. Whatever arrives, the hub answers with
a page, a redirect or a refusal, never a server error. The budget is small in CI; FTAHUB_FUZZ_EXAMPLES raises it.
"""

import os
import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftahub.core.tests.roles import ROLES
from ftahub.core.tests.test_authorisation_matrix import PAGES, world  # noqa: F401  (the matrix's world fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
EXAMPLES = int(os.environ.get("FTAHUB_FUZZ_EXAMPLES", "4"))
# pages whose forms only sign out or switch language: nothing to fuzz
SKIP_ACTIONS = re.compile(r"^/(i18n/setlang|accounts/logout)/")
# one person of each kind (the matrix checks the others are refused); each form is fuzzed as the first who has it
ONE_OF_EACH = ("anonymous", "business_a", "officer_x", "fa_x", "statistician", "admin")


class Forms(HTMLParser):
    """The POST forms of a page: action, and each field's name, kind and offered values."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.forms.append({"action": a.get("action") or "", "fields": {}})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            self.forms[-1]["fields"].setdefault(a["name"], {"kind": (a.get("type") or "text").lower(),
                                                            "values": []})["values"].append(a.get("value") or "")
        elif tag == "textarea" and a.get("name"):
            self.forms[-1]["fields"][a["name"]] = {"kind": "text", "values": []}
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1]["fields"][a["name"]] = {"kind": "select", "values": []}
        elif tag == "option" and self._select:
            self.forms[-1]["fields"][self._select]["values"].append(a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


WEIRD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "2.500.000", "2,5", "9" * 40, "0810.90.20", "abc",
                     "2026-02-30", "31/12/2026", "\x00", b"\xed\xa0\x80", b"\xff\xfe", "<script>alert(1)</script>", "' OR 1=1 --",
                     "A" * 5000, "../../etc/passwd", "=cmd|' /C calc'!A0", "VN", "Việt Nam", "CPTPP"]),
)
FILE = st.builds(
    lambda name, body: SimpleUploadedFile(name, body),
    st.sampled_from(["data.xlsx", "data.csv", "bom.xlsx", "doc.pdf", "photo.png", "events.json", "x"]),
    st.one_of(st.binary(max_size=2000), st.just(b"PK\x03\x04" + b"\x00" * 100),
              st.just(b"hs,value\n0810,1\n"), st.just(b"{\"type\": \"EPCISDocument\"}")),
)


def _value(field: dict):
    if field["kind"] == "file":
        return FILE
    offered = [v for v in field["values"] if v]
    if field["kind"] in ("hidden", "submit"):
        return st.sampled_from(field["values"] or [""]) if field["values"] else WEIRD_TEXT
    if offered:
        return st.one_of(st.sampled_from(offered), WEIRD_TEXT)
    return WEIRD_TEXT


def _targets(world) -> list[tuple[str, str, dict]]:  # noqa: F811
    """(role, action URL, fields) of every POST form a role may use."""
    found, seen = [], set()
    for name, spec in PAGES.items():
        kwargs, allowed = spec
        url = reverse(name, kwargs=kwargs(world) if kwargs else None)
        for role in [r for r in ROLES if r in allowed and r in ONE_OF_EACH]:
            response = world.clients[role].get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            parser = Forms()
            parser.feed(response.content.decode())
            for form in parser.forms:
                action = form["action"] or url
                if SKIP_ACTIONS.match(action) or action in seen:
                    continue
                seen.add(action)
                found.append((role, action, form["fields"]))
    return found


def _fuzz(role: str, client, action: str, fields: dict, problems: list[str]) -> None:
    names = [n for n in fields if n != "csrfmiddlewaretoken"]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({n: _value(fields[n]) for n in names}))
    def send(data):
        response = client.post(action, data)
        if response.status_code >= 500:
            problems.append(f"{role} POST {action}: {response.status_code} with {data!r:.300}")

    send()


def test_every_form_answers_any_input_without_a_server_error(world):  # noqa: F811
    targets = _targets(world)
    assert len(targets) >= 30, [t[1] for t in targets]  # the matrix's pages hold at least this many forms
    problems: list[str] = []
    for role, action, fields in targets:
        _fuzz(role, world.clients[role], action, fields, problems)
    assert not problems, "\n".join(problems[:20])
