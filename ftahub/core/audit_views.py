from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from .models import AuditEntry


@login_required
def audit_log(request):
    """Administrators see every entry; officers see their province's; others may not look."""
    user = request.user
    if user.is_national:
        entries = AuditEntry.objects.all()
    elif user.role in {"co_officer", "fa_officer", "administrator"} and user.province_id:
        entries = AuditEntry.objects.filter(province_id=user.province_id)
    else:
        raise PermissionDenied
    page = Paginator(entries.select_related("province"), 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page})
