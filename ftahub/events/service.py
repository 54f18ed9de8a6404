"""Registration with capacity and waitlist (promotion in order when a place frees), confirmation emails with a QR
ticket, check-in, iCalendar, and B2B matchmaking with non-overlapping meeting slots.

A registration starts *pending*: it holds no place, and the only email it causes asks the address's owner to confirm,
with no text the registrant typed (#18: the hub must not mail a stranger's words to any address). The ticket link
goes only to that address, so opening it proves the address; confirming takes a place or a waiting-list number, and
only then does the ticket email follow. Pending registrations are dropped after ``PENDING_HOURS``."""

import datetime
import io
from collections import defaultdict

import segno
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ftahub.common import hscode
from ftahub.core import audit

from .models import HubEvent, Meeting, Registration

R = Registration.Status


class RegistrationError(ValueError):
    pass


def ticket_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=5, border=2)
    return buffer.getvalue()


PENDING_HOURS = 48


def _send(registration: Registration, base_url: str, promoted: bool = False) -> None:
    event = registration.event
    ticket = base_url + reverse("event-ticket", args=[registration.token])
    facts = {"event": event.display_title, "venue": event.venue, "ticket": ticket, "hours": PENDING_HOURS,
             "when": f"{timezone.localtime(event.starts_at):%d/%m/%Y %H:%M}"}
    if registration.status == R.PENDING:  # nothing the registrant typed: the address's owner may not be them
        subject = _("Confirm your registration: %(event)s") % facts
        body = _("Someone asked to register this email address for %(event)s (%(venue)s, %(when)s).\n\n"
                 "If it was you, open this link within %(hours)s hours and confirm: %(ticket)s\n\n"
                 "If it was not you, ignore this email: nothing else will be sent.\n\nFTA Hub") % facts
    elif registration.status == R.CONFIRMED:
        subject = (_("Promoted from the waiting list: %(event)s") if promoted
                   else _("Registration confirmed: %(event)s")) % facts
        body = _("Dear %(name)s,\n\nYour place at %(event)s (%(venue)s, %(when)s) is confirmed. Show the attached QR "
                 "code at the entrance, or open your ticket: %(ticket)s\n\nTo cancel: %(ticket)s\n\nFTA Hub") % {
            **facts, "name": registration.name}
    else:
        facts["position"] = event.registrations.filter(status=R.WAITLISTED,
                                                       created_at__lte=registration.created_at).count()
        subject = _("On the waiting list (position %(position)s): %(event)s") % facts
        body = _("Dear %(name)s,\n\n%(event)s is full; you are number %(position)s on the waiting list. If a place "
                 "frees, you get it automatically and we email you the ticket.\n\nYour registration: %(ticket)s"
                 "\n\nFTA Hub") % {**facts, "name": registration.name}
    message = EmailMultiAlternatives(subject, body, None, [registration.email])
    if registration.status == R.CONFIRMED:
        message.attach("ticket.png", ticket_png(ticket), "image/png")
    message.send()


def register(event: HubEvent, base_url: str, **fields) -> Registration:
    """A pending registration, and the email that asks its address to confirm. One active registration per email
    per event."""
    with transaction.atomic():
        event = HubEvent.objects.select_for_update().get(pk=event.pk)  # serialises registrations of the event
        if not event.registration_open:
            raise RegistrationError(_("Registration for this event is closed."))
        email = fields["email"].strip().lower()
        if event.registrations.filter(email__iexact=email).exclude(status=R.CANCELLED).exists():
            raise RegistrationError(_("This email address is already registered for this event. The link to "
                                      "your registration is in the email the hub sent to it."))
        registration = Registration.objects.create(event=event, status=R.PENDING, **{**fields, "email": email})
    _send(registration, base_url)
    return registration


def confirm(registration: Registration, base_url: str) -> Registration:
    """The address is confirmed (its owner opened the link): a place while places remain, else the waiting list."""
    with transaction.atomic():
        event = HubEvent.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != R.PENDING:
            return registration
        if not event.registration_open:
            raise RegistrationError(_("Registration for this event is closed."))
        registration.status = R.CONFIRMED if event.confirmed_count() < event.capacity else R.WAITLISTED
        registration.save(update_fields=["status"])
    _send(registration, base_url)
    return registration


def drop_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete registrations nobody confirmed within ``PENDING_HOURS`` (run by the worker's housekeeping)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=PENDING_HOURS)
    deleted, _rows = Registration.objects.filter(status=R.PENDING, created_at__lt=cutoff).delete()
    return deleted


def cancel(registration: Registration, base_url: str) -> Registration | None:
    """Cancel; if the registration held a place, the first on the waiting list gets it. Returns who was promoted."""
    with transaction.atomic():
        event = HubEvent.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == R.CANCELLED:
            return None
        held_place = registration.status == R.CONFIRMED
        registration.status, registration.cancelled_at = R.CANCELLED, timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = None
        if held_place and event.confirmed_count() < event.capacity:
            promoted = event.registrations.filter(status=R.WAITLISTED).order_by("created_at", "id").first()
            if promoted:
                promoted.status, promoted.promoted_at = R.CONFIRMED, timezone.now()
                promoted.save(update_fields=["status", "promoted_at"])
    if promoted:
        _send(promoted, base_url, promoted=True)
    return promoted


def check_in(registration: Registration) -> bool:
    """Mark arrival; False if it was already checked in. Only a confirmed registration may check in."""
    if registration.status != R.CONFIRMED:
        raise RegistrationError(
            _("This registration is %(status)s.") % {"status": registration.get_status_display()})
    updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=timezone.now())
    if updated:  # the conditional update keeps a double scan from checking in twice; the audit log records it (#18)
        audit.record("update", "events.registration", object_pk=registration.pk,
                     object_repr=f"checked in: {registration.name}"[:200],
                     changes={"checked_in_at": [None, timezone.now().isoformat()]},
                     province_id=registration.event.province_id)
    return bool(updated)


# -- iCalendar (RFC 5545) --------------------------------------------------------------------------------------------

def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    data, out = line.encode(), []
    while len(data) > 75:
        cut = 75
        while (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 character
            cut -= 1
        out.append(data[:cut].decode())
        data = b" " + data[cut:]
    out.append(data.decode())
    return "\r\n".join(out)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def icalendar(events, base_url: str, host: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//FTA Hub//Events//EN", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:FTA Hub"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:event-{event.pk}@{host}", f"DTSTAMP:{_utc(timezone.now())}",
                  f"DTSTART:{_utc(event.starts_at)}", f"DTEND:{_utc(event.ends_at)}",
                  f"SUMMARY:{_escape(event.title + (' (demo)' if event.is_demo and '(demo)' not in event.title else ''))}",
                  f"LOCATION:{_escape(event.venue)}", f"DESCRIPTION:{_escape(event.description[:1000])}",
                  f"URL:{base_url}{reverse('event-detail', args=[event.pk])}",
                  f"STATUS:{'CANCELLED' if event.status == HubEvent.Status.CANCELLED else 'CONFIRMED'}",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


# -- B2B matchmaking -------------------------------------------------------------------------------------------------

def _codes(text: str) -> list[str]:
    return [c for c in (hscode.compact(part) for part in text.replace(";", ",").split(","))
            if len(c) >= 2 and c.isdigit()]


def _markets(text: str) -> set[str]:
    return {m.strip().upper() for m in text.replace(";", ",").split(",") if m.strip()}


def fit(exhibitor: Registration, buyer: Registration) -> tuple[float, list[str]]:
    """How well a seller's products and markets fit a buyer: HS codes in common (same 6 digits 3 points, heading 2,
    chapter 1, the best pair counting) plus 1 when the buyer's country is one of the seller's markets."""
    best, reason = 0, ""
    for a in _codes(exhibitor.hs_codes):
        for b in _codes(buyer.hs_codes):
            for digits, points in ((6, 3), (4, 2), (2, 1)):
                if len(a) >= digits and len(b) >= digits and a[:digits] == b[:digits]:
                    if points > best:
                        best, reason = points, f"HS {a[:digits]}"
                    break
    reasons = [reason] if reason else []
    score = float(best)
    if best and buyer.country and buyer.country.upper() in _markets(exhibitor.markets):
        score += 1
        reasons.append(f"market {buyer.country.upper()}")
    return score, reasons


def propose(event: HubEvent, per_participant: int = 5) -> int:
    """(Re)compute proposals: every exhibitor-buyer pair with some fit, the best ``per_participant`` of each side.
    Existing proposals keep their answers."""
    active = event.registrations.filter(status=R.CONFIRMED)
    exhibitors, buyers = list(active.filter(role="exhibitor")), list(active.filter(role="buyer"))
    pairs = []
    for e in exhibitors:
        for b in buyers:
            score, reasons = fit(e, b)
            if score > 0:
                pairs.append((score, e, b, reasons))
    pairs.sort(key=lambda p: (-p[0], p[1].pk, p[2].pk))
    taken, created = defaultdict(int), 0
    for score, e, b, reasons in pairs:
        if taken[e.pk] >= per_participant or taken[b.pk] >= per_participant:
            continue
        taken[e.pk] += 1
        taken[b.pk] += 1
        _, made = Meeting.objects.update_or_create(event=event, exhibitor=e, buyer=b, defaults={
            "score": score, "reasons": ", ".join(reasons)})
        created += made
    return created


def answer(meeting: Meeting, registration: Registration, accept: bool) -> None:
    if registration.pk == meeting.exhibitor_id:
        meeting.exhibitor_accepted = accept
    elif registration.pk == meeting.buyer_id:
        meeting.buyer_accepted = accept
    else:
        raise RegistrationError(_("This meeting is not yours."))
    meeting.save(update_fields=["exhibitor_accepted", "buyer_accepted"])


def schedule(event: HubEvent) -> int:
    """Give every confirmed meeting a slot and a table: nobody is in two meetings at once, no table holds two
    meetings at once; best-fitting meetings first, earliest slot that fits. Returns how many got no slot."""
    meetings = list(event.meetings.filter(exhibitor_accepted=True, buyer_accepted=True).order_by("-score", "id"))
    if not 5 <= event.slot_minutes <= 240:  # a 0-minute slot never reached the end of the event (#18)
        raise ValueError("a meeting lasts from 5 to 240 minutes")
    slot = datetime.timedelta(minutes=event.slot_minutes)
    slots = []
    at = event.starts_at
    while at + slot <= event.ends_at:
        slots.append(at)
        at += slot
    busy, tables_used = defaultdict(set), defaultdict(int)
    unplaced = 0
    with transaction.atomic():
        for meeting in meetings:
            for index, start in enumerate(slots):
                people = {meeting.exhibitor_id, meeting.buyer_id}
                if people & busy[index] or tables_used[index] >= event.tables:
                    continue
                busy[index] |= people
                tables_used[index] += 1
                meeting.starts_at, meeting.table = start, tables_used[index]
                break
            else:
                meeting.starts_at, meeting.table = None, None
                unplaced += 1
            meeting.save(update_fields=["starts_at", "table"])
    return unplaced
