"""State changes of a C/O application. Each one checks who may make it, writes a Transition (and so the audit log),
and is atomic: a failed step leaves the application as it was."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ftahub.certificates import service as certificates
from ftahub.tariffs.classify import ClassifyError, record
from ftahub.tariffs.models import ClassificationFeedback
from ftahub.transparency import ledger

from . import handoff, precheck
from .ecosys import Outcome, adapter
from .models import Application, Transition
from .turnaround import TARGET_HOURS, Calendar, parse_periods

S = Application.Status


class TransitionError(ValueError):
    """The change is not possible from the application's state, or its input is incomplete."""


def new_reference(province_code: str) -> str:
    year = timezone.localdate().year
    prefix = f"CO-{province_code}-{year}-"
    last = (Application.objects.filter(reference__startswith=prefix).order_by("-reference")
            .values_list("reference", flat=True).first())
    serial = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{serial:05d}"


LOGGED_DECISIONS = {S.CHANGES_REQUESTED, S.REJECTED, S.APPROVED}


def _stamp(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _move(app: Application, to: str, actor, comment: str = "", at: datetime.datetime | None = None) -> None:
    at = at or timezone.now()
    Transition.objects.create(application=app, at=at, actor=actor, from_status=app.status, to_status=to,
                              comment=comment)
    app.status = to
    _tell(app, to, comment)
    if to in LOGGED_DECISIONS:  # the officers' decisions go on the public log (no names, no comments)
        ledger.append({"kind": "co-decision", "ref": app.reference, "decision": to, "province": app.province.code,
                       "at": _stamp(at)})


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {
        "co_submitted": _("C/O application %(reference)s of %(enterprise)s is waiting for your review (target: "
                          "%(hours)s working hours from submission)."),
        "co_changes_requested": _("C/O application %(reference)s: the officer asks for changes: %(comment)s. Edit "
                                  "the application and submit it again."),
        "co_rejected": _("C/O application %(reference)s was rejected: %(comment)s"),
        "co_approved": _("C/O application %(reference)s is approved and handed off to eCoSys. The signed certificate "
                         "appears on the application once eCoSys has issued it."),
        "co_recorded": _("The certificate of origin for application %(reference)s is issued and signed: download "
                         "it from the application."),
        "co_revoked": _("The certificate of origin for application %(reference)s was revoked: %(comment)s"),
    }


def _tell(app: Application, to: str, comment: str) -> None:
    """On screen and by email: the province's C/O officers of a submission, the exporter's users of every
    decision on their application."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from ftahub.core import notices

    users = get_user_model().objects.filter(is_active=True)
    if to == S.SUBMITTED:
        people = users.filter(role="co_officer", province_id=app.province_id)
    elif to in (S.CHANGES_REQUESTED, S.REJECTED, S.APPROVED, S.RECORDED, S.REVOKED):
        people = users.filter(role="business", enterprise_id=app.enterprise_id)
    else:
        return
    params = {"reference": app.reference, "enterprise": app.enterprise.name, "comment": comment.strip(),
              "hours": int(TARGET_HOURS)}
    url = reverse("co-application", args=[app.reference])
    for person in people:
        notices.notify(person, f"co_{to}", url=url, params=params)


def can_review(user, app: Application) -> bool:
    if not user.is_authenticated or user.role not in ("co_officer", "administrator"):
        return False
    return user.is_national or user.province_id == app.province_id


def can_apply(user, app: Application) -> bool:
    return user.is_authenticated and user.role == "business" and user.enterprise_id == app.enterprise_id


def create(enterprise, user, **fields) -> Application:
    with transaction.atomic():
        app = Application(enterprise=enterprise, province=enterprise.province, created_by=user, **fields)
        app.reference = new_reference(enterprise.province.code)
        app.save()
        _move(app, S.DRAFT, user, at=app.created_at)
        Transition.objects.filter(application=app).update(from_status="")
    return app


def submit(app: Application, user) -> list[precheck.Finding]:
    """Submit for review if the pre-check finds no error; return the findings either way."""
    if not can_apply(user, app):
        raise PermissionDenied
    if not app.editable_by_applicant:
        raise TransitionError(f"an application that is {app.get_status_display()} cannot be submitted")
    findings = precheck.run(app)
    if precheck.errors(findings):
        return findings
    with transaction.atomic():
        _move(app, S.SUBMITTED, user)
        app.save(update_fields=["status"])
    return findings


def request_changes(app: Application, officer, comment: str) -> None:
    _decide(app, officer, S.CHANGES_REQUESTED, comment, needs_comment=True)


def reject(app: Application, officer, reason: str) -> None:
    _decide(app, officer, S.REJECTED, reason, needs_comment=True)


def approve(app: Application, officer, comment: str = "") -> dict:
    """Approve and produce the hand-off package (returned, and its SHA-256 kept on the application)."""
    findings = precheck.run(app)
    if precheck.errors(findings):
        raise TransitionError("the pre-check still finds errors: " + "; ".join(f.message for f in
                                                                              precheck.errors(findings)))
    with transaction.atomic():
        _decide(app, officer, S.APPROVED, comment, needs_comment=False, save=False)
        package = handoff.build(app, findings, officer, timezone.now())
        app.handoff_version = handoff.VERSION
        app.handoff_json = handoff.to_json(package).decode()
        app.handoff_sha256 = handoff.digest(package)
        app.save(update_fields=["status", "reviewer", "decision_comment", "handoff_version", "handoff_sha256",
                                "handoff_json"])
        _learn_classifications(app, officer)
        adapter().hand_off(package)
    return package


def _learn_classifications(app: Application, officer) -> None:
    """An approved item's HS code is a classification an officer confirmed: the assistant learns it for the
    province (items whose code is not an 8-digit line of the loaded tariff are left out)."""
    for item in app.items.all():
        try:
            record(item.description, item.hs_code, officer, app.province_id,
                   source=ClassificationFeedback.Source.CO)
        except ClassifyError:
            continue


def _decide(app, officer, to, comment, needs_comment, save=True) -> None:
    if not can_review(officer, app):
        raise PermissionDenied
    if app.status != S.SUBMITTED:
        raise TransitionError(f"only a submitted application can be decided (this one is {app.get_status_display()})")
    if needs_comment and not comment.strip():
        raise TransitionError("say what must change, or why it is rejected")
    with transaction.atomic():
        _move(app, to, officer, comment.strip())
        app.reviewer = officer
        app.decision_comment = comment.strip()
        if save:
            app.save(update_fields=["status", "reviewer", "decision_comment"])


def package_for(app: Application) -> dict:
    """The hand-off package as it was made at approval."""
    if not app.handoff_package:
        raise TransitionError("the application has not been approved")
    return app.handoff_package


def certificate_record(app: Application, outcome: Outcome) -> dict:
    """The C/O record to sign: what the officer approved, frozen in the hand-off package at approval (the exporter's
    name, tax code and address, the importer, transport, invoice and goods), with what eCoSys issued. Later edits of
    the enterprise or the application never reach a signed record."""
    approved = app.handoff_package
    if not approved:
        raise TransitionError("the application has not been approved")
    return {
        "co_number": outcome.co_number, "agreement": approved["agreement"], "form": approved["form"],
        "issued_on": outcome.issued_on.isoformat(), "issuer": outcome.issuing_body,
        "exporter": dict(approved["exporter"]),
        "importer": {"name": approved["importer"]["name"], "country": approved["importer"]["country"],
                     "address": approved["importer"]["address"]},
        "transport": dict(approved["transport"]),
        "destination": approved["importer"]["country"],
        "invoice": {"number": approved["invoice"]["number"], "date": approved["invoice"]["date"]},
        "items": [{"hs": i["hs"], "description": i["description"], "quantity": i["quantity"], "unit": i["unit"],
                   "fob": i["fob_usd"], "criterion": i["criterion"], "marks": i["marks"]}
                  for i in approved["items"]],
        "province": approved["province"]["code"], "ecosys_ref": app.reference,
    }


def record_outcome(app: Application, officer, entered: Outcome | None):
    """Record the certificate eCoSys issued, sign the C/O record and enter it in the register."""
    if not can_review(officer, app):
        raise PermissionDenied
    if app.status != S.APPROVED:
        raise TransitionError("only an approved application can have its certificate recorded")
    outcome = adapter().outcome(app.reference, entered)
    if outcome is None:
        raise TransitionError("eCoSys has not issued the certificate yet")
    outcome = _check_outcome(outcome)
    with transaction.atomic():
        cert = certificates.issue(certificate_record(app, outcome), app.agreement, app.province, app.enterprise,
                                  is_demo=app.is_demo)
        _move(app, S.RECORDED, officer, f"eCoSys C/O {outcome.co_number}")
        _attach(app, outcome, cert)
    return cert


def _attach(app: Application, outcome: Outcome, cert) -> None:
    """The application now stands for ``cert``, the C/O eCoSys issued as ``outcome``."""
    app.ecosys_number, app.ecosys_date, app.issuing_body = outcome.co_number, outcome.issued_on, outcome.issuing_body
    app.certificate = cert
    app.save(update_fields=["status", "ecosys_number", "ecosys_date", "issuing_body", "certificate"])


def _check_recorded(app: Application, officer, reason: str, done: str, act: str) -> None:
    """An officer may revoke or replace the application's recorded certificate, giving a reason."""
    if not can_review(officer, app):
        raise PermissionDenied
    if app.status != S.RECORDED or app.certificate is None:
        raise TransitionError(f"only a recorded certificate can be {done}")
    if not reason.strip():
        raise TransitionError(f"{act} needs a reason")


def revoke(app: Application, officer, reason: str) -> None:
    """Revoke the recorded certificate (after eCoSys revoked it): verification reports it from then on."""
    _check_recorded(app, officer, reason, "revoked", "a revocation")
    with transaction.atomic():
        certificates.revoke(app.certificate, reason)
        _move(app, S.REVOKED, officer, reason.strip())
        app.save(update_fields=["status"])


def replace(app: Application, officer, entered: Outcome, reason: str):
    """Record the replacement certificate eCoSys issued: a new signed record that names the one it replaces, which
    is marked superseded. The application then points to the replacement."""
    _check_recorded(app, officer, reason, "replaced", "a replacement")
    entered = _check_outcome(entered)
    old = app.certificate
    with transaction.atomic():
        record = {**certificate_record(app, entered), "replaces": old.co_number}
        new = certificates.issue(record, app.agreement, app.province, app.enterprise, is_demo=app.is_demo)
        certificates.revoke(old, reason, replacement=new)
        _move(app, S.RECORDED, officer, f"C/O {old.co_number} replaced by {new.co_number}: {reason.strip()}")
        _attach(app, entered, new)
    return new


def _check_outcome(outcome: Outcome) -> Outcome:
    if not outcome.co_number.strip() or not outcome.issuing_body.strip():
        raise TransitionError("the C/O number and the issuing organisation are required")
    if not certificates.valid_co_number(outcome.co_number.strip()):
        raise TransitionError("a C/O number has letters, digits, spaces, '/', '-', '.' or brackets (at most 50), "
                              "as eCoSys prints it")
    if outcome.issued_on > timezone.localdate():
        raise TransitionError("the date of issue cannot be in the future")
    if certificates.IssuedCertificate.objects.filter(co_number=outcome.co_number.strip()).exists():
        raise TransitionError(f"C/O number {outcome.co_number} is already recorded")
    return Outcome(outcome.co_number.strip(), outcome.issued_on, outcome.issuing_body.strip())


def calendar() -> Calendar:
    holidays = frozenset(datetime.date.fromisoformat(d.strip())
                         for d in getattr(settings, "FTAHUB_HOLIDAYS", "").split(",") if d.strip())
    return Calendar(periods=parse_periods(getattr(settings, "FTAHUB_WORKING_HOURS", "08:00-12:00,13:00-17:00")),
                    holidays=holidays)
