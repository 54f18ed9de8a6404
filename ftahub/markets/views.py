"""Export market pages: a market's profile (per product), notices and the early warning, partner schedules, the
officers' weekly digest."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ftahub.accounts.models import OFFICER_ROLES
from ftahub.common import hscode
from ftahub.core.exports import download
from ftahub.tariffs.models import HSCode

from . import service, surge
from .forms import FileForm, NoticeForm, RequirementForm, ScheduleForm, ThresholdForm
from .models import Notice, PartnerEdition
from .noticefile import read_notices


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _officer(request) -> None:
    if not _is_officer(request.user):
        raise PermissionDenied


def _product(code: str | None) -> tuple[str | None, HSCode | None]:
    if not code:
        return None, None
    try:
        digits = hscode.digits(code, levels=(2, 4, 6, 8))
    except hscode.HSCodeError:
        raise Http404 from None
    digits = digits[:6]
    return digits, HSCode.objects.filter(code=digits).first()


def index(request):
    market = request.GET.get("market", "").strip()
    code = request.GET.get("hs", "").strip()
    error = None
    if market:
        chosen = service.resolve_market(market)
        if chosen is None:
            error = _("Choose a country from the list (its name in Vietnamese or English).")
        else:
            try:
                digits = hscode.digits(code, levels=(2, 4, 6, 8))[:6] if code else None
            except hscode.HSCodeError:
                error = _("An HS code has 2, 4, 6 or 8 digits, e.g. 0810 or 0810.90.")
            else:
                return redirect("market-product", chosen, digits) if digits else redirect("market", chosen)
    return render(request, "markets/index.html", {
        "choices": service.market_choices(), "market": market, "hs": code, "error": error,
        "notices": Notice.objects.filter(is_open=True)[:10]})


def market(request, country: str, code: str | None = None):
    country = country.upper()
    if country != "EU" and service.country_name(country) == country:
        raise Http404
    digits, line = _product(code)
    data = service.profile(country, digits)
    return render(request, "markets/market.html", {**data, "line": line, "officer": _is_officer(request.user)})


def _is_officer(user) -> bool:
    return user.is_authenticated and user.has_role(OFFICER_ROLES)


def notice_list(request):
    rows = Notice.objects.all()
    kind = request.GET.get("kind", "")
    if kind in Notice.Kind.values:
        rows = rows.filter(kind=kind)
    if (country := service.resolve_market(request.GET.get("country", ""))) is not None:
        rows = rows.filter(country=country)
    code = hscode.compact(request.GET.get("hs", ""))
    rows = [n for n in rows[:500] if not code or service.matching(n.prefixes, code)]
    return render(request, "markets/notices.html", {
        "notices": rows, "kinds": Notice.Kind.choices, "kind": kind, "choices": service.market_choices(),
        "country": request.GET.get("country", ""), "hs": request.GET.get("hs", ""),
        "officer": _is_officer(request.user)})


def notice_detail(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    # what the province (or the country) exports of these products to that market, from the statistics
    province = request.user.province.code if request.user.is_authenticated and request.user.province_id else 0
    exports = {p: dict(sorted(service.province_exports(notice.country, p, province).items()))
               for p in notice.prefixes}
    return render(request, "markets/notice.html", {
        "exports": {p: v for p, v in exports.items() if v}, "province": province,
        "notice": notice, "name": service.country_name(notice.country), "officer": _is_officer(request.user),
        "deliveries": notice.deliveries.count() if _is_officer(request.user) else None})


@login_required
def notice_edit(request, pk: int | None = None):
    _officer(request)
    notice = get_object_or_404(Notice, pk=pk) if pk else None
    form = NoticeForm(request.POST or None, instance=notice)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if notice is None:
            saved.created_by = request.user
        saved.save()
        sent = service.warn(saved, _base(request)) if saved.is_open else 0
        messages.success(request, _("Notice saved; %(count)d users were warned.") % {"count": sent})
        return redirect("market-notice", saved.pk)
    return render(request, "markets/notice_edit.html", {"form": form, "notice": notice,
                                                        "choices": service.market_choices()})


@login_required
def notice_import(request):
    _officer(request)
    form = FileForm(request.POST or None, request.FILES or None)
    found = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        rows, found = read_notices(upload.name, upload.read(), service.resolve_market, form.cleaned_data["source"])
        if rows:
            created, updated, saved = service.save_notices(rows, request.user)
            sent = service.warn_all(_base(request), saved)
            messages.success(request, _("%(created)d notices added, %(updated)d updated, %(sent)d users warned.")
                             % {"created": created, "updated": updated, "sent": sent})
            if not found:
                return redirect("market-notices")
    return render(request, "markets/notice_import.html", {"form": form, "problems": found})


@login_required
def requirement_new(request):
    _officer(request)
    form = RequirementForm(request.POST or None, initial={"partner": request.GET.get("market", ""),
                                                          "hs_prefix": request.GET.get("hs", "")})
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Requirement saved."))
        return redirect("market-product", saved.partner, saved.hs_prefix) if len(saved.hs_prefix) >= 4 \
            else redirect("market", saved.partner)
    return render(request, "markets/requirement_edit.html", {"form": form, "choices": service.market_choices()})


@login_required
def schedules(request):
    _officer(request)
    form = ScheduleForm(request.POST or None, request.FILES or None)
    found = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        stored, found = service.load_schedule(form.cleaned_data["partner"], upload.name, upload.read(),
                                              request.user, form.cleaned_data["source"], form.cleaned_data["edition"])
        if stored:
            messages.success(request, _("%(rows)d rates loaded; %(problems)d lines left out.")
                             % {"rows": sum(e.rows for e in stored),
                                "problems": len({p.line for p in found if p.code != "schedule.unmatched"})})
            if not found:
                return redirect("market-schedules")
    editions = list(PartnerEdition.objects.all())
    for e in editions:
        e.name = service.country_name(e.partner)
    return render(request, "markets/schedules.html", {"form": form, "problems": found, "editions": editions,
                                                      "choices": service.market_choices()})


def _thresholds(request) -> tuple[ThresholdForm, surge.Thresholds]:
    form = ThresholdForm(request.GET or None)
    base = surge.Thresholds()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        return form, surge.Thresholds(
            min_growth=float(d["growth"]) / 100 if d["growth"] is not None else base.min_growth,
            min_share_rise=float(d["share"]) / 100 if d["share"] is not None else base.min_share_rise,
            min_value=float(d["value"]) if d["value"] is not None else base.min_value)
    return ThresholdForm(initial={"growth": 30, "share": 5, "value": 1_000_000}), base


@login_required
def digest(request):
    _officer(request)
    form, thresholds = _thresholds(request)
    province = request.user.province.code if request.user.province_id else 0
    data = service.digest(datetime.date.today(), province, thresholds)
    for row in data["surges"]:
        row["name"] = service.country_name(row["surge"].market)
    for g in data["groups"]:
        g["name"] = service.country_name(g["country"])
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "csv"):
        header = [_("Kind"), _("Country"), _("Reference"), _("Title"), _("HS codes"), _("Stage"), _("Published on"),
                  _("Comments due by"), _("Enters into force on"), _("Link")]
        rows = [[n.get_kind_display(), service.country_name(n.country), n.reference, n.title, n.hs_codes,
                 n.get_stage_display(), n.published_on, n.comment_deadline, n.in_force_on, n.url] for n in data["open"]]
        return download(fmt, header, rows, f"early-warning-{data['today']:%Y-%m-%d}", _("Open notices"))
    if fmt == "pdf":
        from .pdf import digest_pdf

        return digest_pdf(data)
    return render(request, "markets/digest.html", {**data, "form": form, "surge_rows": data["surges"],
                                                   "query": request.GET.urlencode()})
