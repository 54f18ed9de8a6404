"""Link tokens that let their holder act (a supplier's declaration link, an event ticket) never reach the audit log
that officers read (#18)."""

import pytest

from ftahub.core.models import AuditEntry
from ftahub.origin.models import SupplierDeclaration

pytestmark = pytest.mark.django_db


def test_a_declaration_link_token_is_not_in_the_audit_log(make, client_for):
    from ftahub.codesk.tests.conftest import saved_assessment

    enterprise = make.enterprise(24)
    assessment = saved_assessment(enterprise)
    declaration = SupplierDeclaration.objects.create(
        assessment=assessment, enterprise=enterprise, province=enterprise.province, material_line="1",
        material_hs="4407.11", supplier_name="Supplier (demo)", supplier_email="s@demo.invalid",
        kind="single", token="secret-link-token-0123456789")
    entry = AuditEntry.objects.filter(model="origin.supplierdeclaration", object_pk=str(declaration.pk)).get()
    assert "secret-link-token" not in str(entry.changes) and entry.changes["token"][-1] == "***"
    page = client_for(make.user("co_officer", 24)).get("/audit/").content.decode()
    assert "secret-link-token-0123456789" not in page
