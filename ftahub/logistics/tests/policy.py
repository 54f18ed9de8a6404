"""Who may use the logistics pages and API (joins the hub's authorisation matrix): anyone reads the facilities
directory and a consignment's tracking page by its link; a business records its own facilities and consignments,
officers their province's and verify facilities; staff read the gate dashboard and the province's figures."""

from ftahub.core.tests.roles import EVERYONE, OFFICERS, SIGNED_IN

STAFF_ALL = SIGNED_IN - {"business_a", "business_b"}


def world(w) -> None:
    from ftahub.logistics.models import Consignment, Facility

    w.facility = Facility.objects.create(kind="warehouse", name="Matrix warehouse (test)", province=w.enterprise_a.province,
                                         enterprise=w.enterprise_a)
    w.consignment = Consignment.objects.create(enterprise=w.enterprise_a, province=w.enterprise_a.province, reference="MATRIX",
                                               goods="lychees")


PAGES = {
    "logistics-facilities": (None, EVERYONE), "logistics-facility": (lambda w: {"pk": w.facility.pk}, EVERYONE),
    "logistics-track": (lambda w: {"token": w.consignment.token}, EVERYONE),
    "logistics-facility-new": (None, {"business_a", "business_b"} | OFFICERS),
    "logistics-facility-import": (None, {"business_a", "business_b"} | OFFICERS),
    # the owner, and the officers of its province
    "logistics-facility-edit": (lambda w: {"pk": w.facility.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "logistics-consignments": (None, SIGNED_IN),
    "logistics-consignment-new": (None, {"business_a", "business_b"}),
    # an enterprise's consignment (its invoice): never the statistician
    "logistics-consignment": (lambda w: {"pk": w.consignment.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "logistics-consignment-edit": (lambda w: {"pk": w.consignment.pk}, {"business_a", "officer_x", "fa_x", "admin"}),
    "logistics-gates": (None, STAFF_ALL), "logistics-report": (None, STAFF_ALL),
    "logistics-crossing-import": (None, OFFICERS),
}
POSTS = {
    "logistics-facility-verify": "ftahub/logistics/tests/test_pages.py::test_a_facility_is_kept_by_its_owner_and_verified_by_the_provinces_officer",
    "logistics-leg-delete": "ftahub/logistics/tests/test_pages.py::test_a_consignment_has_legs_a_timeline_and_a_public_tracking_page",
}
API_PUBLIC = {"/api/v1/logistics/facilities"}
API_PUBLIC_WITH_PARAMS = {"/api/v1/logistics/facilities/{pk}", "/api/v1/logistics/track/{token}"}
API_SIGNED_IN = {"/api/v1/logistics/consignments", "/api/v1/logistics/gates",
                 "/api/v1/logistics/consignments/{pk}/timeline"}
API_POSTS = {"/api/v1/logistics/crossings": "officers only (ftahub/logistics/tests/test_pages.py::"
                                            "test_crossings_are_imported_and_the_gate_dashboard_counts_them)"}
