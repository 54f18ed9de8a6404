"""The hand-off package for eCoSys: a versioned JSON document (and the same data as XML) with the application, its
goods, the list of attachments with their SHA-256, the pre-check findings the officer accepted, and the approval.

Format ``ftahub-co-handoff`` version 1 is documented in docs/co-handoff.md; fields are never renamed within a
version, and a new version adds a new number.
"""

import hashlib
import json
from xml.etree import ElementTree as ET

FORMAT = "ftahub-co-handoff"
VERSION = 1


def _money(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def build(app, findings, approved_by, approved_at) -> dict:
    enterprise = app.enterprise
    return {
        "format": FORMAT,
        "version": VERSION,
        "reference": app.reference,
        "province": {"code": app.province.code, "name": app.province.name},
        "agreement": app.agreement.code,
        "form": app.form or app.agreement.co_form,
        "exporter": {"name": enterprise.name, "tax_code": enterprise.tax_code, "address": enterprise.address},
        "importer": {"name": app.importer_name, "address": app.importer_address, "country": app.destination},
        "transport": {"means": app.transport_means,
                      "departure": app.departure_date.isoformat() if app.departure_date else None,
                      "loading": app.port_loading, "discharge": app.port_discharge},
        "invoice": {"number": app.invoice_number, "date": app.invoice_date.isoformat() if app.invoice_date else None,
                    "total_fob_usd": _money(app.invoice_total)},
        "customs_declaration": app.customs_declaration,
        "items": [{"position": i.position, "hs": i.hs_code, "description": i.description,
                   "quantity": f"{i.quantity.normalize():f}", "unit": i.unit, "fob_usd": _money(i.fob_value),
                   "criterion": i.criterion, "marks": i.marks,
                   "self_assessment": i.assessment_id} for i in app.items.all()],
        "attachments": [{"kind": d.kind, "name": d.name, "size": d.size, "sha256": d.sha256}
                        for d in app.documents.all()],
        "precheck": [{"severity": f.severity, "code": f.code, "field": f.field, "message": f.message}
                     for f in findings],
        "approved": {"by": approved_by.get_username(), "at": approved_at.isoformat()},
    }


def to_json(package: dict) -> bytes:
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=False).encode()


def digest(package: dict) -> str:
    return hashlib.sha256(to_json(package)).hexdigest()


def _element(parent, name: str, value) -> None:
    if isinstance(value, dict):
        node = ET.SubElement(parent, name)
        for key, sub in value.items():
            _element(node, key, sub)
    elif isinstance(value, list):
        node = ET.SubElement(parent, name)
        singular = {"items": "item", "attachments": "attachment", "precheck": "finding"}.get(name, "entry")
        for sub in value:
            _element(node, singular, sub)
    elif value is not None:
        ET.SubElement(parent, name).text = str(value)


def to_xml(package: dict) -> bytes:
    root = ET.Element("coHandoff", {"format": package["format"], "version": str(package["version"])})
    for key, value in package.items():
        if key not in ("format", "version"):
            _element(root, key, value)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def checklist(package: dict) -> list[tuple[str, dict]]:
    """What the officer does in eCoSys with this package, in order: (step code, values); the page words each step
    in the reader's language (codesk.views.CHECKLIST)."""
    transport, invoice = package["transport"], package["invoice"]
    steps = [
        ("open", {"form": package["form"], "tax_code": package["exporter"]["tax_code"],
                  "exporter": package["exporter"]["name"]}),
        ("shipment", {"importer": package["importer"]["name"], "country": package["importer"]["country"],
                      "means": transport["means"], "loading": transport["loading"],
                      "discharge": transport["discharge"], "departure": transport["departure"],
                      "invoice": invoice["number"], "invoice_date": invoice["date"]}),
    ]
    for item in package["items"]:
        steps.append(("item", {"position": item["position"], "hs": item["hs"], "description": item["description"],
                               "quantity": item["quantity"], "unit": item["unit"], "fob": item["fob_usd"],
                               "criterion": item["criterion"]}))
    for doc in package["attachments"]:
        steps.append(("attach", {"name": doc["name"], "kind": doc["kind"], "sha256": doc["sha256"][:16]}))
    steps.append(("sign", {"reference": package["reference"]}))
    return steps
