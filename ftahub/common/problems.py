"""A problem found in what a person gave (a file, a form field): a code, where (the file's line, 0 for the whole
input) and its values (a value ``goods`` says which of the goods it concerns). Cores return problems, never sentences: the pages word them in the reader's language
(``ftahub.core.problems``), the command line and logs in English (``str``). Plain Python, no Django.

Each core registers the English of its codes (``ENGLISH``, ``str.format`` templates keyed by the code)."""

from dataclasses import dataclass
from typing import Any

ENGLISH: dict[str, str] = {}


@dataclass(frozen=True)
class Problem:
    code: str
    line: int = 0
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, line: int = 0, **values: Any) -> "Problem":
        return cls(code, line, tuple((k, str(v)) for k, v in values.items()))

    def __str__(self) -> str:
        values = dict(self.values)
        template = ENGLISH.get(self.code, self.code)
        try:
            text = template.format(**values)
        except (KeyError, IndexError, ValueError):
            text = template
        if "goods" in values:  # a problem of some of the goods only (a rule split by description)
            text = f"{values['goods']}: {text}"
        return f"line {self.line}: {text}" if self.line else text

    def data(self) -> dict[str, Any]:
        """As JSON keeps it (an import job's list of problems)."""
        return {"code": self.code, "line": self.line, "values": dict(self.values)}

    @classmethod
    def load(cls, data: Any) -> "Problem | str":
        """Back from ``data()``; a sentence kept by an older version stays a sentence."""
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            values = data.get("values") or {}
            return cls(data["code"], int(data.get("line") or 0), tuple((str(k), str(v)) for k, v in values.items()))
        return str(data)


class ProblemsError(ValueError):
    """Input that cannot be used, with every problem found in it (``errors``); the message is their English."""

    def __init__(self, errors: list[Problem]):
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors


def lines(problems: list[Any]) -> int:
    """How many lines of the input have a problem (a line with two problems counts once)."""
    return len({p.line if isinstance(p, Problem) else p for p in problems})
