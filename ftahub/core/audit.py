"""The append-only audit log: every create, update and delete of the hub's own records, with the acting user.

The acting user comes from the request (AuditActorMiddleware) or from a management command (``acting_as``).
Bulk reference loads write one LOAD entry with their counts instead of one entry per row.
"""

import contextvars
import datetime
import decimal
import uuid
from contextlib import contextmanager

from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete, post_save, pre_save

_actor: contextvars.ContextVar = contextvars.ContextVar("ftahub_audit_actor", default=None)
_actor_name: contextvars.ContextVar = contextvars.ContextVar("ftahub_audit_actor_name", default="")

AUDITED_APP_PREFIX = "ftahub."
NOT_AUDITED = {"core.auditentry"}
SECRET_FIELDS = {"password"}


@contextmanager
def acting_as(user=None, name: str = ""):
    token = _actor.set(user if user is not None and getattr(user, "is_authenticated", False) else None)
    token_name = _actor_name.set(name or (user.get_username() if token and user is not None else ""))
    try:
        yield
    finally:
        _actor.reset(token)
        _actor_name.reset(token_name)


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (bytes, memoryview)):
        return f"<{len(value)} bytes>"
    return value


def _snapshot(instance) -> dict:
    """The record's fields as plain values; secrets (passwords, and the fields a model names in
    ``audit_secret_fields``, such as the link tokens that let their holder act) are never written."""
    secret = SECRET_FIELDS | set(getattr(instance, "audit_secret_fields", ()))
    data = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        data[field.attname] = "***" if field.name in secret else _plain(value)
    return data


def _is_audited(sender) -> bool:
    meta = sender._meta
    return (
        sender.__module__.startswith(AUDITED_APP_PREFIX)
        and meta.label_lower not in NOT_AUDITED
        and not meta.auto_created
        and not getattr(sender, "audit_exempt", False)
    )


def _province_id(instance):
    if instance._meta.label_lower == "places.province":
        return None
    return getattr(instance, "province_id", None)


def record(action: str, model: str, object_pk="", object_repr="", changes=None, province_id=None) -> None:
    from django.conf import settings
    from django.utils import translation

    from .models import AuditEntry

    # the record's name is kept as written, so it is written in the hub's language whoever writes (a page in English,
    # a command with translations off): the log's readers are the province's officers
    with translation.override(settings.LANGUAGE_CODE):
        object_repr = str(object_repr)
    AuditEntry.objects.create(
        actor=_actor.get(),
        actor_name=_actor_name.get() or "",
        action=action,
        model=model,
        object_pk=str(object_pk or ""),
        object_repr=str(object_repr)[:200],
        changes=changes or {},
        province_id=province_id,
    )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or not _is_audited(sender) or instance.pk is None:
        return
    try:
        old = sender._base_manager.get(pk=instance.pk)
    except sender.DoesNotExist:
        return
    instance._audit_before = _snapshot(old)


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw or not _is_audited(sender):
        return
    after = _snapshot(instance)
    if created:
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "")}
        action = "create"
    else:
        before = getattr(instance, "_audit_before", {})
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes:
            return
        action = "update"
    record(action, sender._meta.label_lower, instance.pk, instance, changes, _province_id(instance))


def _after_delete(sender, instance, **kwargs):
    if not _is_audited(sender):
        return
    record("delete", sender._meta.label_lower, instance.pk, instance, {k: [v, None] for k, v in _snapshot(instance).items()},
           _province_id(instance))


def connect() -> None:
    pre_save.connect(_before_save, dispatch_uid="ftahub_audit_pre_save")
    post_save.connect(_after_save, dispatch_uid="ftahub_audit_post_save")
    post_delete.connect(_after_delete, dispatch_uid="ftahub_audit_post_delete")
