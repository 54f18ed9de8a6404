"""Public event pages and registration; tickets with check-in; the province staff's event desk."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ftahub.accounts.models import EDITOR_ROLES
from ftahub.core.exports import download

from . import service
from .forms import EventForm, RegistrationForm
from .models import HubEvent, Meeting, Registration


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def event_list(request):
    events = HubEvent.objects.filter(status__in=["published", "cancelled"]).select_related("province")
    upcoming = events.filter(ends_at__gte=timezone.now())
    past = events.filter(ends_at__lt=timezone.now()).order_by("-starts_at")[:20]
    return render(request, "events/list.html", {"upcoming": upcoming, "past": past})


def event_detail(request, pk: int):
    event = get_object_or_404(HubEvent.objects.exclude(status="draft"), pk=pk)
    form = RegistrationForm(request.POST or None, matchmaking=event.matchmaking)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "challenge"}
        try:
            registration = service.register(event, _base(request), **fields)
        except service.RegistrationError as exc:
            messages.error(request, str(exc))
        else:  # the ticket's link goes to the address only: opening it proves the address is theirs
            messages.success(request, _(
                "Almost done: we have sent a link to %(email)s. Open it within %(hours)s hours to confirm your "
                "registration; until then no place is held.") % {"email": registration.email,
                                                                   "hours": service.PENDING_HOURS})
            return redirect(reverse("event-detail", args=[event.pk]) + "?sent=1")
    confirmed = event.confirmed_count()
    return render(request, "events/detail.html", {
        "event": event, "form": form, "confirmed": confirmed, "left": max(0, event.capacity - confirmed),
        "waiting": event.registrations.filter(status="waitlisted").count()})


def event_ics(request, pk: int):
    event = get_object_or_404(HubEvent.objects.exclude(status="draft"), pk=pk)
    return HttpResponse(service.icalendar([event], _base(request), request.get_host()),
                        content_type="text/calendar; charset=utf-8")


def feed_ics(request):
    events = HubEvent.objects.exclude(status="draft").order_by("starts_at")
    return HttpResponse(service.icalendar(events, _base(request), request.get_host()),
                        content_type="text/calendar; charset=utf-8")


def _is_event_staff(user, event) -> bool:
    return user.is_authenticated and user.is_editor and (user.is_national or user.province_id == event.province_id)


def ticket(request, token: str):
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    event = registration.event
    meetings = []
    if event.matchmaking and registration.role != "visitor":
        meetings = Meeting.objects.filter(event=event).filter(
            exhibitor=registration).select_related("buyer") | Meeting.objects.filter(
            event=event, buyer=registration).select_related("exhibitor")
    position = None
    if registration.status == "waitlisted":
        position = event.registrations.filter(status="waitlisted", created_at__lte=registration.created_at).count()
    return render(request, "events/ticket.html", {
        "registration": registration, "event": event, "position": position, "meetings": meetings,
        "is_staff": _is_event_staff(request.user, event),
        "qr": reverse("event-ticket-qr", args=[token])})


def ticket_qr(request, token: str):
    registration = get_object_or_404(Registration, token=token)
    buffer = io.BytesIO()
    url = request.build_absolute_uri(reverse("event-ticket", args=[registration.token]))
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, border=2)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_POST
def ticket_confirm(request, token: str):
    registration = get_object_or_404(Registration, token=token)
    try:
        service.confirm(registration, _base(request))
    except service.RegistrationError as exc:
        messages.error(request, str(exc))
    return redirect("event-ticket", token)


@require_POST
def ticket_cancel(request, token: str):
    registration = get_object_or_404(Registration, token=token)
    service.cancel(registration, _base(request))
    messages.success(request, _("Your registration is cancelled."))
    return redirect("event-ticket", token)


@require_POST
def ticket_meeting(request, token: str, pk: int):
    registration = get_object_or_404(Registration, token=token)
    meeting = get_object_or_404(Meeting, pk=pk, event=registration.event)
    try:
        service.answer(meeting, registration, request.POST.get("accept") == "1")
    except service.RegistrationError as exc:
        messages.error(request, str(exc))
    return redirect("event-ticket", token)


@login_required
@require_POST
def ticket_check_in(request, token: str):
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    if not _is_event_staff(request.user, registration.event):
        raise PermissionDenied
    try:
        first = service.check_in(registration)
    except service.RegistrationError as exc:
        messages.error(request, str(exc))
    else:
        if first:
            messages.success(request, _("%(name)s checked in.") % {"name": registration.name})
        else:
            messages.warning(request, _("%(name)s was already checked in.") % {"name": registration.name})
    return redirect("event-ticket", token)


# -- staff ---------------------------------------------------------------------------------------------------------

def _staff(request):
    if not request.user.has_role(EDITOR_ROLES):
        raise PermissionDenied


@login_required
def manage(request):
    _staff(request)
    return render(request, "events/manage.html", {"events": HubEvent.objects.visible_to(request.user)})


@login_required
def manage_edit(request, pk: int | None = None):
    _staff(request)
    event = get_object_or_404(HubEvent.objects.editable_by(request.user), pk=pk) if pk else None
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        obj.province = form.cleaned_data.get("province") or request.user.province
        obj.save()
        return redirect("event-manage-detail", obj.pk)
    return render(request, "events/edit.html", {"form": form, "event": event})


@login_required
def manage_detail(request, pk: int):
    _staff(request)
    event = get_object_or_404(HubEvent.objects.visible_to(request.user), pk=pk)
    registrations = event.registrations.all()
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return _attendees(event, registrations, fmt)
    if request.method == "POST":
        if request.POST.get("action") == "propose":
            count = service.propose(event)
            messages.success(request, _("%(n)s new meeting proposal(s).") % {"n": count})
        elif request.POST.get("action") == "schedule":
            try:
                unplaced = service.schedule(event)
            except ValueError:
                messages.error(request, _("Set the meeting length to between 5 and 240 minutes first."))
            else:
                messages.success(request, _("Meetings scheduled; %(n)s could not be placed.") % {"n": unplaced})
        return redirect("event-manage-detail", pk)
    return render(request, "events/manage_detail.html", {
        "event": event, "registrations": registrations,
        "checked_in": registrations.filter(checked_in_at__isnull=False).count(),
        "meetings": event.meetings.select_related("exhibitor", "buyer").order_by("starts_at", "table", "-score")})


COLUMNS = ["name", "email", "organisation", "country", "phone", "role", "status", "created_at", "checked_in_at"]


def _attendees(event, registrations, fmt: str) -> HttpResponse:
    rows = [[str(getattr(r, c) or "") for c in COLUMNS] for r in registrations]
    return download(fmt, COLUMNS, rows, f"event-{event.pk}-attendees")


