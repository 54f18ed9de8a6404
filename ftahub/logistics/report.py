"""The province's annual logistics report as XLSX rows and as a PDF, in the reader's language."""

import io
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ftahub.core.pdf import styles, table

from .models import Facility, Leg


def _number(value, digits: int = 0) -> str:
    """As the reader writes numbers (1.234,5 in Vietnamese, 1,234.5 in English)."""
    from django.utils.formats import number_format

    if value is None:
        return "—"
    return number_format(round(value, digits), digits, force_grouping=True)


def lines(f: dict) -> list[tuple[str, str]]:
    """(figure, value) in the reader's language."""
    modes = dict(Leg.Mode.choices)
    kinds = dict(Facility.Kind.choices)
    out = [(_("Year"), str(f["year"])), (_("Legs completed"), _number(f["legs"]))]
    out += [(_("Legs by %(mode)s") % {"mode": modes.get(m, m)}, _number(n)) for m, n in sorted(f["by_mode"].items())]
    out += [(_("Legs reaching a %(kind)s") % {"kind": kinds.get(k, k)}, _number(n))
            for k, n in sorted(f["by_kind"].items())]
    out += [(_("Legs on time (of those with a planned arrival)"),
             "—" if f["on_time_share"] is None else
             f"{_number(f['on_time_share'] * 100, 1)} % ({f['on_time']}/{f['timed_legs']})"),
            (_("Cold-chain readings"), _number(f["readings"])),
            (_("Cold-chain breaches per 1,000 readings"), _number(f["breaches_per_1000"], 2)),
            (_("Border-gate crossings"), _number(f["crossings"])),
            (_("Waiting at the gates, median (minutes)"), _number(f["wait_median"])),
            (_("Waiting at the gates, 90th percentile (minutes)"), _number(f["wait_p90"]))]
    out += [(_("Facilities: %(kind)s") % {"kind": kinds.get(k, k)}, _number(n))
            for k, n in sorted(f["facilities"].items())]
    cap = f["capacity"]
    out += [(_("Declared capacity: pallets"), _number(cap["pallets"])), (_("Declared capacity: m³"), _number(cap["m3"])),
            (_("Declared capacity: TEU"), _number(cap["teu"])),
            (_("Declared capacity: trucks a day"), _number(cap["trucks"]))]
    return out


def rows(f: dict) -> tuple[list[str], list[list[str]]]:
    return [_("Figure"), _("Value")], [[a, b] for a, b in lines(f)]


def pdf(f: dict, province) -> HttpResponse:
    s = styles()
    buffer = io.BytesIO()
    title = _("Logistics report %(year)d") % {"year": f["year"]}
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=title, author="FTA Hub")
    story = [Paragraph(escape(title), s["title"]),
             Paragraph(escape(province.name if province else _("Every province")), s["body"]), Spacer(1, 4 * mm)]
    if f["demo"]:
        story.append(Paragraph(escape(_("Includes demo records made up for the demonstration.")), s["small"]))
    story.append(table(None, [list(line) for line in lines(f)], [110, 60]))
    doc.build(story)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="logistics-{f["year"]}.pdf"'
    return response
