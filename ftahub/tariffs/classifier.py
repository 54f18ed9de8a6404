"""HS classification assistant: a product described in Vietnamese or English → Viet Nam's likely 8-digit lines, each
with its 6-digit subheading, a score and the reasons (docs/decisions/0006-hs-classifier.md).

Three lexical indexes, ranked with BM25 and added up per line:

- the tariff's own lines: each line's Vietnamese and English text (twice) and the text of every row printed above it
  (heading, subheading, text rows such as "- Ngựa:"), so "- - Loại khác" is found by its context;
- labelled goods descriptions (HMRC's, English, "abalone" → 0307.81): a description votes for its subheading;
- the HS 2022 subheadings' own (English) text.

Vietnamese is matched on syllables folded to ASCII ("ghe" finds "ghế") plus the syllables as typed (a typed
diacritic counts twice, so "ghế" outranks "ghẹ"), and on pairs of adjacent syllables, which stand for Vietnamese
words ("điện thoại"); an optional segmenter (pyvi) can replace the pairs. Corrections and confirmations by officers
(``Feedback``) move the code they name to the top for the same description, and the code they corrected down.

Plain Python: no Django. The core returns codes and data; the edge words them.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import json
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ftahub.common.text import fold

# --- text ---------------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# matched on the word as written: English "the" is a stop word, Vietnamese "thể" (folded "the") is not; "của" is,
# "cua" (crab, or "của" typed without marks) is not
STOP_WORDS = frozenset("of the and or for with a an by from its as other nes not than".split()
                       + "các và hoặc của cho đã chưa được bằng từ với những này một loại khác".split())


def _stem(word: str) -> str:
    """English plurals to their singular ("batteries" → "battery", "chairs" → "chair"); other words unchanged."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


Segmenter = Callable[[str], list[str]]


@dataclass(frozen=True)
class Token:
    key: str  # what the index holds
    shown: str  # the word as written, for the reasons


def tokens(text: str, segmenter: Segmenter | None = None) -> list[Token]:
    """Index keys of a text: folded words (stemmed), the words as written when they carry diacritics ("~ghế"), and
    word pairs ("dien_thoai") — or, with a segmenter, its multi-syllable words instead of the pairs."""
    words = [w.lower() for w in _WORD.findall(text)]
    found: list[Token] = []
    folded_words = []
    for word in words:
        folded = fold(word)
        folded_words.append(folded if word not in STOP_WORDS else "")
        if word in STOP_WORDS or (len(folded) < 2 and not folded.isdigit()):
            continue
        found.append(Token(_stem(folded), word))
        if folded != word:
            found.append(Token("~" + word, word))
    if segmenter is not None:
        for unit in segmenter(text):
            if "_" in unit:
                found.append(Token(fold(unit.lower()), unit.replace("_", " ")))
    else:
        for first, second, shown in zip(folded_words, folded_words[1:], zip(words, words[1:], strict=False),
                                        strict=False):
            if first and second:
                found.append(Token(f"{first}_{second}", " ".join(shown)))
    return found


# --- BM25 ---------------------------------------------------------------------------------------------------------

class BM25:
    """An inverted index over short documents, scored with Okapi BM25 (k1 1.2, b 0.75)."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        building: dict[str, tuple[array[int], array[int]]] = {}
        lengths = [len(d) for d in documents]
        average = sum(lengths) / max(len(documents), 1) or 1.0
        for index, document in enumerate(documents):
            counts: dict[str, int] = defaultdict(int)
            for key in document:
                counts[key] += 1
            for key, count in counts.items():
                ids, tfs = building.setdefault(key, (array("I"), array("H")))
                ids.append(index)
                tfs.append(min(count, 65535))
        # compact arrays, not lists of tuples: a tenth of the objects for the garbage collector to walk
        self.postings = building
        total = len(documents)
        self.idf = {key: math.log(1 + (total - len(p[0]) + 0.5) / (len(p[0]) + 0.5)) for key, p in building.items()}
        self.norm = array("d", (k1 * (1 - b + b * length / average) for length in lengths))
        self.k1 = k1

    def search(self, keys: Iterable[str]) -> dict[int, tuple[float, set[str]]]:
        """Score of every document carrying a key, with the keys it carries."""
        scores: dict[int, tuple[float, set[str]]] = {}
        for key in set(keys):
            idf = self.idf.get(key)
            if idf is None:
                continue
            ids, tfs = self.postings[key]
            for index, count in zip(ids, tfs, strict=True):
                gain = idf * count * (self.k1 + 1) / (count + self.norm[index])
                score, matched = scores.get(index, (0.0, set()))
                matched.add(key)
                scores[index] = (score + gain, matched)
        return scores


# --- data ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """A national line and the text of the rows printed above it (heading first)."""

    code: str  # 8 digits
    description_vi: str
    description_en: str
    path_vi: tuple[str, ...] = ()
    path_en: tuple[str, ...] = ()

    @property
    def subheading(self) -> str:
        return self.code[:6]


@dataclass(frozen=True)
class Example:
    """A labelled goods description: text → HS subheading (6 digits)."""

    text: str
    subheading: str
    source: str


@dataclass(frozen=True)
class Feedback:
    """An officer's (or a business's) confirmation or correction: this description is this line; ``wrong`` is the
    line it was corrected from, if any."""

    text: str
    code: str
    wrong: str = ""


class RowLike:  # the shape lines_from_rows reads (vntariff.NomenclatureRow)
    level: int
    code: str
    description_vi: str
    description_en: str


def lines_from_rows(rows: Iterable[RowLike], skip_chapters: Iterable[str] = ("98",)) -> list[Line]:
    """National lines with their printed context, from the tariff's rows in order (``level`` is the indent; a
    heading is level 0). Chapter 98 (Viet Nam's mapping chapter for special preferences) is left out by default."""
    skip = set(skip_chapters)
    stack: list[tuple[str, str]] = []
    lines = []
    for row in rows:
        level = max(int(row.level), 0)
        del stack[level:]
        if len(row.code) == 8 and row.code[:2] not in skip:
            lines.append(Line(row.code, row.description_vi, row.description_en,
                              tuple(vi for vi, _ in stack if vi), tuple(en for _, en in stack if en)))
        stack.append((row.description_vi, row.description_en))
    return lines


def is_held_out(text: str) -> bool:
    """The fixed fifth of the labelled descriptions never used to build the index (the benchmark's hold-out)."""
    return hashlib.sha256(fold(text).strip().encode()).digest()[0] % 5 == 0


# --- the classifier -----------------------------------------------------------------------------------------------

@dataclass
class Candidate:
    code: str
    subheading: str
    score: float
    description_vi: str
    description_en: str
    path_vi: tuple[str, ...]
    path_en: tuple[str, ...]
    why: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Result:
    query: str
    vague: bool
    questions: list[str]  # codes: material, state, use, more_words
    candidates: list[Candidate]


# what to ask when the candidates differ by it: question code → words (folded) that tell the candidates apart
QUESTIONS = {
    "state": ("tuoi", "dong lanh", "kho", "fresh", "frozen", "dried", "chilled", "uop lanh", "say"),
    "material": ("go", "nhua", "plastic", "wood", "sat", "thep", "steel", "iron", "da thuoc", "leather", "bong",
                 "cotton", "to tam", "silk", "thuy tinh", "glass", "nhom", "aluminium", "giay", "paper"),
    "use": ("dung cho", "used for", "of a kind used", "loai dung", "for use"),
}
WEIGHT_EXAMPLES = 1.5
WEIGHT_HS6 = 0.5
VIETNAMESE_EXAMPLE_FACTOR = 0.3
EXAMPLE_DECAY = (1.0, 0.5, 0.25)
COVERAGE_POWER = 1.0
WEIGHT_FEEDBACK = 6.0


class Classifier:
    def __init__(self, lines: Sequence[Line], examples: Iterable[Example] = (), hs6: Iterable[tuple[str, str]] = (),
                 segmenter: Segmenter | None = None, names: dict[str, str] | None = None):
        self.segmenter = segmenter
        # trade names people type → the words the tariff uses (tariffs/data/trade_names.json), longest first
        self.names = sorted(((fold(k), k, v) for k, v in (names or {}).items()), key=lambda n: -len(n[0]))
        self.lines = list(lines)
        self.by_subheading: dict[str, list[int]] = defaultdict(list)
        self.by_code: dict[str, int] = {}
        for index, line in enumerate(self.lines):
            self.by_subheading[line.subheading].append(index)
            self.by_code[line.code] = index
        self.line_index = BM25([self._line_keys(line) for line in self.lines])
        vi_words = {fold(w) for line in self.lines for w in _WORD.findall(f"{line.description_vi} "
                                                                          f"{' '.join(line.path_vi)}")}
        en_words = {fold(w) for line in self.lines for w in _WORD.findall(f"{line.description_en} "
                                                                          f"{' '.join(line.path_en)}")}
        self.vi_only, self.en_only = vi_words - en_words, en_words - vi_words
        self.examples = [e for e in examples if e.subheading in self.by_subheading]
        self.example_index = BM25([[t.key for t in tokens(e.text, segmenter)] for e in self.examples])
        self.hs6 = [(code, text) for code, text in hs6 if code in self.by_subheading]
        self.hs6_index = BM25([[t.key for t in tokens(text, segmenter)] for _, text in self.hs6])

    def is_vietnamese(self, text: str) -> bool:
        """A query with Vietnamese marks, or more words only Vietnamese descriptions use than only English ones."""
        if fold(text) != text.lower():
            return True
        words = [fold(w) for w in _WORD.findall(text)]
        return sum(w in self.vi_only for w in words) > sum(w in self.en_only for w in words)

    def _line_keys(self, line: Line) -> list[str]:
        own = tokens(f"{line.description_vi} {line.description_en}", self.segmenter)
        context = tokens(" ".join((*line.path_vi, *line.path_en)), self.segmenter)
        return [t.key for t in own] * 2 + [t.key for t in context]

    def classify(self, text: str, top: int = 5, feedback: Iterable[Feedback] = ()) -> Result:
        query = " ".join(text.split())[:500]
        query_tokens = tokens(query, self.segmenter)
        shown = {t.key: t.shown for t in query_tokens}  # the reasons quote the user's words, not a name's expansion
        folded_query = f" {' '.join(_WORD.findall(fold(query)))} "
        names_used: list[dict[str, object]] = []
        for folded_name, name, words in self.names:
            if f" {folded_name} " in folded_query:
                folded_query = folded_query.replace(f" {folded_name} ", " ")
                names_used.append({"kind": "name", "name": name, "words": words})
                query_tokens += tokens(words, self.segmenter)
        keys = [t.key for t in query_tokens]
        scores: dict[int, float] = defaultdict(float)
        reasons: dict[int, list[dict[str, object]]] = defaultdict(list)

        covered: dict[int, set[str]] = defaultdict(set)  # the query's keys each line's evidence carries
        for index, (score, matched) in self.line_index.search(keys).items():
            scores[index] += score
            covered[index] |= matched
            reasons[index].append({"kind": "words", "words": _shown(matched, shown)})
        by_sub: dict[str, list[tuple[float, int, set[str]]]] = defaultdict(list)
        for index, (score, matched) in self.example_index.search(keys).items():
            by_sub[self.examples[index].subheading].append((score, index, matched))
        # labelled descriptions are English: for a Vietnamese query their chance matches ("ban", "may") count less
        weight = WEIGHT_EXAMPLES * (VIETNAMESE_EXAMPLE_FACTOR if self.is_vietnamese(query) else 1.0)
        for sub, found in by_sub.items():
            found.sort(key=lambda f: -f[0])
            # the best description counts in full, the next ones less (several people typing alike agree)
            score = sum(f[0] * decay for f, decay in zip(found, EXAMPLE_DECAY, strict=False))
            _, index, matched = found[0]
            example = self.examples[index]
            for line in self.by_subheading[sub]:
                scores[line] += weight * score
                covered[line] |= matched
                reasons[line].append({"kind": "example", "text": example.text, "source": example.source,
                                      "words": _shown(matched, shown)})
        for index, (score, matched) in self.hs6_index.search(keys).items():
            sub, hs_text = self.hs6[index]
            for line in self.by_subheading[sub]:
                scores[line] += WEIGHT_HS6 * score
                covered[line] |= matched
                reasons[line].append({"kind": "hs6", "text": hs_text, "words": _shown(matched, shown)})

        # evidence that leaves out a telling word of the query ("pangasius" in "frozen pangasius fillets") counts
        # less: the score is scaled by the share of the query's weight (inverse document frequency) it covers
        weights = {k: self.line_index.idf.get(k) or self.example_index.idf.get(k) or 1.0 for k in set(keys)}
        total = sum(weights.values()) or 1.0
        for index in scores:
            share = sum(weights[k] for k in covered[index]) / total
            scores[index] *= share ** COVERAGE_POWER
            reasons[index][:0] = [n for n in names_used if _uses(n["words"], reasons[index])]
        query_set = {k for k in keys if not k.startswith("~")}
        by_code = self.by_code
        for item in feedback:
            similarity = _overlap(query_set, {t.key for t in tokens(item.text, self.segmenter)
                                              if not t.key.startswith("~")})
            if similarity < 0.6:
                continue
            top_score = max(scores.values(), default=1.0)
            if item.code in by_code:
                index = by_code[item.code]
                scores[index] += WEIGHT_FEEDBACK * similarity * max(top_score, 1.0)
                reasons[index].insert(0, {"kind": "confirmed", "text": item.text})
            if item.wrong in by_code:
                scores[by_code[item.wrong]] *= 0.5
                reasons[by_code[item.wrong]].append({"kind": "corrected_away", "text": item.text})

        # one partial sort serves both the candidates and the look at the best ten for vagueness
        best = heapq.nsmallest(max(top, 1, 10), scores, key=lambda i: (-scores[i], self.lines[i].code))
        candidates = [self._candidate(i, scores[i], reasons[i]) for i in best[: max(top, 1)]]
        vague, questions = self._vagueness(query_set, [self.lines[i] for i in best[:10]],
                                           [scores[i] for i in best[:10]])
        return Result(query, vague, questions, candidates)

    def _candidate(self, index: int, score: float, why: list[dict[str, object]]) -> Candidate:
        line = self.lines[index]
        return Candidate(line.code, line.subheading, round(score, 3), line.description_vi, line.description_en,
                         line.path_vi, line.path_en, why)

    def _vagueness(self, query: set[str], lines: list[Line], scores: list[float]) -> tuple[bool, list[str]]:
        """Too vague when nothing matches, when the query has one word, or when the best lines are spread over
        several headings with close scores; the questions are what tells the best lines apart."""
        if not lines:
            return True, ["more_words"]
        words = {k for k in query if "_" not in k}
        headings = {line.code[:4] for line in lines[:5]}
        close = len(scores) > 1 and scores[1] >= 0.85 * scores[0]
        vague = len(words) < 2 or (len(headings) >= 3 and close)
        if not vague:
            return False, []
        questions = []
        texts = [fold(" ".join((line.description_vi, line.description_en, *line.path_vi[-1:], *line.path_en[-1:])))
                 for line in lines[:5]]
        for code, markers in QUESTIONS.items():
            present = {m for m in markers for t in texts if re.search(rf"\b{re.escape(m)}\b", t)}
            if len(present) >= 2 and not any(fold(m).replace(" ", "_") in query or fold(m) in query for m in present):
                questions.append(code)
        return True, questions or ["more_words"]


def _shown(matched: set[str], shown: dict[str, str]) -> list[str]:
    """The words of the query a document matched, as the user typed them, without repeats."""
    words: list[str] = []
    for key in sorted(matched):
        word = shown.get(key)
        if word and word not in words:
            words.append(word)
    return words


def _uses(words: object, reasons: list[dict[str, object]]) -> bool:
    """Whether a line matched one of the words a trade name stands for."""
    matched = {w for r in reasons for w in (r.get("words") or []) if isinstance(w, str)}  # type: ignore[attr-defined]
    return bool(matched & set(str(words).split()))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --- reading the reference data -----------------------------------------------------------------------------------

def read_examples(directory: str | Path, held_out: bool = False) -> list[Example]:
    """HMRC's labelled goods descriptions (``hs-classification-uk``: search references and parcel descriptions),
    the first six digits of each code taken as the HS subheading. Without ``held_out`` the fixed hold-out fifth is
    left out (the index never sees it); with it, only that fifth is returned (for the benchmark)."""
    base = Path(directory)
    pairs: list[tuple[str, str, str]] = []
    references = json.loads((base / "fpo_search_references.json").read_text(encoding="utf-8"))
    pairs.extend((text, code, "hmrc-search") for text, code in references.items())
    with (base / "fpo_extra_references.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            pairs.append((row.get("Goods Description") or "", row.get("Commodity Code") or "", "hmrc-parcel"))
    examples = []
    for text, code, source in pairs:
        digits = re.sub(r"\D", "", code)
        if len(digits) < 6 or not text.strip() or is_held_out(text) != held_out:
            continue
        examples.append(Example(text.strip(), digits[:6], source))
    return examples


def read_hs6(path: str | Path) -> list[tuple[str, str]]:
    """HS 2022 subheadings and their (UN Comtrade short) English text."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return [(row["hscode"], row["description"]) for row in csv.DictReader(handle)
                if len(row.get("hscode") or "") == 6 and row["hscode"].isdigit()]
