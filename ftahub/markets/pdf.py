"""The weekly early-warning digest as a printable PDF, in the reader's language."""

import io
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ftahub.core.pdf import styles, table


def digest_pdf(data: dict) -> HttpResponse:
    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title=_("Weekly early-warning digest"), author="FTA Hub")
    story = [Paragraph(escape(_("Weekly early-warning digest")), s["title"]),
             Paragraph(escape(_("As of %(today)s; deadlines up to %(horizon)s.") % {
                 "today": f"{data['today']:%d/%m/%Y}", "horizon": f"{data['horizon']:%d/%m/%Y}"}), s["body"]),
             Spacer(1, 4 * mm), Paragraph(escape(_("Deadlines coming up")), s["h2"])]
    if data["upcoming"]:
        story.append(table([_("Date"), _("What"), _("Notice")], [
            [f"{u['day']:%d/%m/%Y}", _("comments due") if u["what"] == "comments" else _("enters into force"),
             f"{u['notice'].title} ({u['notice'].reference})"] for u in data["upcoming"]], [25, 35, 120]))
    else:
        story.append(Paragraph(escape(_("No comment deadline or entry into force in the coming weeks.")), s["body"]))
    story.append(Paragraph(escape(_("Open notices by product and market")), s["h2"]))
    if data["groups"]:
        story.append(table([_("Product (HS)"), _("Market"), _("Notices")], [
            [g["product"], g["name"],
             "; ".join(f"{n.title} ({n.get_kind_display()})" for n in g["notices"])] for g in data["groups"]],
            [25, 35, 120]))
    else:
        story.append(Paragraph(escape(_("No open notice.")), s["body"]))
    story.append(Paragraph(escape(_("Export surges")), s["h2"]))
    t = data["thresholds"]
    story.append(Paragraph(escape(_("Thresholds: growth at least %(growth)s %%, share rising by at least %(share)s "
                                    "points, exports at least USD %(value)s.") % {
        "growth": f"{t.min_growth * 100:.0f}", "share": f"{t.min_share_rise * 100:.0f}",
        "value": f"{t.min_value:,.0f}"}), s["small"]))
    if data["surges"]:
        story.append(table([_("Product (HS)"), _("Market"), _("Exports (USD)"), _("Growth"),
                             _("Share of the product's exports")], [
            [x.product + (" (DEMO)" if row["demo"] else ""), row["name"], f"{x.value:,.0f}",
             f"+{x.growth * 100:.0f} %", f"{x.previous_share * 100:.0f} % → {x.share * 100:.0f} %"]
            for row in data["surges"] for x in [row["surge"]]], [25, 40, 40, 25, 50]))
    else:
        story.append(Paragraph(escape(_("No surge at these thresholds.")), s["body"]))
    doc.build(story)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="early-warning-{data["today"]:%Y-%m-%d}.pdf"'
    return response
