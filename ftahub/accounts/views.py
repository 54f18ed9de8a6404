from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import access, team
from .forms import AccessRequestForm, EnterpriseForm, InvitationForm
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


TEAM_ERRORS = {"taken": gettext_lazy("This user name was taken in the meantime: choose another."),
               "self": gettext_lazy("You cannot close your own account here."),
               "signed_in": gettext_lazy("This colleague has signed in already: they can reset their password "
                                         "from the sign-in page."),
               "last_manager": gettext_lazy("Someone must manage the team: make another colleague a manager first.")}


@login_required
def team_page(request):
    """A business user's colleagues; who manages the team invites, resends invitations, closes and reopens."""
    members = team.members(request.user)
    manages = team.can_manage(request.user)
    form = InvitationForm(request.POST or None) if manages else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = team.invite(request.user, data["username"], data["full_name"], data["email"],
                               data["manages_team"], request.build_absolute_uri("/").rstrip("/"))
        except team.TeamError as exc:
            messages.error(request, str(TEAM_ERRORS[exc.code]))
        else:
            messages.success(request, _("%(user)s is invited: a link to choose a password was emailed to %(email)s.")
                             % {"user": user.username, "email": user.email})
            return redirect("enterprise-team")
    elif request.method == "POST" and form is None:
        raise PermissionDenied
    return render(request, "accounts/team.html", {"members": members, "manages": manages, "form": form})


@login_required
@require_POST
def team_member(request, pk: int):
    colleague = get_object_or_404(team.members(request.user), pk=pk)
    action = request.POST.get("action", "")
    done = {"resend": _("The invitation was sent again to %(email)s."),
            "close": _("The account of %(user)s is closed: it can no longer sign in."),
            "reopen": _("The account of %(user)s is open again."),
            "make_manager": _("%(user)s now manages the team too."),
            "not_manager": _("%(user)s no longer manages the team.")}
    if action not in done:
        messages.error(request, _("Choose what to do with this account."))
        return redirect("enterprise-team")
    try:
        if action == "resend":
            team.resend(request.user, colleague, request.build_absolute_uri("/").rstrip("/"))
        elif action in ("close", "reopen"):
            team.set_active(request.user, colleague, action == "reopen")
        else:
            team.set_manager(request.user, colleague, action == "make_manager")
    except team.TeamError as exc:
        messages.error(request, str(TEAM_ERRORS[exc.code]))
    else:
        messages.success(request, done[action] % {"user": colleague.username, "email": colleague.email})
    return redirect("enterprise-team")


