"""The documents of the support centre: the periodic report of an action plan as an administrative report in
Vietnamese (Word with python-docx, PDF with ReportLab), its indicators as a table, and certificates of attendance
with a verification QR. The report is a Vietnamese administrative document whatever the reader's language (#22):
its fixed words are written here in Vietnamese."""

import io
import json
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation

from . import service
from .models import Report

STATUS_VI = {"planned": "Chưa triển khai", "running": "Đang thực hiện", "done": "Hoàn thành", "dropped": "Dừng"}
SOURCE_VI = {"reported": "Đơn vị báo cáo", "co_issued": "Hệ thống FTA Hub: C/O đã cấp",
             "trained": "Hệ thống FTA Hub: điểm danh tập huấn", "answered": "Hệ thống FTA Hub: bộ phận tư vấn",
             "exports": "Hệ thống FTA Hub: số liệu thống kê xuất khẩu"}
PERIOD_VI = {"quarter": "quý", "half": "6 tháng", "year": "năm"}


def _number(value) -> str:
    if value is None:
        return "—"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _period_label(report: Report) -> str:
    if report.period == "year":
        return f"năm {report.ends_on.year}"
    if report.period == "half":
        return f"6 tháng {'đầu' if report.ends_on.month <= 6 else 'cuối'} năm {report.ends_on.year}"
    roman = ["I", "II", "III", "IV"][(report.ends_on.month - 1) // 3]
    return f"quý {roman} năm {report.ends_on.year}"


def report_data(report: Report) -> dict:
    plan = report.plan
    status = service.plan_status(plan, report.ends_on)
    rows = service.indicator_rows(plan, report.starts_on, report.ends_on)
    today = timezone.localdate()
    return {
        "province": plan.province.name, "number": report.number or "…", "place_date":
            f"{plan.province.name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}",
        "title": f"Kết quả thực hiện {plan.title} {_period_label(report)}", "plan": plan.title,
        "legal_basis": plan.legal_basis, "from": f"{report.starts_on:%d/%m/%Y}", "to": f"{report.ends_on:%d/%m/%Y}",
        "summary": report.summary, "difficulties": report.difficulties, "proposals": report.proposals,
        "recipients": [r.strip() for r in report.recipients.split(";") if r.strip()],
        "tasks": [[t.department, t.title, f"{t.deadline:%d/%m/%Y}", STATUS_VI.get(t.status, t.status),
                   f"{t.progress} %"] for t in status["tasks"]],
        "done": status["done"], "total": len(status["tasks"]), "late": len(status["late"]),
        "indicators": [[r["indicator"].name, r["indicator"].unit, _number(r["indicator"].target),
                        _number(r["value"]), SOURCE_VI.get(r["source"], r["source"]) + (" (demo)" if r["demo"] else "")]
                       for r in rows],
        "demo": plan.is_demo,
    }


def indicator_table(data: dict) -> tuple[list[str], list[list[str]]]:
    return ["Chỉ tiêu", "Đơn vị", "Mục tiêu", "Kết quả", "Nguồn số liệu"], data["indicators"]


def docx(data: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = f"ỦY BAN NHÂN DÂN\n{data['province'].upper()}\n\nSố: {data['number']}"
    right.text = f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{data['place_date']}"
    for cell in (left, right):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if data["demo"]:
        doc.add_paragraph("TÀI LIỆU MINH HỌA (DEMO): số liệu và nội dung tự tạo để trình diễn.")
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("BÁO CÁO")
    run.bold, run.font.size = True, Pt(14)
    sub = doc.add_paragraph(data["title"])
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.runs[0].bold = True
    if data["legal_basis"]:
        doc.add_paragraph(f"Căn cứ: {data['legal_basis']}")
    doc.add_paragraph(f"Kỳ báo cáo: từ ngày {data['from']} đến ngày {data['to']}.")
    doc.add_heading("I. TÌNH HÌNH TRIỂN KHAI", level=2)
    doc.add_paragraph(data["summary"] or "…")
    doc.add_heading("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", level=2)
    doc.add_paragraph(f"Hoàn thành {data['done']}/{data['total']} nhiệm vụ; {data['late']} nhiệm vụ quá hạn.")
    _docx_table(doc, ["Đơn vị chủ trì", "Nhiệm vụ", "Thời hạn", "Tình trạng", "Tiến độ"], data["tasks"])
    doc.add_heading("III. CÁC CHỈ TIÊU", level=2)
    _docx_table(doc, *indicator_table(data))
    doc.add_heading("IV. KHÓ KHĂN, VƯỚNG MẮC", level=2)
    doc.add_paragraph(data["difficulties"] or "…")
    doc.add_heading("V. ĐỀ XUẤT, KIẾN NGHỊ", level=2)
    doc.add_paragraph(data["proposals"] or "…")
    if data["recipients"]:
        p = doc.add_paragraph()
        p.add_run("Nơi nhận:").bold = True
        for r in data["recipients"]:
            doc.add_paragraph(f"- {r};")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)


def pdf(data: dict) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    from ftahub.core.pdf import styles, table

    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=data["title"], author="FTA Hub")

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), s[style])

    head = Table([[para(f"ỦY BAN NHÂN DÂN\n{data['province'].upper()}\nSố: {data['number']}"),
                   para(f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{data['place_date']}")]],
                 colWidths=[70 * mm, 97 * mm])
    story = [head, Spacer(1, 6 * mm)]
    if data["demo"]:
        story.append(para("TÀI LIỆU MINH HỌA (DEMO): số liệu và nội dung tự tạo để trình diễn.", "small"))
    story += [para("BÁO CÁO", "title"), para(data["title"], "h2")]
    if data["legal_basis"]:
        story.append(para(f"Căn cứ: {data['legal_basis']}"))
    story += [para(f"Kỳ báo cáo: từ ngày {data['from']} đến ngày {data['to']}."),
              para("I. TÌNH HÌNH TRIỂN KHAI", "h2"), para(data["summary"] or "…"),
              para("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "h2"),
              para(f"Hoàn thành {data['done']}/{data['total']} nhiệm vụ; {data['late']} nhiệm vụ quá hạn."),
              table(["Đơn vị chủ trì", "Nhiệm vụ", "Thời hạn", "Tình trạng", "Tiến độ"], data["tasks"],
                    [35, 62, 22, 28, 18]),
              para("III. CÁC CHỈ TIÊU", "h2"), table(*indicator_table(data), [55, 18, 22, 22, 48]),
              para("IV. KHÓ KHĂN, VƯỚNG MẮC", "h2"), para(data["difficulties"] or "…"),
              para("V. ĐỀ XUẤT, KIẾN NGHỊ", "h2"), para(data["proposals"] or "…")]
    if data["recipients"]:
        story += [Spacer(1, 4 * mm), para("Nơi nhận:\n" + "\n".join(f"- {r};" for r in data["recipients"]), "small")]
    doc.build(story)
    return buffer.getvalue()


def attendance_pdf(attendance, base_url: str) -> bytes:
    """A certificate of attendance: the training, the person, the date, its number, and a QR that opens the page
    checking its signature."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from ftahub.core.pdf import styles

    s = styles()
    record = json.loads(attendance.payload)
    url = base_url + f"/support/attendance/{attendance.token}/"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=20 * mm, title=record["number"], author="FTA Hub")
    qr = QrCodeWidget(url)
    b = qr.getBounds()
    size = 40 * mm
    drawing = Drawing(size, size, transform=[size / (b[2] - b[0]), 0, 0, size / (b[3] - b[1]), 0, 0])
    drawing.add(qr)
    with translation.override("vi"):
        story = [Paragraph(escape(record["province"].upper()), s["body"]), Spacer(1, 10 * mm),
                 Paragraph("GIẤY CHỨNG NHẬN THAM DỰ / CERTIFICATE OF ATTENDANCE", s["title"]), Spacer(1, 8 * mm),
                 Paragraph(f"Chứng nhận / This certifies that <b>{escape(record['name'])}</b>", s["body"]),
                 Paragraph(f"đã tham dự / attended: <b>{escape(record['event'])}</b>", s["body"]),
                 Paragraph(f"ngày / on {escape(record['date'])}", s["body"]), Spacer(1, 8 * mm),
                 Paragraph(f"Số / No. {escape(record['number'])} · ký số / signed ({escape(attendance.kid)})",
                           s["small"]),
                 Paragraph(escape(f"Kiểm tra / Verify: {url}"), s["small"]), drawing]
    doc.build(story)
    return buffer.getvalue()


def send_attendance(attendance, base_url: str) -> None:
    registration = attendance.registration
    with translation.override(settings.LANGUAGE_CODE):
        from django.utils.translation import gettext as _

        send_mail(_("FTA Hub: your certificate of attendance"),
                  _("Your certificate of attendance of \"%(event)s\": %(url)s") % {
                      "event": registration.event.title,
                      "url": base_url + f"/support/attendance/{attendance.token}/pdf/"},
                  None, [registration.email], fail_silently=True)

