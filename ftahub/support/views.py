"""The support centre's pages: FAQ and questions for businesses, the advice desk for officers, action plans with
tasks, indicators and reports, attendance certificates of trainings."""

import datetime
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ftahub.accounts.models import OFFICER_ROLES
from ftahub.core.exports import download

from . import documents, service
from .forms import (
    AnswerForm,
    AssignForm,
    ForwardForm,
    IndicatorForm,
    NoteForm,
    PlanForm,
    PublishForm,
    QuestionForm,
    RateForm,
    ReportForm,
    TaskForm,
    ValueForm,
)
from .models import Attendance, Indicator, Plan, Question, Report, Task, TaskNote, Topic


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _officer(user) -> bool:
    return user.is_authenticated and user.has_role(OFFICER_ROLES)


def _editor(user) -> bool:
    return user.is_authenticated and user.is_editor


# -- FAQ and asking --------------------------------------------------------------------------------------------------

def home(request):
    q, topic = request.GET.get("q", "").strip(), request.GET.get("topic", "")
    return render(request, "support/home.html", {
        "entries": service.faq(q, topic if topic in Topic.values else ""), "q": q, "topic": topic,
        "topics": Topic.choices, "mine": service.question_scope(request.user)[:20]
        if request.user.is_authenticated and request.user.role == "business" else None,
        "officer": _officer(request.user)})


def ask(request):
    from ftahub.places.countries import datalist

    user = request.user
    signed_in = user.is_authenticated
    initial = {}
    if signed_in:
        initial = {"name": user.get_full_name(), "email": user.email,
                   "province": user.province_id or (user.enterprise.province_id if user.enterprise_id else None),
                   "organisation": user.enterprise.name if user.enterprise_id else ""}
    form = QuestionForm(request.POST or None, request.FILES or None, signed_in=signed_in, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "challenge"}
        if signed_in:
            fields.update(asker=user, enterprise=user.enterprise if user.enterprise_id else None)
        question = service.ask(_base(request), **fields)
        messages.success(request, _("Your question was received. We have emailed you the link to follow it."))
        return redirect("support-follow", question.token)
    return render(request, "support/ask.html", {"form": form, "countries": datalist()})


def follow(request, token: str):
    question = get_object_or_404(Question, token=token)
    form = RateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.rate(question, form.cleaned_data["rating"], form.cleaned_data["comment"])
        except service.DeskError:
            messages.error(request, _("The question is not answered yet."))
        else:
            messages.success(request, _("Thank you: your rating helps the province answer better."))
        return redirect("support-follow", token)
    return render(request, "support/follow.html", {"question": question, "form": form,
                                                   "steps": question.steps.select_related("actor")})


# -- the advice desk -------------------------------------------------------------------------------------------------

@login_required
def questions(request):
    user = request.user
    rows = service.question_scope(user).select_related("assignee", "province")
    status = request.GET.get("status", "")
    if status in Question.Status.values:
        rows = rows.filter(status=status)
    if request.GET.get("mine") == "1":
        rows = rows.filter(assignee=user)
    return render(request, "support/questions.html", {
        "questions": rows[:300], "statuses": Question.Status.choices, "status": status, "officer": _officer(user),
        "now": timezone.now()})


@login_required
def question(request, pk: int):
    user = request.user
    item = get_object_or_404(service.question_scope(user).select_related("assignee", "province"), pk=pk)
    officer = _officer(user) and (user.is_national or item.province_id == user.province_id)
    forms = {}
    if officer:
        forms = {"assign": AssignForm(province=item.province), "forward": ForwardForm(),
                 "answer": AnswerForm(initial={"answer": item.answer}),
                 "publish": PublishForm(initial={"faq_question": item.faq_question or item.body,
                                                 "faq_answer": item.faq_answer or item.answer})}
    if request.method == "POST":
        if not officer:
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "assign":
                form = forms["assign"] = AssignForm(request.POST, province=item.province)
                if form.is_valid():
                    service.assign(item, user, form.cleaned_data["assignee"], _base(request))
                    messages.success(request, _("Assigned."))
                    return redirect("support-question", pk)
            elif action == "forward":
                form = forms["forward"] = ForwardForm(request.POST)
                if form.is_valid():
                    service.forward(item, user, form.cleaned_data["department"], form.cleaned_data["days"])
                    messages.success(request, _("Forwarded."))
                    return redirect("support-question", pk)
            elif action == "answer":
                form = forms["answer"] = AnswerForm(request.POST)
                if form.is_valid():
                    service.answer(item, user, form.cleaned_data["answer"], _base(request))
                    messages.success(request, _("Answer sent to the asker."))
                    return redirect("support-question", pk)
            elif action == "publish":
                form = forms["publish"] = PublishForm(request.POST)
                if form.is_valid():
                    service.publish(item, user, form.cleaned_data["faq_question"], form.cleaned_data["faq_answer"])
                    messages.success(request, _("Published in the FAQ."))
                    return redirect("support-question", pk)
        except service.DeskError:
            messages.error(request, _("Answer the question before publishing it."))
    from ftahub.places.models import Country

    market = Country.objects.filter(iso2=item.market).first() if item.market else None
    return render(request, "support/question.html", {
        "question": item, "officer": officer, "market_name": market.name if market else item.market, "forms": forms, "steps": item.steps.select_related("actor"),
        "overdue": item.due_at and item.due_at < timezone.now() and item.status in ("new", "assigned", "forwarded")})


@login_required
def desk_dashboard(request):
    user = request.user
    if not (_officer(user) or user.role == "statistician"):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    data = service.dashboard(None if user.is_national else user.province, year)
    topics = dict(Topic.choices)
    return render(request, "support/dashboard.html", {**data, "topic_names": [(topics.get(t, t), n)
                                                                              for t, n in data["topics"]]})


# -- action plans ----------------------------------------------------------------------------------------------------

@login_required
def plans(request):
    user = request.user
    if user.role == "business":
        raise PermissionDenied
    return render(request, "support/plans.html", {"plans": service.plan_scope(user),
                                                  "editor": _editor(user) and user.province_id is not None})


def _plan(request, pk: int) -> Plan:
    return get_object_or_404(service.plan_scope(request.user).select_related("province"), pk=pk)


@login_required
def plan_edit(request, pk: int | None = None):
    user = request.user
    if not _editor(user) or (pk is None and user.province_id is None):
        raise PermissionDenied
    plan = _plan(request, pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if plan is None:
            saved.province = user.province
        saved.save()
        form.save_m2m()
        messages.success(request, _("Plan saved."))
        return redirect("support-plan", saved.pk)
    return render(request, "support/edit.html", {"form": form, "title": plan.title if plan else _("New action plan")})


@login_required
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    user = request.user
    editor = _editor(user)
    today = timezone.localdate()
    start = max(plan.starts_on, datetime.date(today.year, 1, 1))
    end = min(plan.ends_on, today)
    task_form = TaskForm(request.POST or None, province=plan.province) if editor else None
    indicator_form = IndicatorForm(prefix="ind") if editor else None
    if request.method == "POST":
        if not editor:
            raise PermissionDenied
        if request.POST.get("action") == "task" and task_form.is_valid():
            task = task_form.save(commit=False)
            task.plan = plan
            task.save()
            messages.success(request, _("Task added."))
            return redirect("support-plan", pk)
        if request.POST.get("action") == "indicator":
            indicator_form = IndicatorForm(request.POST, prefix="ind")
            if indicator_form.is_valid():
                indicator = indicator_form.save(commit=False)
                indicator.plan = plan
                indicator.save()
                messages.success(request, _("Indicator added."))
                return redirect("support-plan", pk)
    return render(request, "support/plan.html", {
        "plan": plan, **service.plan_status(plan, today), "indicators": service.indicator_rows(plan, start, end),
        "start": start, "end": end, "editor": editor, "task_form": task_form, "indicator_form": indicator_form,
        "today": today, "reports": plan.reports.all()})


def _task(request, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("plan", "owner"), pk=pk)
    if not service.plan_scope(request.user).filter(pk=task.plan_id).exists():
        raise PermissionDenied
    return task


@login_required
def task_detail(request, pk: int):
    task = _task(request, pk)
    user = request.user
    may = _editor(user) or task.owner_id == user.pk
    edit_form = TaskForm(request.POST or None, instance=task, province=task.plan.province) \
        if _editor(user) and request.POST.get("action") != "note" else None
    note_form = NoteForm(request.POST or None, request.FILES or None) if request.POST.get("action") == "note" \
        else NoteForm()
    if request.method == "POST":
        if not may:
            raise PermissionDenied
        if request.POST.get("action") == "note":
            if note_form.is_valid():
                TaskNote.objects.create(task=task, text=note_form.cleaned_data["text"], author=user,
                                        evidence=note_form.cleaned_data.get("evidence") or "")
                if note_form.cleaned_data.get("progress") is not None:
                    task.progress = note_form.cleaned_data["progress"]
                    if task.progress == 100:
                        task.status = Task.Status.DONE
                    elif task.status == Task.Status.PLANNED:
                        task.status = Task.Status.RUNNING
                    task.save(update_fields=["progress", "status"])
                messages.success(request, _("Progress noted."))
                return redirect("support-task", pk)
        elif edit_form is not None and edit_form.is_valid():
            edit_form.save()
            messages.success(request, _("Task saved."))
            return redirect("support-task", pk)
    if edit_form is None and _editor(user):
        edit_form = TaskForm(instance=task, province=task.plan.province)
    return render(request, "support/task.html", {"task": task, "notes": task.notes.select_related("author"),
                                                 "edit_form": edit_form, "note_form": note_form if may else None})


@login_required
def indicator_values(request, pk: int):
    indicator = get_object_or_404(Indicator.objects.select_related("plan"), pk=pk)
    user = request.user
    if not service.plan_scope(user).filter(pk=indicator.plan_id).exists():
        raise PermissionDenied
    may_report = user.role != "statistician"  # the statistician reads the values, the plan's officers report them
    form = ValueForm(request.POST or None) if may_report else None
    if request.method == "POST":
        if not may_report or indicator.source != Indicator.Source.REPORTED:
            raise PermissionDenied  # the hub fills it from its own records
        if form.is_valid():
            service.record_value(indicator, user, form.cleaned_data["period_end"], form.cleaned_data["value"],
                                 form.cleaned_data["note"])
            messages.success(request, _("Value recorded."))
            return redirect("support-plan", indicator.plan_id)
    return render(request, "support/indicator.html", {"indicator": indicator, "form": form,
                                                      "values": indicator.values.select_related("reported_by")})


@login_required
def report_new(request, pk: int):
    plan = _plan(request, pk)
    if not _editor(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    form = ReportForm(request.POST or None, initial={"period": "quarter", "year": today.year,
                                                     "number_of_period": (today.month - 1) // 3 + 1})
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.plan, report.created_by = plan, request.user
        report.starts_on, report.ends_on = service.period_bounds(report.period, form.cleaned_data["year"],
                                                                 form.cleaned_data["number_of_period"])
        report.save()
        messages.success(request, _("Report saved: download it as Word or PDF."))
        return redirect("support-plan", pk)
    return render(request, "support/edit.html", {"form": form, "title": _("New report of %(plan)s") % {
        "plan": plan.title}})


@login_required
def report_file(request, pk: int, fmt: str):
    report = get_object_or_404(Report.objects.select_related("plan", "plan__province"), pk=pk)
    if not service.plan_scope(request.user).filter(pk=report.plan_id).exists():
        raise PermissionDenied
    data = documents.report_data(report)
    name = f"bao-cao-{report.plan_id}-{report.ends_on:%Y%m%d}"
    if fmt == "docx":
        return HttpResponse(documents.docx(data), headers={
            "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Content-Disposition": f'attachment; filename="{name}.docx"'})
    if fmt == "pdf":
        return HttpResponse(documents.pdf(data), headers={"Content-Type": "application/pdf",
                                                          "Content-Disposition": f'attachment; filename="{name}.pdf"'})
    header, rows = documents.indicator_table(data)
    return download("xlsx", header, rows, name, _("Indicators"))


# -- attendance certificates -----------------------------------------------------------------------------------------

@login_required
@require_POST
def certify_event(request, pk: int):
    from ftahub.events.models import HubEvent

    event = get_object_or_404(HubEvent, pk=pk, kind="training")
    user = request.user
    if not (_editor(user) and (user.is_national or event.province_id == user.province_id)):
        raise PermissionDenied
    made = 0
    for registration in event.registrations.exclude(checked_in_at=None):
        created = not Attendance.objects.filter(registration=registration).exists()
        attendance = service.certify(registration)
        if created:
            documents.send_attendance(attendance, _base(request))
            made += 1
    messages.success(request, _("%(count)d certificates of attendance signed and emailed.") % {"count": made})
    return redirect("event-manage-detail", pk)


def attendance(request, token: str):
    item = get_object_or_404(Attendance.objects.select_related("registration__event"), token=token)
    import json

    return render(request, "support/attendance.html", {"attendance": item, "valid": service.verify_attendance(item),
                                                       "record": json.loads(item.payload)})


def attendance_pdf(request, token: str):
    item = get_object_or_404(Attendance, token=token)
    return HttpResponse(documents.attendance_pdf(item, _base(request)), headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{item.number}.pdf"'})


def attendance_qr(request, token: str):
    item = get_object_or_404(Attendance, token=token)
    out = io.BytesIO()
    segno.make(_base(request) + f"/support/attendance/{item.token}/", error="m").save(out, kind="svg", scale=4)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")
