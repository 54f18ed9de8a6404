from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .forms import EnterpriseForm
from .models import Enterprise


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
