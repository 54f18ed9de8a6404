"""The classification assistant's core on small fixtures: plain Python, no database. The lines quote the tariff's
own text (chapters 08, 84, 94, 03)."""

from dataclasses import dataclass

from ftahub.tariffs.classifier import (
    Classifier,
    Example,
    Feedback,
    is_held_out,
    lines_from_rows,
    read_examples,
)


@dataclass
class Row:
    level: int
    code: str
    description_vi: str
    description_en: str


ROWS = [
    Row(0, "0810", "Quả khác, tươi.", "Other fruit, fresh."),
    Row(1, "081090", "- Loại khác:", "- Other:"),
    Row(2, "08109020", "- - Quả vải", "- - Lychees"),
    Row(2, "08109050", "- - Quả thanh long", "- - Dragon fruit"),
    Row(0, "0813", "Quả, khô, trừ các loại quả thuộc nhóm 08.01 đến 08.06", "Fruit, dried, other than that of headings "
                                                                             "08.01 to 08.06"),
    Row(1, "081340", "- Quả khác:", "- Other fruit:"),
    Row(2, "08134010", "- - Quả nhãn", "- - Longans"),
    Row(2, "08134090", "- - Loại khác", "- - Other"),
    Row(0, "8450", "Máy giặt gia đình hoặc trong hiệu giặt, kể cả máy giặt có chức năng sấy khô.",
        "Household or laundry-type washing machines, including machines which both wash and dry."),
    Row(1, "845011", "- - Máy tự động hoàn toàn:", "- - Fully-automatic machines:"),
    Row(2, "84501110", "- - - Loại có sức chứa không quá 6 kg vải khô một lần giặt",
        "- - - Each of a dry linen capacity not exceeding 6 kg"),
    Row(0, "9401", "Ghế ngồi (trừ các loại thuộc nhóm 94.02)", "Seats (other than those of heading 94.02)"),
    Row(1, "", "- Ghế khác, có khung bằng gỗ:", "- Other seats, with wooden frames:"),
    Row(2, "94016100", "- - Đã nhồi đệm", "- - Upholstered"),
    Row(2, "94016990", "- - Loại khác", "- - Other"),
    Row(0, "0306", "Động vật giáp xác", "Crustaceans"),
    Row(1, "030633", "- - Cua, ghẹ", "- - Crabs"),
    Row(2, "03063300", "- - Cua, ghẹ", "- - Crabs"),
    Row(0, "9801", "Chương 98 dòng riêng", "Chapter 98 own line"),
    Row(1, "98010010", "- Quả vải (chương 98)", "- Lychees (chapter 98)"),
]
NAMES = {"vải thiều": "quả vải lychees"}


def assistant(**kw):
    return Classifier(lines_from_rows(ROWS), examples=kw.pop("examples", ()), hs6=kw.pop("hs6", ()), names=NAMES,
                      **kw)


def codes(result):
    return [c.code for c in result.candidates]


def test_lines_carry_the_rows_printed_above_them_and_chapter_98_is_left_out():
    lines = {line.code: line for line in lines_from_rows(ROWS)}
    assert lines["94016100"].path_vi == ("Ghế ngồi (trừ các loại thuộc nhóm 94.02)", "- Ghế khác, có khung bằng gỗ:")
    assert "98010010" not in lines


def test_a_trade_name_finds_the_fruit_not_the_fabric_and_says_why():
    result = assistant().classify("vải thiều tươi")
    assert codes(result)[0] == "08109020"
    kinds = [r["kind"] for r in result.candidates[0].why]
    assert kinds[0] == "name" and "words" in kinds
    assert result.candidates[0].subheading == "081090"


def test_without_diacritics_the_same_line_is_found_and_typed_marks_decide_between_alike_words():
    assert codes(assistant().classify("ghe go nhoi dem"))[0] == "94016100"
    assert codes(assistant().classify("ghẹ"))[0] == "03063300"  # "ghế" (seat) folds alike; the mark decides


def test_english_plurals_match_the_singular():
    assert codes(assistant().classify("upholstered wooden chairs seat"))[0] == "94016100"


def test_a_labelled_description_votes_for_its_subheading():
    examples = [Example("dried longan flesh", "081340", "test")]
    result = assistant(examples=examples).classify("longan flesh dried")
    assert codes(result)[0][:6] == "081340"
    assert any(r["kind"] == "example" and r["text"] == "dried longan flesh" for r in result.candidates[0].why)


def test_a_one_word_query_is_vague_and_asks_what_would_decide():
    result = assistant().classify("quả")
    assert result.vague and result.questions
    assert not assistant().classify("máy giặt tự động hoàn toàn sức chứa 6 kg").vague


def test_an_officers_correction_puts_the_right_line_first_next_time():
    before = assistant().classify("vải thiều sấy khô")
    assert codes(before)[0] != "08134090"
    after = assistant().classify("vải thiều sấy khô",
                                 feedback=[Feedback("Vải thiều sấy khô", "08134090", wrong=codes(before)[0])])
    assert codes(after)[0] == "08134090"
    assert after.candidates[0].why[0]["kind"] == "confirmed"
    # an unrelated description is not moved
    assert codes(assistant().classify("thanh long", feedback=[Feedback("vải thiều sấy khô", "08134090")]))[0] \
        == "08109050"


def test_nothing_matches_an_unknown_word():
    result = assistant().classify("xyzzy")
    assert result.candidates == [] and result.vague


def test_the_hold_out_fifth_is_fixed_and_never_in_the_index(tmp_path):
    (tmp_path / "fpo_search_references.json").write_text(
        '{' + ", ".join(f'"item {i}": "08109020{i % 10}0"' for i in range(500)) + '}', encoding="utf-8")
    (tmp_path / "fpo_extra_references.csv").write_text("Goods Description,Commodity Code\nbad code,12\n",
                                                       encoding="utf-8")
    built = read_examples(tmp_path)
    held = read_examples(tmp_path, held_out=True)
    assert {e.text for e in built}.isdisjoint({e.text for e in held})
    assert len(built) + len(held) == 500  # "bad code" has fewer than six digits
    assert 0.15 < len(held) / 500 < 0.25
    assert all(is_held_out(e.text) for e in held)
    assert {e.subheading for e in built} == {"081090"}
