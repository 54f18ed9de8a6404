"""The printable C/O record: the certificate's data laid out in the order of the C/O form's boxes, bilingual
headings, and a QR code holding a link to the verify page with the signed payload after "#" (payload.to_link). The
payload is also kept in the PDF's keywords, so ``ftahub eco verify file.pdf`` reads it without decoding the image."""

import io
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ftahub.core.pdf import styles

from .payload import qr_segments, to_link


def _p(text, style="cell"):
    return Paragraph(escape(str(text if text not in (None, "") else "—")), styles()[style])


def qr_text(certificate, verify_url: str) -> str:
    """The QR's text: a link to the hub's verify page (``verify_url``'s scheme and host) with the signed payload after
    ``#``, which the verify page checks in the browser and ``ftahub eco verify`` reads as well."""
    from urllib.parse import urlsplit

    parts = urlsplit(verify_url)
    return to_link(f"{parts.scheme}://{parts.netloc}", certificate.payload)


def certificate_pdf(certificate, verify_url: str) -> bytes:
    record = certificate.record
    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title=f"C/O {certificate.co_number}", author="FTA Hub",
                            subject=f"Signed record of certificate of origin {certificate.co_number}",
                            keywords=certificate.payload)
    qr = segno.make(qr_segments(qr_text(certificate, verify_url)), error="m")
    qr_png = io.BytesIO()
    qr.save(qr_png, kind="png", scale=3, border=2)
    qr_png.seek(0)
    exporter, importer = record.get("exporter", {}), record.get("importer", {})
    transport, invoice = record.get("transport", {}), record.get("invoice", {})
    header = Table([[
        [Paragraph("Bản ghi có chữ ký của Giấy chứng nhận xuất xứ<br/>Signed record of a Certificate of Origin",
                   s["title"]),
         _p(f"{record.get('agreement')} — Mẫu / Form {record.get('form')} — Số / No. {certificate.co_number}", "body"),
         _p(f"Ngày cấp / Issued {record.get('issued_on')} — {record.get('issuer', '')}", "body"),
         _p("DEMO — made-up data for demonstration" if certificate.is_demo else "", "body")],
        Image(qr_png, width=48 * mm, height=48 * mm)]], colWidths=[130 * mm, 50 * mm])
    boxes = [
        ["1. Người xuất khẩu / Exporter", f"{exporter.get('name')}\n{exporter.get('address', '')}\n"
                                          f"MST / Tax code {exporter.get('tax_code', '')}"],
        ["2. Người nhập khẩu / Consignee", f"{importer.get('name')}\n{importer.get('address', '')} "
                                           f"({importer.get('country', '')})"],
        ["3. Phương tiện vận tải / Transport", f"{transport.get('means', '')} — {transport.get('loading', '')} → "
                                               f"{transport.get('discharge', '')}, {transport.get('departure', '')}"],
        ["4. Nước đến / Destination", record.get("destination", "")],
        ["5. Hóa đơn / Invoice", f"{invoice.get('number', '')} {invoice.get('date', '')}"],
    ]
    box_table = Table([[_p(a), _p(b)] for a, b in boxes], colWidths=[55 * mm, 125 * mm])
    items = [[_p(h) for h in ("Mã HS / HS", "Mô tả / Description", "Số lượng / Quantity", "Trị giá FOB / FOB",
                              "Tiêu chí / Criterion")]]
    for item in record.get("items", []):
        items.append([_p(item.get("hs")), _p(item.get("description")), _p(f"{item.get('quantity', '')} "
                      f"{item.get('unit', '')}"), _p(item.get("fob")), _p(item.get("criterion"))])
    item_table = Table(items, colWidths=[25 * mm, 70 * mm, 30 * mm, 30 * mm, 25 * mm], repeatRows=1)
    for table in (box_table, item_table):
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([header, Spacer(1, 4 * mm), box_table, Spacer(1, 4 * mm), item_table, Spacer(1, 5 * mm),
               _p(f"Xác minh / Verify: {verify_url} — hoặc ngoại tuyến / or offline: ftahub eco verify "
                  f"<this file> (khóa / key {certificate.kid}). Bản ghi này không thay thế C/O cấp trên eCoSys / "
                  "This record does not replace the C/O issued in eCoSys.", "small")])
    return buffer.getvalue()
