"""The privacy rules for cohort aggregates, tried as a curious trainer would."""

from __future__ import annotations

from core.privacy import DIFFERENCE_OF_ONE, ONE_WITHOUT_CONSENT, TOO_FEW, judge


def test_fewer_than_the_minimum_is_hidden_and_says_how_many_are_missing():
    verdict = judge({"latest": {1: 11, 2: 21}}, consented=set(), min_group=3)["latest"]
    assert (verdict.shown, verdict.reason, verdict.missing) == (False, TOO_FEW, 1)
    assert judge({"latest": {1: 11, 2: 21, 3: 31}}, set(), 3)["latest"].shown


def test_a_raised_minimum_applies():
    verdict = judge({"latest": {1: 11, 2: 21, 3: 31}}, set(), min_group=5)["latest"]
    assert (verdict.shown, verdict.missing) == (False, 2)


def test_two_selections_that_differ_by_one_person_are_not_both_shown():
    first = {1: 11, 2: 21, 3: 31, 4: 41}
    before = {1: 11, 2: 21, 3: 31}  # person 4 answered "før netværket" under another context
    verdicts = judge({"first": first, "context": before}, set(), 3)
    assert verdicts["first"].shown
    assert (verdicts["context"].shown, verdicts["context"].reason, verdicts["context"].against) == (
        False,
        DIFFERENCE_OF_ONE,
        "first",
    )


def test_one_person_with_another_round_is_a_difference_of_one_too():
    latest = {1: 12, 2: 22, 3: 32}
    after_meeting = {1: 12, 2: 22, 3: 31}  # only person 3's rounds differ: their change would show
    assert judge({"latest": latest, "ctx": after_meeting}, set(), 3)["ctx"].reason == DIFFERENCE_OF_ONE


def test_selections_that_differ_by_two_or_more_people_are_both_shown():
    first = {1: 11, 2: 21, 3: 31, 4: 41, 5: 51}
    latest = {1: 12, 2: 22, 3: 31, 4: 41, 5: 51}
    assert all(v.shown for v in judge({"first": first, "latest": latest}, set(), 3).values())


def test_a_hidden_selection_does_not_hide_others():
    verdicts = judge({"a": {1: 1, 2: 2}, "b": {1: 1, 2: 2, 3: 3}}, set(), 3)
    assert not verdicts["a"].shown and verdicts["b"].shown


def test_one_person_without_consent_among_consenting_people_is_hidden():
    selection = {1: 11, 2: 21, 3: 31}
    assert judge({"latest": selection}, consented={1, 2}, min_group=3)["latest"].reason == ONE_WITHOUT_CONSENT
    assert judge({"latest": selection}, consented={1}, min_group=3)["latest"].shown
    assert judge({"latest": selection}, consented={1, 2, 3}, min_group=3)["latest"].shown
