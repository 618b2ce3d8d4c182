"""Danish dates, times and numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from core.formatting import (
    WORD_JOINER,
    danish_date,
    danish_genitive,
    danish_number,
    danish_score,
    danish_time,
    distinct_names,
    escape_markdown,
    signed_danish_score,
)


def test_date_is_written_the_danish_way():
    assert danish_date(date(2026, 11, 23)) == "23. nov. 2026"
    assert danish_date(date(2026, 5, 3)) == "3. maj 2026"


def test_stored_utc_time_is_shown_in_danish_local_time():
    late_evening_utc = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert danish_date(late_evening_utc) == "24. nov. 2026"
    assert danish_time(late_evening_utc) == "00.30"


def test_naive_times_from_the_database_count_as_utc():
    assert danish_time(datetime(2026, 7, 1, 12, 0)) == "14.00"


def test_numbers_use_danish_thousands_separator():
    assert danish_number(5000) == "5.000"
    assert danish_number(12) == "12"


def test_scores_have_one_decimal_with_a_comma_and_missing_is_a_dash():
    assert danish_score(3.25) == "3,2"
    assert danish_score(4.0) == "4,0"
    assert danish_score(None) == "–"
    assert danish_score(float("nan")) == "–"


def test_markdown_is_escaped_so_a_date_is_not_read_as_a_list():
    assert escape_markdown("23. nov. 2026 · **Før**") == "23\\. nov\\. 2026 · \\*\\*Før\\*\\*"


def test_signed_differences_carry_a_real_minus_sign():
    assert [signed_danish_score(v) for v in (1.5, -1.0, 0.0)] == ["+1,5", "−1,0", "0,0"]


def test_possessive_of_names_ending_in_s_takes_an_apostrophe():
    assert [danish_genitive(n) for n in ("Mette", "Jonas", "Max", "Inez")] == ["Mettes", "Jonas'", "Max'", "Inez'"]


def test_repeated_names_are_numbered_with_a_label_nobody_has():
    assert distinct_names(["Ole Thomsen", "Ole Thomsen", "Ole Thomsen (2)"]) == [
        "Ole Thomsen",
        "Ole Thomsen (3)",
        "Ole Thomsen (2)",
    ]
    labels = distinct_names(["A", "A (2)", "A", "A (2)", "A", "A (3)"])
    assert len(set(labels)) == 6


def test_escaped_text_has_no_markdown_left_and_reads_as_typed():
    typed = "[Klik](http://x.invalid) **fed** :material/warning: :smile: www.x.dk a@b.dk <b>&amp;</b> 3,7"
    escaped = escape_markdown(typed)
    for pattern in ("](", "**", ":material/", ":smile:", "www.", "a@", "<b>", ">&amp;", "http://"):
        assert pattern not in escaped
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == typed
    assert "3,7" in escaped
