"""Who may use the support centre (joins the hub's authorisation matrix): anyone reads the FAQ, asks, and follows a
question by its link; a business sees its own questions; the province's officers run the advice desk; staff read
the action plans, editors (foreign-affairs officers, administrators) keep them; certificates verify publicly."""

import datetime

from ftahub.core.tests.roles import EDITORS, EVERYONE, SIGNED_IN

OFFICERS_X = {"officer_x", "fa_x", "admin"}


def world(w) -> None:
    from ftahub.support.models import Plan, Question

    w.question = Question.objects.create(province=w.enterprise_a.province, asker=w.users["business_a"],
                                         enterprise=w.enterprise_a, name="A", email="a@demo.invalid",
                                         topic="origin", title="Matrix question", body="?")
    w.plan = Plan.objects.create(province=w.enterprise_a.province, title="Matrix plan",
                                 starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31))
    w.task = w.plan.tasks.create(title="T", department="D", deadline=datetime.date(2026, 12, 1))
    w.indicator = w.plan.indicators.create(name="I")
    w.report = w.plan.reports.create(period="quarter", starts_on=datetime.date(2026, 1, 1),
                                     ends_on=datetime.date(2026, 3, 31))


STAFF_X = {"officer_x", "fa_x", "statistician", "admin"}
PAGES = {
    "support-home": (None, EVERYONE), "support-ask": (None, EVERYONE),
    "support-follow": (lambda w: {"token": w.question.token}, EVERYONE),
    "support-questions": (None, SIGNED_IN),
    "support-question": (lambda w: {"pk": w.question.pk}, {"business_a"} | OFFICERS_X),
    "support-dashboard": (None, {"officer_x", "officer_y", "fa_x", "fa_y", "statistician", "admin"}),
    "support-plans": (None, SIGNED_IN - {"business_a", "business_b"}),
    "support-plan-new": (None, EDITORS - {"admin"}),  # an editor of a province (the national admin has none)
    "support-plan": (lambda w: {"pk": w.plan.pk}, STAFF_X),
    "support-plan-edit": (lambda w: {"pk": w.plan.pk}, {"fa_x", "admin"}),
    "support-report-new": (lambda w: {"pk": w.plan.pk}, {"fa_x", "admin"}),
    "support-report-file": (lambda w: {"pk": w.report.pk, "fmt": "pdf"}, STAFF_X),
    "support-task": (lambda w: {"pk": w.task.pk}, STAFF_X),
    "support-indicator": (lambda w: {"pk": w.indicator.pk}, STAFF_X),
    "support-attendance": (lambda w: {"token": "no-such"}, set()),
    "support-attendance-pdf": (lambda w: {"token": "no-such"}, set()),
    "support-attendance-qr": (lambda w: {"token": "no-such"}, set()),
}
POSTS = {"support-certify": "ftahub/support/tests/test_support.py::test_a_training_gives_verifiable_certificates"}
API_PUBLIC = {"/api/v1/support/faq"}
API_SIGNED_IN = {"/api/v1/support/questions", "/api/v1/support/plans/{pk}"}
