import datetime
import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from ftahub.agreements.models import partner_countries
from ftahub.common import hscode
from ftahub.core import notices
from ftahub.core.exports import download

from . import wording
from .classify import ClassifyError, classify, province_of, record
from .finder import FinderError, lookup
from .importer import coverage
from .models import HSCode, HSSection, TariffRate, TariffRow, WatchItem
from .rates import parse_rate
from .search import search_hs
from .watch import rules_now


def hs_browse(request):
    sections = HSSection.objects.prefetch_related("codes").all()
    chapters = HSCode.objects.filter(level=2).select_related("section")
    return render(request, "tariffs/hs_browse.html", {"sections": sections, "chapters": chapters,
                                                       "coverage": coverage()})


def hs_detail(request, code: str):
    digits = hscode.compact(code)
    hs = HSCode.objects.select_related("section", "parent").filter(code=digits).first()
    if hs is None:
        raise Http404
    path = hs.ancestors()
    rates = list(TariffRate.objects.filter(line=hs).select_related("agreement").order_by("valid_from", "column"))
    first = {"nkud": 0, "nktt": 1}  # MFN and ordinary rates first, then the agreements by name
    rates.sort(key=lambda r: (r.valid_from, first.get(r.column, 2), r.agreement.code if r.agreement else r.column,
                              r.column))
    mfn = next((r.as_rate() for r in rates if r.column == "nkud"), None)
    for r in rates:
        rate = r.as_rate()
        r.label = wording.column_label(r.column, r.agreement.code if r.agreement else None)
        r.reading = rate.relative_to(mfn).display() if rate.kind == "relative_mfn" else rate.display()
        r.notes = [wording.explain(c, v) for c, v in rate.explain()]
    printed = []
    if hs.level == 4:  # the heading as the tariff prints it: text rows, subheadings and lines, the MFN at each line
        printed = list(TariffRow.objects.filter(heading=hs.code).select_related("line"))
        mfn_of = dict(TariffRate.objects.filter(line__in=[r.line_id for r in printed if r.line_id], column="nkud")
                      .values_list("line_id", "raw"))
        for row in printed:
            row.mfn = parse_rate(mfn_of[row.line_id]).display() if row.line_id in mfn_of else ""
    return render(request, "tariffs/hs_detail.html", {
        "hs": hs, "path": path, "children": hs.children.all(), "rates": rates, "coverage": coverage(),
        "commitments": _with_category_sources(hs.commitments.select_related("agreement")),
        "procedures": list(hs.procedures.all()) if hs.level == 8 else [], "printed": printed,
        "partners": partner_countries()})


def _with_category_sources(commitments):
    """Each commitment with the general note that defines its category (``category_source``)."""
    from .commitments import definitions

    found = list(commitments)
    for c in found:
        staging = definitions().get(c.agreement.code)
        c.category_source = staging.source if staging and c.category else ""
    return found


def _every_country():
    """Every country, by name in the language in use: goods go to, and come from, markets without an agreement too."""
    from ftahub.common.text import fold
    from ftahub.places.models import Country

    return sorted(Country.objects.exclude(iso2="VN"), key=lambda c: fold(c.name))


def tariff_lookup(request):
    hs = request.GET.get("hs", "").strip()
    partner = request.GET.get("partner", "").strip().upper() or None
    direction = request.GET.get("direction", "import")
    date_text = request.GET.get("date", "")
    result, error = None, None
    on = None
    if date_text:
        try:
            on = datetime.date.fromisoformat(date_text)
        except ValueError:
            error = "date: use YYYY-MM-DD"
    if hs and not error:
        try:
            result = lookup(hs, direction, partner, on)
        except FinderError as exc:
            error = str(exc)
    fmt = request.GET.get("format")
    if result and fmt in {"csv", "xlsx"}:
        return _export(result, fmt)
    if result:
        for row in result["agreements"]:
            row["notes"] = wording.explained(row["explain"])
            printed = (row["printed"] or "").replace(",", ".")
            row["printed_differs"] = bool(printed) and row["rate_display"] not in (printed, f"{printed}%")
            for schedule in row["schedules"]:
                schedule["label"] = wording.column_label(schedule["column"])
        result["mfn_notes"] = wording.explained(result["mfn_explain"])
    return render(request, "tariffs/lookup.html", {
        "result": result, "error": error, "hs": hs, "partner": partner or "", "direction": direction,
        "date": date_text or datetime.date.today().isoformat(), "partners": _every_country(), "coverage": coverage(),
        "query": request.GET.urlencode()})


HEADER = ["agreement", "rate", "mfn", "saving", "proof_of_origin", "rule", "rule_demand", "source"]


def _rows(result):
    for row in result["agreements"]:
        yield [row["agreement"], row["rate_display"] or "", result["mfn_display"] or "",
               row["saving"] if row["saving"] is not None else "", row["proof_of_origin"] or "", row["rule"] or "",
               (row["rule_demand"] or {}).get("label", ""), row["source"] or ""]


def _export(result, fmt):
    name = f"tariff-{result['line']['code']}-{result['partner'] or 'all'}-{result['date']}"
    return download(fmt, HEADER, _rows(result), name, sheet_title=result["line"]["code"])


@login_required
@require_POST
def watch(request):
    code = hscode.compact(request.POST.get("hs", ""))
    partner = request.POST.get("partner", "").strip().upper()[:2]
    line = HSCode.objects.filter(code=code).first()
    if line is None:
        raise Http404
    item, created = WatchItem.objects.get_or_create(user=request.user, line=line, partner=partner)
    if created:
        item.rule_snapshot = rules_now(item)
        item.save(update_fields=["rule_snapshot"])
        messages.success(request, _("You will be told of staged cuts and changed rules for %(line)s.")
                         % {"line": line.display})
    return redirect(request.POST.get("next") or reverse("notifications"))


@login_required
def notifications(request):
    if request.method == "POST":
        if "unwatch" in request.POST:
            WatchItem.objects.filter(user=request.user, pk=request.POST.get("unwatch")).delete()
        if "read" in request.POST:
            notices.mark_read(request.user)
        return redirect("notifications")
    return render(request, "tariffs/notifications.html", {
        "items": WatchItem.objects.filter(user=request.user).select_related("line"),
        "notices": notices.for_user(request.user)})


CLASSIFY_ERRORS = {
    "empty": _lazy("Describe the goods: what it is, what it is made of, what it is for."),
    "too_long": _lazy("A description has at most 500 characters."),
    "bad_code": _lazy("That is not an HS code."),
    "unknown_line": _lazy("There is no such 8-digit line in the loaded tariff."),
}


def hs_classify(request):
    """"Find an HS code from a description": candidates with their reasons; a signed-in officer or business of a
    province confirms or corrects one, and the next suggestion for the same words follows it. With ``target`` (a
    form field's id) each candidate gets a button that fills that field (the self-assessment, the C/O form)."""
    province = province_of(request.user)
    if request.method == "POST":
        text, code = request.POST.get("q", ""), request.POST.get("code", "")
        if province is None:
            messages.error(request, _("Only a province's officers and businesses record classifications."))
        else:
            try:
                record(text, code, request.user, province, request.POST.get("wrong_code", ""))
                messages.success(request, _("Recorded: the next suggestion for these words puts %(code)s first.")
                                 % {"code": hscode.dotted(hscode.compact(code))})
            except ClassifyError as exc:
                messages.error(request, CLASSIFY_ERRORS[exc.code])
        return redirect(f"{reverse('hs-classify')}?{urlencode({'q': text})}")
    query = request.GET.get("q", "").strip()[:500]
    target = request.GET.get("target", "")
    target = target if re.fullmatch(r"[A-Za-z][\w-]{0,60}", target) else ""
    result, error = None, ""
    if query:
        try:
            result = classify(query, 5, province)
        except ClassifyError as exc:
            error = CLASSIFY_ERRORS[exc.code]
    elif "q" in request.GET:
        error = CLASSIFY_ERRORS["empty"]
    context = {"query": query, "result": result, "error": error, "target": target,
               "can_confirm": province is not None, "vietnamese": (request.LANGUAGE_CODE or "vi").startswith("vi")}
    template = "tariffs/_classify_results.html" if request.htmx else "tariffs/classify.html"
    return render(request, template, context)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    procedure = request.GET.get("procedure", "").strip()[:200]
    results = search_hs(query, limit=200 if procedure else 50, procedure=procedure) if query or procedure else []
    template = "tariffs/_search_results.html" if request.htmx else "tariffs/search.html"
    return render(request, template, {"query": query, "procedure": procedure, "results": results})


def home_card() -> dict:
    """The home page's tariff card: how many HS lines are loaded."""
    return {"hs_count": HSCode.objects.count()}
