from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import access
from .forms import AccessRequestForm, EnterpriseForm
from .models import AccessRequest, Enterprise


@login_required
def profile(request):
    return render(request, "accounts/profile.html")


@login_required
def enterprise_list(request):
    enterprises = Enterprise.objects.visible_to(request.user).select_related("province")
    editable = set(Enterprise.objects.editable_by(request.user).values_list("pk", flat=True))
    return render(request, "accounts/enterprise_list.html", {"enterprises": enterprises, "editable": editable})


@login_required
def enterprise_edit(request, pk: int):
    """Province staff edit their province's enterprises; a business user edits their own. Others get 404."""
    enterprise = get_object_or_404(Enterprise.objects.editable_by(request.user), pk=pk)
    form = EnterpriseForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("enterprise-list")
    return render(request, "accounts/enterprise_edit.html", {"form": form, "enterprise": enterprise})


def access_request_new(request):
    """A business asks for an account (anyone may; the challenge keeps scripts out, a rate limit floods)."""
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = form.save()
        access.submitted(made)
        return render(request, "accounts/access_request_sent.html", {"made": made})
    return render(request, "accounts/access_request_form.html", {"form": form})


@login_required
def access_requests(request):
    """An administrator's list of requests of their province (every province for a national one)."""
    if not (request.user.is_national or request.user.role == "administrator"):
        raise PermissionDenied
    requests = AccessRequest.objects.visible_to(request.user).select_related("province", "decided_by")
    return render(request, "accounts/access_requests.html", {
        "pending": requests.filter(status=AccessRequest.Status.PENDING),
        "decided": requests.exclude(status=AccessRequest.Status.PENDING)[:50]})


ACCESS_ERRORS = {"taken": gettext_lazy("This user name was taken in the meantime: refuse the request and ask for "
                                       "another."),
                 "decided": gettext_lazy("This request was decided already."),
                 "no_reason": gettext_lazy("Say why the request is refused: the business reads it.")}


@login_required
@require_POST
def access_request_decide(request, pk: int):
    made = get_object_or_404(AccessRequest.objects.visible_to(request.user), pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            user = access.approve(made, request.user, request.build_absolute_uri("/").rstrip("/"))
            messages.success(request, _("Account %(user)s made; a link to choose a password was emailed to "
                                        "%(email)s.") % {"user": user.username, "email": made.email})
        else:
            access.refuse(made, request.user, request.POST.get("reason", ""))
            messages.success(request, _("Request refused; the business was told why by email."))
    except access.AccessError as exc:
        messages.error(request, str(ACCESS_ERRORS[exc.code]))
    return redirect("access-requests")
