"""The support centre as its users meet it: a lychee exporter asks about Japan; the desk assigns, forwards, answers;
the exporter rates; the officer publishes the FAQ entry; overdue answers are reminded; an EVFTA action plan's
quarterly report takes its figures from the hub; a training's attendees receive certificates anyone can verify."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ftahub.conftest import solved_challenge
from ftahub.support import service
from ftahub.support.models import Indicator, Plan, Question, Report

pytestmark = pytest.mark.django_db


def test_a_question_is_asked_assigned_forwarded_answered_rated_and_published(make, client, client_for):
    officer = make.user("fa_officer", 24, email="officer@example.invalid")
    colleague = make.user("co_officer", 24)
    url = reverse("support-ask")
    mail.outbox.clear()
    page = client.post(url, {**solved_challenge(client, url), "name": "Nguyễn Văn A", "email": "a@example.invalid",
                             "province": officer.province.pk, "kind": "question", "topic": "origin",
                             "title": "Vải thiều sang Nhật", "body": "Dùng C/O nào cho vải thiều sang Nhật Bản?",
                             "hs_codes": "0810.90", "market": "Nhật Bản"})
    assert page.status_code == 302
    question = Question.objects.get(title="Vải thiều sang Nhật")
    assert (question.market, question.hs_codes) == ("JP", "081090")
    assert question.due_at > timezone.now()
    assert any("a@example.invalid" in m.to for m in mail.outbox)  # the link to follow it
    assert any("officer@example.invalid" in m.to for m in mail.outbox)  # the desk is told
    desk = client_for(officer)
    detail = reverse("support-question", args=[question.pk])
    assert desk.post(detail, {"action": "assign", "assignee": colleague.pk}).status_code == 302
    assert desk.post(detail, {"action": "forward", "department": "Sở Nông nghiệp", "days": 3}).status_code == 302
    question.refresh_from_db()
    assert question.status == "forwarded" and question.department == "Sở Nông nghiệp"
    # publishing before an answer is refused
    desk.post(detail, {"action": "publish", "faq_question": "Q", "faq_answer": "A"})
    assert not Question.objects.get(pk=question.pk).published
    mail.outbox.clear()
    assert desk.post(detail, {"action": "answer", "answer": "Dùng C/O mẫu VJ hoặc CPTPP tùy quy tắc."}).status_code == 302
    assert [m.to for m in mail.outbox] == [["a@example.invalid"]]
    follow = reverse("support-follow", args=[question.token])
    assert "mẫu VJ" in client.get(follow).content.decode()
    client.post(follow, {"rating": 5, "comment": "rõ ràng"})
    question.refresh_from_db()
    assert (question.rating, question.status) == (5, "closed")
    desk.post(detail, {"action": "publish", "faq_question": "C/O nào cho vải thiều sang Nhật Bản?",
                       "faq_answer": "Dùng C/O mẫu VJ hoặc CPTPP tùy quy tắc."})
    faq = client.get(reverse("support-home"), {"q": "vai thieu"}).content.decode()
    assert "C/O nào cho vải thiều sang Nhật Bản?" in faq and "Nguyễn Văn A" not in faq
    assert [x["question"] for x in client.get("/api/v1/support/faq?q=nhat").json()] == [
        "C/O nào cho vải thiều sang Nhật Bản?"]
    # another province's officer cannot act on it
    other = client_for(make.user("fa_officer", 1))
    assert other.post(detail, {"action": "answer", "answer": "x"}).status_code == 404
    steps = [s.kind for s in question.steps.all()]
    assert steps == ["asked", "assigned", "forwarded", "answered", "rated", "published"]


def test_an_overdue_answer_is_reminded_once(make):
    officer = make.user("fa_officer", 24)
    question = service.ask(name="B", email="b@example.invalid", province=officer.province, topic="co", title="Late",
                           body="?")
    service.assign(question, officer, officer)
    later = question.due_at + datetime.timedelta(minutes=1)
    assert service.remind_overdue(later) == 1 and service.remind_overdue(later) == 0
    assert officer.notifications.filter(kind="question_overdue").count() == 1


def test_due_dates_count_working_days():
    monday = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0))
    due = service.due_after(monday, 5)
    assert timezone.localtime(due).date() == datetime.date(2026, 12, 7)  # five working days: the next Monday


def test_a_quarterly_report_takes_its_figures_from_the_hub(make, client_for):
    from ftahub.agreements.models import TradeAgreement
    from ftahub.certificates import service as certificates

    officer = make.user("fa_officer", 24)
    enterprise = make.enterprise(24)
    evfta = TradeAgreement.objects.get(code="EVFTA")
    certificates.key_ring().generate("test", datetime.date(2026, 1, 1))
    for n in range(3):
        certificates.issue({"co_number": f"EVFTA-{n}", "agreement": "EVFTA", "form": "EUR.1",
                            "issued_on": "2026-02-1" + str(n), "items": []}, evfta, enterprise.province, enterprise)
    certificates.issue({"co_number": "CPTPP-1", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-02-11",
                        "items": []}, TradeAgreement.objects.get(code="CPTPP"), enterprise.province, enterprise)
    plan = Plan.objects.create(province=officer.province, title="Kế hoạch EVFTA", starts_on=datetime.date(2026, 1, 1),
                               ends_on=datetime.date(2027, 12, 31))
    for i, dept in enumerate(["Sở Công Thương", "Sở Ngoại vụ", "Sở Nông nghiệp"]):
        plan.tasks.create(title=f"Nhiệm vụ {i}", department=dept, deadline=datetime.date(2026, 3, 1),
                          status="done" if i == 0 else "running")
    co = Indicator.objects.create(plan=plan, name="C/O EVFTA", source="co_issued", agreement=evfta, target=10)
    reported = Indicator.objects.create(plan=plan, name="Tận dụng ưu đãi", source="reported", unit="%")
    desk = client_for(officer)
    assert desk.post(reverse("support-indicator", args=[reported.pk]),
                     {"period_end": "2026-03-31", "value": "37.5"}).status_code == 302
    assert desk.post(reverse("support-indicator", args=[co.pk]), {"period_end": "2026-03-31",
                                                                  "value": "99"}).status_code == 403
    page = desk.post(reverse("support-report-new", args=[plan.pk]), {
        "period": "quarter", "number_of_period": 1, "year": 2026, "number": "12/BC-SCT",
        "recipients": "Bộ Công Thương; Bộ Ngoại giao", "summary": "Đã triển khai.", "difficulties": "",
        "proposals": ""})
    assert page.status_code == 302
    report = Report.objects.get(plan=plan)
    assert (report.starts_on, report.ends_on) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    rows = {r["indicator"].name: r["value"] for r in service.indicator_rows(plan, report.starts_on, report.ends_on)}
    assert rows == {"C/O EVFTA": 3, "Tận dụng ưu đãi": 37.5}
    word = desk.get(reverse("support-report-file", args=[report.pk, "docx"]))
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    tables = Document(io.BytesIO(word.content)).tables
    assert "BÁO CÁO" in text and "quý I năm 2026" in text and "Hoàn thành 1/3 nhiệm vụ" in text
    assert "12/BC-SCT" in tables[0].rows[0].cells[0].text
    cells = [c.text for row in tables[2].rows for c in row.cells]
    assert "C/O EVFTA" in cells and "3" in cells and "37,5" in cells
    assert desk.get(reverse("support-report-file", args=[report.pk, "pdf"])).content.startswith(b"%PDF")
    assert desk.get(reverse("support-report-file", args=[report.pk, "xlsx"])).content.startswith(b"PK")


def test_a_training_gives_verifiable_certificates(make, client_for, client):
    from ftahub.core.keys import key_ring
    from ftahub.events.models import HubEvent, Registration

    key_ring().generate("test", datetime.date(2026, 1, 1))
    editor = make.user("fa_officer", 24)
    start = timezone.now() - datetime.timedelta(days=1)
    event = HubEvent.objects.create(province=editor.province, kind="training", title="Tập huấn EVFTA", venue="Hội trường",
                                    starts_at=start, ends_at=start + datetime.timedelta(hours=3),
                                    registration_closes_at=start, capacity=10, status="published")
    came = Registration.objects.create(event=event, name="Trần Thị B", email="b@example.invalid", status="confirmed",
                                       checked_in_at=start)
    Registration.objects.create(event=event, name="Absent", email="c@example.invalid", status="confirmed")
    assert client_for(make.user("fa_officer", 1)).post(reverse("support-certify", args=[event.pk])).status_code == 403
    mail.outbox.clear()
    assert client_for(editor).post(reverse("support-certify", args=[event.pk])).status_code == 302
    assert [m.to for m in mail.outbox] == [["b@example.invalid"]]
    attendance = came.attendance
    page = client.get(reverse("support-attendance", args=[attendance.token]), HTTP_ACCEPT_LANGUAGE="vi")
    assert "Trần Thị B" in page.content.decode() and service.verify_attendance(attendance)
    assert client.get(reverse("support-attendance-pdf", args=[attendance.token])).content.startswith(b"%PDF")
    # an altered record no longer verifies
    attendance.payload = attendance.payload.replace("Trần Thị B", "Someone Else")
    assert not service.verify_attendance(attendance)
    # the plan's indicator of people trained counts the check-in
    plan = Plan.objects.create(province=editor.province, title="P", starts_on=datetime.date(2026, 1, 1),
                               ends_on=datetime.date(2027, 12, 31))
    trained = Indicator.objects.create(plan=plan, name="trained", source="trained")
    assert service.indicator_value(trained, start.date(), start.date())["value"] == 1
