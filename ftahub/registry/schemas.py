from pydantic import BaseModel, ConfigDict


class RecordOut(BaseModel):
    """One registry record: its id, province and demo label, then the columns of its kind's export (the same
    names as the CSV/XLSX header, e.g. ``name``, ``country``, ``signed_on``), as text, numbers or null."""

    model_config = ConfigDict(extra="allow")

    id: int
    province: int
    is_demo: bool
