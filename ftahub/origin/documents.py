"""Printable PDF of a saved assessment, and the evidence pack (ZIP) a customs audit asks for."""

import csv
import hashlib
import io
import json
import zipfile
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ftahub.core.exports import neutralise
from ftahub.core.pdf import styles

from .bom import flatten


def _p(text, style="cell") -> Paragraph:
    return Paragraph(escape(str(text if text is not None else "—")), styles()[style])


def _table(rows, widths) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def assessment_pdf(assessment) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=f"Origin self-assessment {assessment.pk}",
                            author="FTA Hub")
    s = styles()
    product = assessment.case["product"]
    story = [
        Paragraph("Tự đánh giá xuất xứ / Origin self-assessment", s["title"]),
        _p(f"{assessment.title} — HS {product['hs']} — {assessment.enterprise.name} "
           f"(MST {assessment.enterprise.tax_code})", "body"),
        _p(f"No. {assessment.pk}, {timezone.localtime(assessment.created_at):%d/%m/%Y %H:%M}. "
           f"{product.get('currency') or 'USD'}: "
           f"FOB {_v(product.get('fob'))}, ex-works {_v(product.get('ex_works'))}, net cost {_v(product.get('net_cost'))}, "
           f"weight {_v(product.get('weight_kg'))} kg; processes: {', '.join(product.get('processes') or []) or '—'}",
           "body"),
    ]
    if assessment.is_demo or assessment.enterprise.is_demo:
        story.append(_p("DEMO — made-up data for demonstration", "body"))
    story += [Paragraph("Kết quả theo hiệp định / Result by agreement", s["h2"])]
    rows = [[_p(h) for h in ("Agreement", "Rule", "Result", "Tests (required / actual)", "To qualify")]]
    for row in assessment.results:
        result = row.get("result") or {}
        verdict = ("QUALIFIES" if result.get("qualifies") else "does not qualify") if result else row["message"]
        tests = "; ".join(f"{t['rule'][:60]}: {t['required']} / {t['actual']} {'✓' if t['pass'] else '✗'}"
                          for t in result.get("tests", [])[:6])
        remedy = result.get("to_qualify", [])
        fix = f"{remedy[0]['alternative']}: {remedy[0]['actions'][0]['detail']}" if remedy else "—"
        rows.append([_p(row["agreement"]), _p(result.get("rule") or "—"), _p(verdict), _p(tests or "—"),
                     _p(fix)])
    story.append(_table(rows, [20 * mm, 45 * mm, 25 * mm, 50 * mm, 40 * mm]))
    story += [Spacer(1, 4 * mm), Paragraph("Định mức nguyên liệu / Bill of materials", s["h2"])]
    rows = [[_p(h) for h in ("Line", "HS", "Description", "Value", "Country", "Originating", "Weight kg")]]
    for m in flatten(assessment.case.get("materials", [])):
        origin = {True: "yes", False: "no", None: "unknown"}[m["originating"]]
        rows.append([_p(m["line"]), _p(m["hs"]), _p(m["description"]), _p(m["value"]), _p(m["country"]),
                     _p(origin), _p(m["weight_kg"])])
    story.append(_table(rows, [14 * mm, 20 * mm, 62 * mm, 22 * mm, 18 * mm, 22 * mm, 22 * mm]))
    declarations = list(assessment.declarations.all())
    if declarations:
        story += [Spacer(1, 4 * mm), Paragraph("Bản khai của nhà cung cấp / Supplier declarations", s["h2"])]
        rows = [[_p(h) for h in ("Line", "Supplier", "Status", "Originating", "Valid", "Declared by")]]
        for d in declarations:
            rows.append([_p(d.material_line), _p(d.supplier_name), _p(d.get_status_display()),
                         _p({True: "yes", False: "no", None: "—"}[d.originating]),
                         _p(f"{d.valid_from or '—'} – {d.valid_to or '—'}"), _p(d.declarant or "—")])
        story.append(_table(rows, [14 * mm, 50 * mm, 22 * mm, 22 * mm, 40 * mm, 32 * mm]))
    story += [Spacer(1, 4 * mm), _p(
        "Rules: UK Online Trade Tariff rules-of-origin data (UKVFTA; EVFTA rules as rolled over into the UKVFTA; "
        "CPTPP Annex 3-D). A self-assessment is the exporter's own check, not a certificate of origin.", "small")]
    doc.build(story)
    return buffer.getvalue()


def bom_csv(assessment) -> bytes:
    out = io.StringIO()
    fields = ["line", "parent", "hs", "description", "value", "country", "originating", "weight_kg", "quantity"]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for row in flatten(assessment.case.get("materials", [])):
        row["originating"] = {True: "yes", False: "no", None: "unknown"}[row["originating"]]
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return out.getvalue().encode("utf-8")


def evidence_pack(assessment) -> bytes:
    """ZIP: the assessment PDF, the BOM as CSV, the assessment as JSON, each supplier declaration (JSON and its
    signed document), and manifest.json with every file's SHA-256."""
    files: dict[str, bytes] = {
        "assessment.pdf": assessment_pdf(assessment),
        "bom.csv": bom_csv(assessment),
        "assessment.json": json.dumps({"id": assessment.pk, "title": assessment.title, "case": assessment.case,
                                       "results": assessment.results}, ensure_ascii=False, indent=2).encode(),
    }
    for d in assessment.declarations.all():
        stem = f"declarations/line-{d.material_line}-{d.pk}"
        files[f"{stem}.json"] = json.dumps({
            "supplier": d.supplier_name, "supplier_email": d.supplier_email, "material_line": d.material_line,
            "material_hs": d.material_hs, "material": d.material_description, "kind": d.kind, "status": d.status,
            "originating": d.originating, "origin_country": d.origin_country, "agreements": d.agreements,
            "valid_from": str(d.valid_from or ""), "valid_to": str(d.valid_to or ""), "declared_by": d.declarant,
            "declared_at": d.declared_at.isoformat() if d.declared_at else None,
        }, ensure_ascii=False, indent=2).encode()
        if d.document:
            with d.document.open("rb") as handle:
                files[f"{stem}-{d.document.name.rsplit('/', 1)[-1]}"] = handle.read()
    manifest = {
        "assessment": assessment.pk,
        "enterprise": {"name": assessment.enterprise.name, "tax_code": assessment.enterprise.tax_code},
        "generated_at": timezone.now().isoformat(),
        "files": [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                  for name, data in sorted(files.items())],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def _v(value) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
