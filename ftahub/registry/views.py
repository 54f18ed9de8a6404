"""Staff pages of the registry: one set of generic pages (list with search and filters, edit, export, import with
preview) driven by ``kinds.KINDS``, and the overview with what is due."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ftahub.accounts.models import EDITOR_ROLES
from ftahub.core import uploads
from ftahub.core.exports import download

from . import files, service
from .forms import form_class
from .kinds import KINDS, search
from .models import Agreement, FollowUp

STAFF = EDITOR_ROLES | {"statistician"}  # may read the registry; foreign-affairs officers edit it


def _staff(request):
    if not request.user.has_role(STAFF):
        raise PermissionDenied(_("The registry is for the province's staff."))


def _kind(slug: str):
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404
    return kind


def _can_edit(user) -> bool:
    return user.has_role(EDITOR_ROLES)


def due(user, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    expiring = [a for a in Agreement.objects.visible_to(user).filter(status=Agreement.Status.SIGNED,
                                                                      expires_on__isnull=False)
                if a.expires_on <= today + datetime.timedelta(days=a.remind_days)]
    tasks = FollowUp.objects.visible_to(user).filter(done=False, due_on__lte=today + datetime.timedelta(days=7))
    return {"expiring": expiring, "tasks": tasks.select_related("owner"), "today": today}


@login_required
def index(request):
    _staff(request)
    counts = [(kind, kind.model.objects.visible_to(request.user).count()) for kind in KINDS.values()]
    return render(request, "registry/index.html", {"counts": counts, "can_edit": _can_edit(request.user),
                                                   **due(request.user)})


@login_required
def record_list(request, slug: str):
    _staff(request)
    kind = _kind(slug)
    records = search(kind.model.objects.visible_to(request.user), kind, request.GET.get("q"))
    active = {}
    for name in kind.filters:
        value = request.GET.get(name, "")
        if value:
            records = records.filter(**{name: value})
            active[name] = value
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return download(fmt, files.header(kind), files.rows(records, kind),
                        f"{kind.slug}-{timezone.localdate().isoformat()}", sheet_title=kind.slug)
    model_fields = {f.name: f for f in kind.model._meta.get_fields()}
    filters = [(name, model_fields[name].verbose_name, model_fields[name].choices, active.get(name, ""))
               for name in kind.filters]
    columns = [(name, model_fields[name].verbose_name) for name in kind.columns]
    table = [(obj, [_display(obj, name) for name in kind.columns]) for obj in records[:500]]
    return render(request, "registry/list.html", {"kind": kind, "table": table, "columns": columns,
                                                  "filters": filters, "q": request.GET.get("q", ""),
                                                  "count": records.count(), "can_edit": _can_edit(request.user)})


def _display(obj, name: str):
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "—" if value in (None, "") else value


@login_required
def record_edit(request, slug: str, pk: int | None = None):
    _staff(request)
    if not _can_edit(request.user):
        raise PermissionDenied
    kind = _kind(slug)
    instance = get_object_or_404(kind.model.objects.editable_by(request.user), pk=pk) if pk else None
    Form = form_class(kind, request.user)
    form = Form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        if not request.user.is_national:
            obj.province = request.user.province
        service.save_record(obj)
        messages.success(request, _("Saved."))
        return redirect("registry-list", slug)
    return render(request, "registry/edit.html", {"kind": kind, "form": form, "instance": instance})


@login_required
@require_POST
def record_delete(request, slug: str, pk: int):
    _staff(request)
    if not _can_edit(request.user):
        raise PermissionDenied
    kind = _kind(slug)
    obj = get_object_or_404(kind.model.objects.editable_by(request.user), pk=pk)
    from django.db.models import ProtectedError

    try:
        obj.delete()
        messages.success(request, _("Deleted."))
    except ProtectedError:
        messages.error(request, _("Other records refer to this one; it cannot be deleted."))
    return redirect("registry-list", slug)


def _unstash(token: str) -> bytes:
    data = uploads.unstash(token)
    if data is None:
        raise files.FileError("the previewed file is gone: upload it again")
    return data


@login_required
def record_import(request, slug: str):
    _staff(request)
    if not _can_edit(request.user):
        raise PermissionDenied
    kind = _kind(slug)
    session_key = f"registry-import-{slug}"
    result = None
    if request.method == "POST" and "file" in request.FILES:
        upload = request.FILES["file"]
        if upload.size > 5 * 1024 * 1024:
            messages.error(request, _("The file is larger than 5 MB."))
        else:
            data = upload.read()
            try:
                result = files.preview(kind, request.user, upload.name, data)
            except files.FileError as exc:
                messages.error(request, str(exc))
            else:
                request.session[session_key] = {"name": upload.name, "token": uploads.stash([data])}
    elif request.method == "POST" and request.session.get(session_key):
        stored = request.session.pop(session_key)
        try:
            result = files.preview(kind, request.user, stored["name"], _unstash(stored["token"]))
            count = files.apply(kind, request.user, result, only_good=request.POST.get("only_good") == "1")
        except files.FileError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(n)s record(s) written.") % {"n": count})
            return redirect("registry-list", slug)
        result = None
    return render(request, "registry/import.html", {"kind": kind, "result": result})
