"""The privacy rules for cohort aggregates, tried as a curious trainer would."""

from __future__ import annotations

from core.privacy import (
    COMBINATION,
    DIFFERENCE,
    EARLIER,
    FEW_WITHOUT_CONSENT,
    TOO_FEW,
    Seen,
    judge,
    reveals,
)


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
        DIFFERENCE,
        "first",
    )


def test_one_person_with_another_round_is_a_difference_too():
    latest = {1: 12, 2: 22, 3: 32}
    after_meeting = {1: 12, 2: 22, 3: 31}  # only person 3's rounds differ: their change would show
    assert judge({"latest": latest, "ctx": after_meeting}, set(), 3)["ctx"].reason == DIFFERENCE


def test_a_difference_of_fewer_than_the_minimum_is_hidden_not_only_of_one():
    first = {p: p * 10 + 1 for p in range(1, 8)}
    latest = {**first, 1: 12, 2: 22}  # two people's change: an aggregate of two
    assert judge({"first": first, "latest": latest}, set(), 3)["latest"].reason == DIFFERENCE
    latest[3] = 32  # three people's change at a minimum of 3: a group of three
    assert all(v.shown for v in judge({"first": first, "latest": latest}, set(), 3).values())


def test_a_hidden_selection_does_not_hide_others():
    verdicts = judge({"a": {1: 1, 2: 2}, "b": {1: 1, 2: 2, 3: 3}}, set(), 3)
    assert not verdicts["a"].shown and verdicts["b"].shown


def test_the_people_without_consent_are_none_or_at_least_the_minimum():
    selection = {1: 11, 2: 21, 3: 31}
    # One without consent: the mean minus the two consenting people is that person.
    assert judge({"latest": selection}, consented={1, 2}, min_group=3)["latest"].reason == FEW_WITHOUT_CONSENT
    # Two without consent: (3 × mean − the consenting one) / 2 is the mean of two, below the minimum.
    assert judge({"latest": selection}, consented={1}, min_group=3)["latest"].reason == FEW_WITHOUT_CONSENT
    assert judge({"latest": selection}, consented={1, 2, 3}, min_group=3)["latest"].shown
    assert judge({"latest": selection}, consented=set(), min_group=3)["latest"].shown


def test_consenting_people_do_not_count_towards_a_difference():
    # Persons 4 and 5 consented: they are seen one by one anyway, so two selections differing in
    # them and in one more person differ, for what can be computed, in that one person alone.
    first = {1: 11, 2: 21, 3: 31, 4: 41, 5: 51, 6: 61}
    latest = {**first, 4: 42, 5: 52, 6: 62}
    assert judge({"first": first, "latest": latest}, {4, 5}, 3)["latest"].reason == DIFFERENCE


def test_a_picture_shown_before_counts_one_person_more_later_is_not_shown():
    earlier = {p: p * 10 for p in range(1, 6)}
    now = {**earlier, 6: 60}  # one more has finished
    verdict = judge({"latest": now}, set(), 3, Seen(groups=[earlier]))["latest"]
    assert (verdict.shown, verdict.reason, verdict.against) == (False, DIFFERENCE, EARLIER)
    batch = {**now, 7: 70, 8: 80}  # three more: a group of the minimum
    assert judge({"latest": batch}, set(), 3, Seen(groups=[earlier]))["latest"].shown


def test_showing_the_same_picture_again_is_always_allowed():
    earlier = {p: p * 10 for p in range(1, 6)}
    assert judge({"latest": dict(earlier)}, set(), 3, Seen(groups=[earlier]))["latest"].shown


def test_a_consent_later_withdrawn_stays_known():
    # Person 3 shared their results when the trainer looked; then withdrew. The aggregate of 1–5
    # minus what was seen of 3 covers four people, so it may show at a minimum of 4; without what
    # was seen, it would be five.
    selection = {p: p * 10 for p in range(1, 6)}
    assert judge({"latest": selection}, set(), 4, Seen(revealed={30}))["latest"].shown
    two_known = Seen(revealed={30, 40})
    assert judge({"latest": selection}, set(), 4, two_known)["latest"].reason == FEW_WITHOUT_CONSENT


def test_three_pictures_that_differ_pairwise_by_many_can_still_combine_to_a_few():
    # Built so that every two pictures differ in at least three people, yet
    # (A − B) − (C − D) = a1 − a2 − d1 + d2 is about persons a and d alone.
    a, b, c, d, e, f, g = range(1, 8)
    A = {a: 11, b: 21, c: 31, d: 41, e: 51, f: 61, g: 71}
    B = {a: 12, b: 22, c: 32, d: 41, e: 51, f: 61, g: 71}
    C = {a: 13, b: 21, c: 31, d: 41, e: 52, f: 62, g: 72}
    D = {a: 13, b: 22, c: 32, d: 42, e: 52, f: 62, g: 72}
    verdicts = judge({"A": A, "B": B, "C": C, "D": D}, set(), 3)
    assert [verdicts[n].shown for n in "ABC"] == [True, True, True]
    assert verdicts["D"].reason == COMBINATION


def test_the_exact_test_allows_what_cannot_be_taken_apart():
    # Four people answered only before, six before and after (minimum 5): everyone's latest and
    # everyone's first share the four, but no combination of the two isolates them.
    owner = {r: r // 10 for r in range(10, 170)}
    before_only = {10, 20, 30, 40}
    six_before, six_after = {50, 60, 70, 80, 90, 100}, {51, 61, 71, 81, 91, 101}
    latest, first = before_only | six_after, before_only | six_before
    assert not reveals([latest], first, owner, 5)
    # The six's first rounds beside them would: first − (the six's first rounds) is the four.
    assert reveals([latest, first], six_before, owner, 5)
