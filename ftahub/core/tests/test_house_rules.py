"""The rules of the house, as tests: the floor (core) imports no capability and the capabilities' imports have no
cycle; the plain-Python cores never load Django; every API operation answers with a typed schema.

The drawing of the imports (docs/imports.md) is made by ``python -m ftahub.core.imports`` from the same graph."""

import json
import subprocess
import sys

import pytest

from ftahub.core import imports

# The domain cores: plain Python, no Django, no database; tested on their own and type-checked (mypy --strict).
CORES = [
    "ftahub.common.hscode", "ftahub.common.text", "ftahub.common.tables", "ftahub.common.keyring", "ftahub.common.amounts",
    "ftahub.common.challenge",
    "ftahub.origin.language", "ftahub.origin.engine", "ftahub.origin.case", "ftahub.origin.bom",
    "ftahub.origin.hs", "ftahub.origin.rulebook", "ftahub.origin.provisions", "ftahub.origin.demand",
    "ftahub.origin.translate", "ftahub.tariffs.rates", "ftahub.tariffs.staging", "ftahub.tariffs.schedule",
    "ftahub.tariffs.commitments", "ftahub.tariffs.vntariff", "ftahub.tariffs.classifier", "ftahub.origin.audit",
    "ftahub.transparency.merkle", "ftahub.transparency.canonical",
    "ftahub.transparency.note", "ftahub.transparency.bundle", "ftahub.certificates.base45",
    "ftahub.certificates.payload", "ftahub.certificates.keys", "ftahub.trace.epcis", "ftahub.trace.farm",
    "ftahub.codesk.turnaround", "ftahub.stats.engine", "ftahub.stats.indicators",
    "ftahub.markets.schedules", "ftahub.markets.noticefile", "ftahub.markets.surge",
    "ftahub.logistics.figures", "ftahub.logistics.timeline",
]


def test_core_imports_no_capability():
    graph = imports.app_graph()
    assert graph.get("core", set()) <= {"common"}, imports.edges_from("core")


def test_common_imports_nothing_of_the_hub():
    assert imports.app_graph().get("common", set()) == set(), imports.edges_from("common")


def test_the_capabilities_imports_have_no_cycle():
    assert imports.cycles() == []


def test_the_drawing_is_up_to_date():
    from django.conf import settings

    drawn = (settings.REPO_DIR / "docs" / "imports.md").read_text()
    assert drawn == imports.drawing(), "run: .venv/bin/python -m ftahub.core.imports > docs/imports.md"


def test_every_module_that_says_plain_python_is_a_declared_core():
    claimed = imports.modules_claiming_plain_python()
    assert sorted(set(claimed) - set(CORES)) == []


def test_no_core_loads_django():
    code = ("import importlib, json, sys\n"
            f"for name in {CORES!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(imports.REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == []


@pytest.mark.parametrize("core", CORES)
def test_each_core_alone_loads_no_django(core):
    """One process per core, so a core that loads Django is named (the test above only says that one does)."""
    code = f"import importlib, sys; importlib.import_module({core!r}); print('django' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(imports.REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"


def _typed(schema: dict, components: dict) -> bool:
    """A response schema is typed when it names a component with declared properties, a list of such, or a
    scalar; a bare object (``dict``) is not."""
    if "$ref" in schema:
        target = components[schema["$ref"].rsplit("/", 1)[-1]]
        return bool(target.get("properties")) or target.get("type") in ("string", "integer", "number", "boolean")
    if schema.get("type") == "array":
        return _typed(schema.get("items", {}), components)
    if schema.get("type") in ("string", "integer", "number", "boolean"):
        return True
    if "anyOf" in schema:
        return all(_typed(s, components) for s in schema["anyOf"] if s.get("type") != "null")
    return bool(schema.get("properties"))


def test_every_api_operation_has_a_typed_response(client):
    spec = client.get("/api/v1/openapi.json").json()
    components = spec.get("components", {}).get("schemas", {})
    untyped = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                for media in response.get("content", {}).values():
                    if not _typed(media.get("schema", {}), components):
                        untyped.append(f"{method.upper()} {path} {status}")
            if not any(s.startswith("2") for s in operation.get("responses", {})):
                untyped.append(f"{method.upper()} {path}: no success response documented")
    assert untyped == []


def test_api_schemas_have_names_of_their_own():
    """django-ninja names an OpenAPI component after its schema class: two capabilities' ``AgreementOut`` became one,
    and the agreements API's answers no longer matched their documented shape (found by Schemathesis)."""
    import re
    from collections import Counter

    names = Counter()
    for path in imports.PACKAGE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        names.update(re.findall(r"^class (\w+)\((?:\w*Schema)\):", path.read_text(), re.M))
    assert [n for n, count in names.items() if count > 1] == []
