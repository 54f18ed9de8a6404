"""Public verification of C/O records: page, API-backed form, key set and revocation list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import cache_control

from ftahub.core import plugins

from .keys import KeyError_
from .models import IssuedCertificate
from .payload import PayloadError, find_payload
from .pdf import certificate_pdf
from .service import look_up, published_keyset, revocation_list, verify_payload

MAX_UPLOAD = 5 * 1024 * 1024


def verify_page(request):
    report, error, detail, words = None, None, "", _browser_words()
    if request.method == "POST":
        payload = request.POST.get("payload", "").strip()
        co_number = request.POST.get("co_number", "").strip()
        upload = request.FILES.get("document")
        try:
            if upload:
                if upload.size > MAX_UPLOAD:
                    raise PayloadError("the file is larger than 5 MB")
                data = upload.read()
                if not data.startswith(b"%PDF"):
                    raise PayloadError("upload the C/O PDF issued by the hub")
                payload = find_payload(data)
                if not payload:
                    raise PayloadError("this PDF holds no FTA Hub C/O payload")
            if payload:
                report = verify_payload(payload)
            elif co_number:
                report = look_up(co_number)
                if report is None:
                    error = _("No C/O with this number is in the register of this hub.")
            else:
                error = _("Paste the QR payload, upload the PDF, or type the C/O number.")
        except (PayloadError, KeyError_) as exc:
            error, detail = _("This is not a readable FTA Hub C/O record: check that the whole text or the PDF "
                              "issued by the hub was given."), str(exc)
        if report and report.get("reason"):
            report["reason_words"] = _reason_in_words(report["reason"], words)
        tracking = plugins.service("consignment_for_certificate")
        if report and tracking and (report.get("record") or {}).get("co_number"):
            report["tracking"] = tracking(report["record"]["co_number"])  # when its exporter allows it
    return render(request, "certificates/verify.html", {"report": report, "error": error, "detail": detail,
                                                        "words": words,
                                                        "keyset": published_keyset()})


def _reason_in_words(reason: str, words: dict[str, str]) -> str:
    """Why a record is not valid (payload.verify's English reason), in the reader's language (``words``)."""
    for start, key in (("unknown key", "unknown_key"), ("bad signature", "bad_signature"),
                       ("signed on", "outside"), ("the record", "bad_dates")):
        if reason.startswith(start):
            return words[key]
    return words["unreadable"]


def _browser_words() -> dict[str, str]:
    """What verify.js writes on the page, in the reader's language."""
    return {
        "valid": pgettext("verdict", "Valid"), "invalid": _("Not valid"), "revoked": _("Revoked"),
        "unchecked": _("Not checked in this browser"),
        "no_crypto": _("This browser cannot check signatures on this page. Paste the text of the QR code into the "
                       "form below, or open the page over HTTPS."),
        "unreadable": _("The code could not be read: it is not a whole FTA Hub C/O record. Scan it again, or "
                        "paste its text into the form below."),
        "unknown_key": _("It was signed with a key that this hub does not publish."),
        "bad_signature": _("The data was altered, or it was not signed with the province's key."),
        "bad_dates": _("The record's issue or signing date is missing or wrong."),
        "outside": _("It was signed on a date outside the validity of its key."),
        "revoked_why": _("The province's signed list of revoked and replaced certificates names this C/O."),
        "private": _("Checked in this browser with the province's published keys: the record was not sent to any "
                     "server."),
        "co_number": _("C/O number"), "agreement": _("Agreement"), "form": _("form"), "issued_on": _("Issued on"),
        "exporter": _("Exporter"), "importer": _("Importer"), "signing_key": _("Signing key"), "hs": "HS",
        "description": _("Description"), "quantity": _("Quantity"), "fob": "FOB", "criterion": _("Origin criterion"),
    }


@cache_control(max_age=300, public=True)
def keyset(request):
    return JsonResponse(published_keyset())


def revocations(request):
    try:
        note = revocation_list()
    except KeyError_ as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse(note, content_type="text/plain; charset=utf-8")


@login_required
def certificate_pdf_view(request, co_number: str):
    certificate = get_object_or_404(IssuedCertificate.objects.visible_to(request.user), co_number=co_number)
    url = request.build_absolute_uri(reverse("certificate-verify"))
    response = HttpResponse(certificate_pdf(certificate, url), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="co-{certificate.pk}.pdf"'
    return response


@login_required
def certificate_list(request):
    certificates = IssuedCertificate.objects.visible_to(request.user).select_related("enterprise")
    return render(request, "certificates/list.html", {"certificates": certificates})
