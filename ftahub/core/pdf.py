"""ReportLab helpers shared by the hub's PDFs: a font with Vietnamese glyphs (Source Sans Pro, OFL, installed from
PyPI as font-source-sans-pro) and the paragraph styles."""

from functools import cache
from pathlib import Path

import font_source_sans_pro  # noqa: I001
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(font_source_sans_pro.__file__).parent / "files"


@cache
def register_fonts() -> tuple[str, str]:
    pdfmetrics.registerFont(TTFont("HubSans", str(FONT_DIR / "SourceSansPro-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("HubSans-Bold", str(FONT_DIR / "SourceSansPro-Bold.ttf")))
    pdfmetrics.registerFontFamily("HubSans", normal="HubSans", bold="HubSans-Bold", italic="HubSans",
                                  boldItalic="HubSans-Bold")
    return "HubSans", "HubSans-Bold"


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12, leading=15, spaceBefore=8),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9.5, leading=12),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontName=regular, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontName=regular, fontSize=8, leading=9.5),
    }


def table(header: list[str] | None, rows: list[list], widths_mm: list[float]):
    """A grid of paragraphs (text escaped, line breaks kept) with an optional shaded header row repeated on each
    page: the tables of the hub's reports."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = styles()["cell"]

    def text(value) -> Paragraph:
        return Paragraph(escape(str(value)).replace("\n", "<br/>"), cell)

    data = ([[text(h) for h in header]] if header else []) + [[text(c) for c in row] for row in rows]
    grid = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")))
    grid.setStyle(TableStyle(style))
    return grid
