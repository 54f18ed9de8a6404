"""State changes of the self-assessment: saving an assessment for an enterprise, asking a supplier for a
declaration (by a link sent by email), and recording the supplier's declaration. Atomic; views call these."""

import hashlib
import secrets
from collections.abc import Callable

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ftahub.common import hscode

from .models import OriginAssessment, SupplierDeclaration


def save_assessment(user, title: str, market: str, case: dict, results: list) -> OriginAssessment:
    """Keep an assessment for the user's enterprise (a business user's only)."""
    if user.role != "business" or user.enterprise_id is None:
        raise PermissionError("only a business user saves assessments for their enterprise")
    enterprise = user.enterprise
    return OriginAssessment.objects.create(
        enterprise=enterprise, province=enterprise.province, created_by=user, title=title,
        product_hs=hscode.compact(case["product"]["hs"]), market=market, case=case, results=results,
        is_demo=enterprise.is_demo,
    )


def request_declaration(assessment: OriginAssessment, line: dict, supplier_name: str, supplier_email: str,
                        kind: str, link_for: Callable[[str], str]) -> tuple[SupplierDeclaration, str]:
    """A declaration request for one material of the BOM, and its link mailed to the supplier."""
    with transaction.atomic():
        declaration = SupplierDeclaration.objects.create(
            assessment=assessment, enterprise=assessment.enterprise, province=assessment.province,
            material_line=line["line"], material_hs=line["hs"], material_description=line["description"] or "",
            supplier_name=supplier_name, supplier_email=supplier_email, kind=kind, token=secrets.token_urlsafe(32),
        )
    link = link_for(declaration.token)
    send_mail(
        subject=_("Supplier declaration requested by %(name)s") % {"name": assessment.enterprise.name},
        message=_("%(name)s asks you to declare the origin of %(material)s. Open this link (no account "
                  "needed): %(link)s") % {"name": assessment.enterprise.name,
                                           "material": line["description"] or line["hs"], "link": link},
        from_email=None, recipient_list=[declaration.supplier_email],
    )
    return declaration, link


def record_declaration(declaration: SupplierDeclaration, data: dict) -> SupplierDeclaration:
    """The supplier's answer, given once: originating or not, country, agreements, validity, signed document."""
    with transaction.atomic():
        locked = SupplierDeclaration.objects.select_for_update().get(pk=declaration.pk)
        if locked.status == SupplierDeclaration.Status.DECLARED:
            return locked
        declaration.originating = data["originating"]
        declaration.origin_country = data["origin_country"]
        declaration.agreements = data.get("agreements") or ""
        declaration.valid_from = data.get("valid_from")
        declaration.valid_to = data.get("valid_to")
        declaration.declarant = data["declarant"]
        declaration.declared_at = timezone.now()
        declaration.status = SupplierDeclaration.Status.DECLARED
        if data.get("document"):
            content = data["document"].read()
            data["document"].seek(0)
            declaration.document_sha256 = hashlib.sha256(content).hexdigest()
            declaration.document = data["document"]
        declaration.save()
    return declaration
