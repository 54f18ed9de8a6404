"""The authorisation matrix: every page and every API operation, as each role, against a declared policy.

Every URL name of the site and every operation of the OpenAPI document must appear in exactly one of the tables
below; a new endpoint without a declared policy fails ``test_every_endpoint_has_a_declared_policy``. GET pages are
called as each role and the outcome checked; endpoints that change state (POST) are declared with the test that
checks who may call them.

Roles: anonymous, business user of enterprise A and of enterprise B (both in province X = 24), officer of province
X and of province Y (= 1; C/O officers, and foreign-affairs officers for the registry, events and content desks),
statistician of X, national administrator.
"""

import datetime
import importlib

import pytest
from django.urls import get_resolver

from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service as certificates
from ftahub.codesk import service as desk_service
from ftahub.content.models import Item
from ftahub.core import plugins
from ftahub.core.tests.roles import EDITORS, EDITORS_X, EVERYONE, OFFICERS, ROLES, SIGNED_IN, STAFF, X_STAFF
from ftahub.events.models import HubEvent, Registration
from ftahub.registry.models import Partner
from ftahub.trace.models import LotLink, TraceParty

pytestmark = pytest.mark.django_db


# name: (kwargs builder, roles allowed). Everyone else is refused: 403, 404, or a redirect to sign in.
PAGES = {
    "home": (None, EVERYONE), "language": (lambda w: {"code": "en"}, EVERYONE), "search": (None, EVERYONE), "healthz": (None, EVERYONE),
    "agreement-list": (None, EVERYONE), "province-list": (None, EVERYONE), "hs-browse": (None, EVERYONE),
    "hs-detail": (lambda w: {"code": "0810"}, EVERYONE), "tariff-lookup": (None, EVERYONE), "hs-classify": (None, EVERYONE),
    "certificate-verify": (None, EVERYONE),
    "certificate-keyset": (None, EVERYONE),
    "certificate-revocations": (None, EVERYONE), "event-list": (None, EVERYONE), "event-feed": (None, EVERYONE),
    "event-detail": (lambda w: {"pk": w.event.pk}, EVERYONE), "event-ics": (lambda w: {"pk": w.event.pk}, EVERYONE),
    "event-ticket": (lambda w: {"token": w.registration.token}, EVERYONE),
    "event-ticket-qr": (lambda w: {"token": w.registration.token}, EVERYONE),
    "content-list": (None, EVERYONE), "content-rss": (None, EVERYONE), "content-atom": (None, EVERYONE),
    "content-detail": (lambda w: {"pk": w.draft.pk}, EDITORS_X),  # a draft: its province's editors only
    "transparency-log": (None, EVERYONE), "transparency-entry": (lambda w: {"index": 0}, EVERYONE), "origin-self-assess": (None, EVERYONE), "origin-glossary": (None, EVERYONE), "origin-agreement-rules": (None, EVERYONE),
    "origin-guide": (None, EVERYONE),
    "login": (None, EVERYONE), "trace-lot": (lambda w: {"gtin": w.lot.gtin, "lot": w.lot.lot}, EVERYONE),
    "trace-lot-qr": (lambda w: {"gtin": w.lot.gtin, "lot": w.lot.lot}, EVERYONE),
    "origin-declare": (lambda w: {"token": "no-such-token"}, set()),  # a supplier's link: only with its token
    "password-reset": (None, EVERYONE), "password-reset-sent": (None, EVERYONE),
    "password-reset-complete": (None, EVERYONE),
    "password-reset-confirm": (lambda w: {"uidb64": "MQ", "token": "no-such-token"}, EVERYONE),  # says: expired
    "access-request-new": (None, EVERYONE), "access-requests": (None, {"admin"}),  # administrators only
    "enterprise-team": (None, {"business_a", "business_b"}),  # a business user's own enterprise's accounts
    "password-change": (None, SIGNED_IN), "password-change-done": (None, SIGNED_IN),
    "profile": (None, SIGNED_IN), "notifications": (None, SIGNED_IN), "enterprise-list": (None, SIGNED_IN),
    "origin-assessments": (None, SIGNED_IN), "certificate-list": (None, SIGNED_IN), "co-applications": (None, SIGNED_IN),
    "trace-desk": (None, SIGNED_IN), "audit-log": (None, OFFICERS),  # officers and administrators
    "origin-assessment": (lambda w: {"pk": w.assessment.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "origin-assessment-pdf": (lambda w: {"pk": w.assessment.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "origin-evidence-pack": (lambda w: {"pk": w.assessment.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "co-application-new": (None, {"business_a", "business_b"}),
    "co-turnaround": (None, SIGNED_IN - {"business_a", "business_b"}),
    # an enterprise's application, costs and certificate: never the statistician (aggregates only)
    "co-application": (lambda w: {"reference": w.application.reference}, {"business_a"} | X_STAFF - {"statistician"}),
    "co-application-edit": (lambda w: {"reference": w.application.reference}, {"business_a"}),
    "co-handoff": (lambda w: {"reference": w.application.reference, "fmt": "json"}, set()),  # not approved: 409/404
    "certificate-pdf": (lambda w: {"co_number": w.certificate.co_number},
                        {"business_a"} | X_STAFF - {"statistician"}),
    "trace-capture": (None, {"business_a"}), "trace-temperatures": (None, {"business_a"}),
    "trace-lot-link": (lambda w: {"gtin": w.lot.gtin, "lot": w.lot.lot}, {"business_a"}),
    "registry": (None, STAFF), "registry-list": (lambda w: {"slug": "partners"}, STAFF),
    "registry-new": (lambda w: {"slug": "partners"}, EDITORS),
    "registry-import": (lambda w: {"slug": "partners"}, EDITORS),
    "registry-edit": (lambda w: {"slug": "partners", "pk": w.partner.pk}, EDITORS_X),
    "event-manage": (None, EDITORS), "event-manage-new": (None, EDITORS),
    "event-manage-detail": (lambda w: {"pk": w.event.pk}, EDITORS_X),
    "event-manage-edit": (lambda w: {"pk": w.event.pk}, EDITORS_X),
    "content-desk": (None, EDITORS), "content-new": (None, EDITORS),
    "content-edit": (lambda w: {"pk": w.draft.pk}, EDITORS_X),
    "content-download": (lambda w: {"pk": w.draft.pk}, set()),  # a draft without a file: nobody
    "enterprise-edit": (lambda w: {"pk": w.enterprise_a.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
}

# State-changing endpoints (POST only) and the tests that check who may call them.
POSTS = {
    "logout": "accounts sign-out", "set_language": "ftahub/core/tests (language switch)",
    "tariff-watch": "ftahub/tariffs/tests (watchlist)",
    "co-submit": "ftahub/codesk/tests/test_workflow.py::test_only_the_owning_enterprise_applies_and_only_the_provinces_officers_decide",
    "co-decide": "ftahub/codesk/tests/test_workflow.py::test_pages_are_scoped",
    "co-item-add": "ftahub/codesk/tests/test_workflow.py::test_pages_are_scoped",
    "co-item-delete": "ftahub/codesk/tests/test_uploads.py::test_no_uploads_once_submitted_or_by_others",
    "co-document-add": "ftahub/codesk/tests/test_uploads.py::test_no_uploads_once_submitted_or_by_others",
    "co-document": "ftahub/codesk/tests/test_workflow.py::test_pages_are_scoped (documents of visible applications)",
    "co-document-delete": "ftahub/codesk/tests/test_uploads.py",
    "co-record": "ftahub/codesk/tests/test_workflow.py::test_recording_through_the_page_signs_the_record",
    "co-revoke": "ftahub/codesk/tests/test_workflow.py::test_revocation_and_replacement_are_reported_by_verification",
    "event-ticket-cancel": "ftahub/events/tests/test_events.py::test_pages_register_cancel_and_check_in",
    "event-ticket-confirm": "ftahub/events/tests/test_events.py::test_pages_register_cancel_and_check_in",
    "event-check-in": "ftahub/events/tests/test_events.py::test_pages_register_cancel_and_check_in",
    "event-meeting": "ftahub/events/tests/test_events.py::test_matchmaking_ranks_by_fit_and_schedules_without_overlaps",
    "registry-delete": "ftahub/registry/tests/test_registry.py::test_each_kind_lists_only_the_provinces_records",
    "access-request-decide": "ftahub/accounts/tests/test_access_requests.py",
    "enterprise-team-member": "ftahub/accounts/tests/test_team.py::test_only_the_manager_of_the_same_enterprise_acts",
    "trace-import": "ftahub/trace/tests/test_pages.py", "trace-threshold-add": "ftahub/trace/tests/test_pages.py",
    "trace-token-issue": "ftahub/trace/tests/test_api.py", "trace-token-revoke": "ftahub/trace/tests/test_api.py",
}


class World:
    pass


@pytest.fixture
def world(make, client_for):
    from ftahub.codesk.tests.conftest import attach_all_documents, saved_assessment

    w = World()
    certificates.key_ring().generate("matrix", datetime.date(2026, 1, 1))
    w.enterprise_a, w.enterprise_b = make.enterprise(24), make.enterprise(24)
    users = {"business_a": make.user("business", enterprise=w.enterprise_a),
             "business_b": make.user("business", enterprise=w.enterprise_b),
             "officer_x": make.user("co_officer", 24), "officer_y": make.user("co_officer", 1),
             "fa_x": make.user("fa_officer", 24), "fa_y": make.user("fa_officer", 1),
             "statistician": make.user("statistician", 24), "admin": make.user("administrator", is_superuser=True,
                                                                              is_staff=True)}
    w.clients = {role: client_for(user) for role, user in users.items()}
    from django.test import Client

    w.clients["anonymous"] = Client()
    w.assessment = saved_assessment(w.enterprise_a)
    w.application = desk_service.create(w.enterprise_a, users["business_a"],
                                        agreement=TradeAgreement.objects.get(code="CPTPP"), destination="JP",
                                        importer_name="Importer KK")
    attach_all_documents(w.application)
    w.certificate = certificates.issue({"co_number": "MATRIX-1", "agreement": "CPTPP", "form": "CPTPP",
                                        "issued_on": "2026-11-02", "items": []}, TradeAgreement.objects.get(code="CPTPP"),
                                       w.enterprise_a.province, w.enterprise_a)
    party = TraceParty.objects.create(enterprise=w.enterprise_a, province=w.enterprise_a.province,
                                      gs1_prefixes="8930000123")
    w.lot = LotLink.objects.create(enterprise=party.enterprise, province=party.province, gtin="08930000123121",
                                   lot="L1")
    w.partner = Partner.objects.create(province=w.enterprise_a.province, kind="locality", name="Partner")
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=5)
    w.event = HubEvent.objects.create(province=w.enterprise_a.province, kind="forum", title="Forum", venue="Hall",
                                      starts_at=start, ends_at=start + datetime.timedelta(hours=2),
                                      registration_closes_at=start, capacity=5, status="published")
    w.registration = Registration.objects.create(event=w.event, name="R", email="r@demo.invalid", status="confirmed")
    w.draft = Item.objects.create(province=w.enterprise_a.province, kind="news", title="Draft", status="draft")
    w.users = users
    for module in POLICIES:
        if hasattr(module, "world"):
            module.world(w)
    return w


def _outcome(response) -> str:
    if response.status_code in (401, 403, 404, 409):
        return "refused"
    if response.status_code in (301, 302) and "/accounts/login/" in response.get("Location", ""):
        return "refused"
    if response.status_code >= 500:
        return "error"
    return "allowed"


def test_every_endpoint_has_a_declared_policy():
    names = set()

    def walk(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                if "admin" not in str(pattern.pattern) and "api/v1" not in str(pattern.pattern):
                    walk(pattern)
            elif pattern.name and not str(pattern.pattern).startswith("favicon"):
                names.add(pattern.name)

    walk(get_resolver())
    declared = set(PAGES) | set(POSTS)
    assert not names - declared, f"pages without a declared policy: {sorted(names - declared)}"
    assert not set(PAGES) & set(POSTS)
    assert not declared - names, f"policies for pages that no longer exist: {sorted(declared - names)}"


def test_every_page_as_every_role(world):
    from django.urls import reverse

    problems = []
    for name, (kwargs, allowed) in PAGES.items():
        url = reverse(name, kwargs=kwargs(world) if kwargs else None)
        for role in ROLES:
            outcome = _outcome(world.clients[role].get(url))
            expected = "allowed" if role in allowed else "refused"
            if outcome != expected:
                problems.append(f"{name} as {role}: {outcome}, expected {expected}")
    assert not problems, "\n".join(problems)


API_PUBLIC = {"/api/v1/", "/api/v1/agreements", "/api/v1/countries", "/api/v1/provinces", "/api/v1/hs/search",
              "/api/v1/tariffs/lookup", "/api/v1/origin/rules", "/api/v1/log/checkpoint", "/api/v1/log/key", "/api/v1/log/keys",
              "/api/v1/log/proof/inclusion", "/api/v1/log/proof/consistency", "/api/v1/content", "/api/v1/events"}
API_SIGNED_IN = {"/api/v1/co/applications", "/api/v1/epcis/events", "/api/v1/epcis/trace", "/api/v1/epcis/export",
                 "/api/v1/registry/{kind}", "/api/v1/co/applications/{reference}",
                 "/api/v1/co/applications/{reference}/precheck"}
API_PUBLIC_WITH_PARAMS = {"/api/v1/hs/{code}", "/api/v1/agreements/{code}", "/api/v1/log/entries/{index}",
                          "/api/v1/provinces/{code}"}
API_POSTS = {"/api/v1/origin/assess": "public (computes, stores nothing)", "/api/v1/origin/parse": "public",
             "/api/v1/certificates/verify": "public", "/api/v1/epcis/capture": "a business's token or session "
             "(ftahub/trace/tests/test_api.py)", "/api/v1/hs/classify": "public (computes, stores nothing)",
             "/api/v1/hs/classify/feedback": "a signed-in user of a province "
             "(ftahub/tariffs/tests/test_classify_hub.py)"}


def _capability_policies() -> list:
    """A capability may declare its own policies beside its tests (``ftahub/<app>/tests/policy.py``: PAGES, POSTS,
    API_PUBLIC, API_SIGNED_IN, API_PUBLIC_WITH_PARAMS, API_POSTS, and ``world(w)`` adding the records its pages
    need), so that adding a capability touches nothing outside its folder. They join the tables above."""
    found = []
    for app in plugins.hub_apps():
        name = f"{app.name}.tests.policy"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


POLICIES = _capability_policies()
for _module in POLICIES:
    for _table, _own in ((PAGES, "PAGES"), (POSTS, "POSTS"), (API_POSTS, "API_POSTS")):
        _clash = set(_table) & set(getattr(_module, _own, {}))
        assert not _clash, f"{_module.__name__} declares again: {sorted(_clash)}"
        _table.update(getattr(_module, _own, {}))
    for _set, _own in ((API_PUBLIC, "API_PUBLIC"), (API_SIGNED_IN, "API_SIGNED_IN"),
                       (API_PUBLIC_WITH_PARAMS, "API_PUBLIC_WITH_PARAMS")):
        _set |= getattr(_module, _own, set())


def test_every_api_operation_has_a_declared_policy_and_keeps_it(world, client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    declared_get = API_PUBLIC | API_SIGNED_IN | API_PUBLIC_WITH_PARAMS
    undeclared = [(p, m) for p, m in operations if (m == "get" and p not in declared_get)
                  or (m != "get" and p not in API_POSTS)]
    assert not undeclared, f"API operations without a declared policy: {sorted(undeclared)}"
    params = {"q": "lychee", "hs": "08109020", "partner": "JP", "index": 0, "old_size": 1, "year": 2023,
              "epc": "urn:epc:id:sgtin:8930000123.012.1"}
    for path in sorted(API_PUBLIC):
        response = client.get(path, params)
        assert response.status_code < 500 and response.status_code != 401, (path, response.status_code)
    for path in sorted(API_SIGNED_IN):
        concrete = path.replace("{kind}", "partners").replace("{reference}", world.application.reference)
        assert client.get(concrete, params).status_code == 401, path
        response = world.clients["business_b"].get(concrete, params)
        assert response.status_code in (200, 403, 404), (path, response.status_code)
        if "{reference}" in path:
            assert response.status_code == 404  # another enterprise's application
            assert world.clients["business_a"].get(concrete).status_code == 200
