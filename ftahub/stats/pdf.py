"""The printable statistics report: each figure's chart (ReportLab graphics, drawn from the same rows), its table and
its source."""

import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ftahub.core.pdf import styles


def _chart(fig) -> Drawing | None:
    numeric = [i for i, c in enumerate(fig.columns) if i > 0 and all(
        isinstance(r[i], (int, float)) or r[i] is None for r in fig.rows)]
    if not fig.rows or not numeric:
        return None
    col = numeric[-1] if fig.columns[0] == "rank" else numeric[0]
    label_col = 1 if fig.columns[0] == "rank" else 0
    values = [float(r[col] or 0) for r in fig.rows][:15]
    labels = [str(r[label_col])[:28] for r in fig.rows][:15]
    drawing = Drawing(170 * mm, 60 * mm)
    horizontal = fig.columns[0] != "year"
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = (45 * mm if horizontal else 15 * mm), 8 * mm, \
        (120 * mm if horizontal else 150 * mm), 48 * mm
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = "HubSans"
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = "HubSans"
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = min(0, min(values))
    chart.bars[0].fillColor = colors.HexColor("#1f6feb")
    if horizontal:
        chart.categoryAxis.reverseDirection = True
    drawing.add(chart)
    return drawing


def report_pdf(figures, params) -> bytes:
    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title="FTA Hub statistics", author="FTA Hub")
    story = [Paragraph("FTA Hub — Thống kê thương mại và đầu tư / Trade and investment statistics", s["title"]),
             Paragraph(escape(f"Arrangement {params['era']} · province {params['province']} · year "
                              f"{params['year']}"), s["body"]), Spacer(1, 4 * mm)]
    for fig in figures:
        block = [Paragraph(escape(fig.title), s["body"])]
        if fig.demo:
            block.append(Paragraph("DEMO — made-up figures for demonstration", s["small"]))
        chart = _chart(fig)
        if chart is not None:
            block.append(chart)
        rows = [[Paragraph(escape(str(c)), s["cell"]) for c in fig.columns]]
        rows += [[Paragraph(escape("—" if c is None else str(c)), s["cell"]) for c in row] for row in fig.rows[:25]]
        table = Table(rows, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa5b1"))]))
        block += [table] + [Paragraph(escape(n), s["small"]) for n in fig.notes]
        block += [Paragraph(escape("Source: " + fig.source), s["small"]), Spacer(1, 5 * mm)]
        story.append(KeepTogether(block[:3]))
        story += block[3:]
    doc.build(story)
    return buffer.getvalue()
