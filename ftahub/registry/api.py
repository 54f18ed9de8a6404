"""Read API of the registry for the province's staff (session): the same records and columns as the exports."""

from ninja import Router, Status
from ninja.security import django_auth

from ftahub.core.schemas import Error

from . import files
from .kinds import KINDS, search
from .schemas import RecordOut
from .views import STAFF

router = Router(tags=["foreign-affairs registry"], auth=django_auth)


@router.get("/registry/{kind}", response={200: list[RecordOut], 403: Error, 404: Error},
            summary="Registry records of a kind (partners, relationships, delegations, agreements, follow-ups, "
                    "projects, fdi, enterprises) that the user may see")
def records(request, kind: str, q: str | None = None, limit: int = 200):
    if not request.user.has_role(STAFF):
        return Status(403, {"code": "forbidden", "message": "The registry is for the province's staff."})
    spec = KINDS.get(kind)
    if spec is None:
        return Status(404, {"code": "unknown_kind", "message": f"Kinds: {', '.join(KINDS)}."})
    rows = search(spec.model.objects.visible_to(request.user), spec, q)[:max(1, min(limit, 1000))]
    names = files.header(spec)
    return [dict(zip(names, [obj.pk, *(files._cell(obj, n, spec) for n in spec.fields)], strict=True))
            | {"province": obj.province.code, "is_demo": obj.is_demo} for obj in rows]
