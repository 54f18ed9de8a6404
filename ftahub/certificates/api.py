from ninja import Router, Schema, Status

from ftahub.core.schemas import Error

from .keys import KeyError_
from .payload import PayloadError
from .service import look_up, verify_payload

router = Router(tags=["certificates"])


class VerifyIn(Schema):
    payload: str | None = None
    co_number: str | None = None


class VerifyOut(Schema):
    status: str
    reason: str
    kid: str | None
    record: dict
    register_status: str | None = None
    revoked_at: str | None = None
    revocation_reason: str | None = None
    superseded_by: str | None = None


@router.post("/certificates/verify", response={200: VerifyOut, 404: Error, 422: Error},
             summary="Verify a signed C/O record (QR payload) or look up a C/O number")
def verify(request, body: VerifyIn):
    try:
        if body.payload:
            return verify_payload(body.payload)
        if body.co_number:
            report = look_up(body.co_number)
            if report is None:
                return Status(404, {"code": "not_found", "message": "No C/O with this number is in the register."})
            return report
    except (PayloadError, KeyError_) as exc:
        return Status(422, {"code": "unusable_payload", "message": str(exc)})
    return Status(422, {"code": "empty", "message": "Give a payload or a C/O number."})
