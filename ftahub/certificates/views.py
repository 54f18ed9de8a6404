"""Public verification of C/O records: page, API-backed form, key set and revocation list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from .keys import KeyError_
from .models import IssuedCertificate
from .payload import PayloadError, find_payload
from .pdf import certificate_pdf
from .service import look_up, published_keyset, revocation_list, verify_payload

MAX_UPLOAD = 5 * 1024 * 1024


def verify_page(request):
    report, error = None, None
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
                    error = "No C/O with this number is in the register of this hub."
            else:
                error = "Paste the QR payload, upload the PDF, or type the C/O number."
        except (PayloadError, KeyError_) as exc:
            error = f"Unusable input: {exc}"
    return render(request, "certificates/verify.html", {"report": report, "error": error})


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
