"""The public content hub (listing, search, item pages, downloads) and the staff's editing desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ftahub.accounts.models import EDITOR_ROLES
from ftahub.agreements.models import TradeAgreement
from ftahub.core import fulltext

from .forms import ItemForm
from .models import Item


def item_list(request):
    items = Item.objects.published().select_related("province").prefetch_related("agreements")
    q = request.GET.get("q", "").strip()
    if q:
        ids = fulltext.ranked_ids("content_item", q, 200)
        order = {pk: i for i, pk in enumerate(ids)}
        items = sorted(items.filter(pk__in=ids), key=lambda item: order[item.pk])
    else:
        for name in ("kind",):
            if request.GET.get(name):
                items = items.filter(**{name: request.GET[name]})
        if request.GET.get("agreement"):
            items = items.filter(agreements__code=request.GET["agreement"])
        if request.GET.get("market"):
            items = items.filter(markets__iso2=request.GET["market"].upper())
        if request.GET.get("province", "").isdigit():  # a province code; anything else filters nothing (#18)
            items = items.filter(province__code=int(request.GET["province"]))
        items = items[:100]
    return render(request, "content/list.html", {
        "items": items, "q": q, "kinds": Item.Kind.choices, "kind": request.GET.get("kind", ""),
        "agreements": TradeAgreement.objects.order_by("code"), "agreement": request.GET.get("agreement", "")})


def _visible_item(request, pk: int) -> Item:
    item = Item.objects.filter(pk=pk).select_related("province").first()
    if item is None:
        raise Http404
    if item.status != Item.Status.PUBLISHED and not (request.user.is_authenticated and request.user.is_editor and
                                                     Item.objects.editable_by(request.user).filter(pk=pk).exists()):
        raise Http404  # drafts are seen only by the province's editors
    return item


def item_detail(request, pk: int):
    item = _visible_item(request, pk)
    response = render(request, "content/detail.html", {"item": item})
    if item.embed_url:  # the player is the one external frame the hub allows, on this page only
        from ftahub.core.middleware import CSP

        player = "https://www.youtube-nocookie.com" if "youtube" in item.embed_url else "https://player.vimeo.com"
        response.headers["Content-Security-Policy"] = CSP.replace("frame-src 'self'", f"frame-src 'self' {player}")
    return response


def item_download(request, pk: int):
    item = _visible_item(request, pk)
    if not item.file:
        raise Http404
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])


def _editor(request):
    if not request.user.has_role(EDITOR_ROLES):
        raise PermissionDenied


@login_required
def desk(request):
    _editor(request)
    return render(request, "content/desk.html", {"items": Item.objects.visible_to(request.user)[:200]})


@login_required
def edit(request, pk: int | None = None):
    _editor(request)
    item = get_object_or_404(Item.objects.editable_by(request.user), pk=pk) if pk else None
    form = ItemForm(request.POST or None, request.FILES or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        obj.province = form.cleaned_data.get("province") or (item.province if item else request.user.province)
        obj.author = obj.author or request.user
        if "file" in form.changed_data:
            obj.file_sha256 = ""
        obj.save()
        form.save_m2m()
        messages.success(request, _("Published.") if obj.status == Item.Status.PUBLISHED else _("Saved as a draft."))
        return redirect("content-desk")
    return render(request, "content/edit.html", {"form": form, "item": item})
