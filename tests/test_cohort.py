"""The course dashboard (storage): aggregates in the database, shown only where nobody is exposed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from core import texts
from core.privacy import DIFFERENCE, EARLIER, FEW_WITHOUT_CONSENT, TOO_FEW
from db import accounts, cohort, courses, rounds
from db.errors import NotAllowedError, NotFoundError
from db.models import RoundScore


def test_below_the_minimum_there_is_no_aggregate_and_it_says_how_many_more(join, make_completed_round, board):
    for name, rating in (("Anna", 2), ("Bodil", 4)):
        make_completed_round(join(name).id, rating=rating)
    shown = board()
    assert (shown.verdict.shown, shown.verdict.reason, shown.verdict.missing) == (False, TOO_FEW, 1)
    assert shown.stats is None


def test_from_three_people_the_cohort_mean_and_distribution_appear_but_no_band(join, make_completed_round, board, bank):
    for name, rating in (("Anna", 1), ("Bodil", 3), ("Carl", 5)):
        make_completed_round(join(name).id, rating=rating)
    stats = board().stats
    first = bank.competencies[0].id
    assert stats.people == 3
    assert stats.mean[first] == 3.0
    # No lowest and highest: with the mean they gave the third person's score.
    assert stats.band is None and not hasattr(stats, "low")
    assert stats.distribution[first] == {1: 2, 3: 2, 5: 2}
    # No narrower cut: every competency's numbers cover all three people (two ratings each).
    assert all(sum(counts.values()) == 6 for counts in stats.distribution.values())
    assert len(stats.mean) == 10


def test_two_choices_that_differ_by_one_person_cannot_both_be_seen(join, make_completed_round, board):
    for name in ("Anna", "Bodil", "Carl"):
        make_completed_round(join(name).id, rating=3, context="foer-netvaerket")
    make_completed_round(join("Dorte").id, rating=1, context="andet")
    assert board(cohort.LATEST).verdict.shown
    before = board("foer-netvaerket")
    assert (before.verdict.shown, before.verdict.reason, before.stats) == (False, DIFFERENCE, None)


def test_change_from_first_to_latest_across_the_cohort(join, make_completed_round, board, bank):
    for name in ("Anna", "Bodil", "Carl"):
        user = join(name)
        make_completed_round(user.id, rating=2)
        make_completed_round(user.id, rating=4, context="efter-moede-1")
    shown = board()
    first, latest = shown.change
    assert shown.change_people == 3
    assert first[bank.competencies[0].id] == 2.0 and latest[bank.competencies[0].id] == 4.0


def test_change_covers_only_people_with_two_rounds_while_the_cohort_covers_everyone(
    join, make_completed_round, board, bank
):
    for name in ("Anna", "Bodil", "Carl"):
        user = join(name)
        make_completed_round(user.id, rating=2)
        make_completed_round(user.id, rating=4, context="efter-moede-1")
    for name in ("Dorte", "Erik", "Frida"):
        make_completed_round(join(name).id, rating=1)
    shown = board()
    first_id = bank.competencies[0].id
    assert (shown.stats.people, shown.stats.mean[first_id]) == (6, 2.5)
    assert shown.change_people == 3
    assert (shown.change[0][first_id], shown.change[1][first_id]) == (2.0, 4.0)


def test_change_is_hidden_when_one_person_alone_has_a_single_round(join, make_completed_round, board):
    for name in ("Anna", "Bodil", "Carl"):
        user = join(name)
        make_completed_round(user.id, rating=2)
        make_completed_round(user.id, rating=4, context="efter-moede-1")
    make_completed_round(join("Dorte").id, rating=1)
    shown = board(cohort.FIRST)
    assert shown.change is None and shown.change_verdict.reason == DIFFERENCE


def test_individuals_only_with_consent_and_gone_at_once_when_withdrawn(tx, join, make_completed_round, board, setup):
    _, course = setup
    people = [join(name) for name in ("Anna", "Bodil", "Carl", "Dorte")]
    for user in people:
        make_completed_round(user.id, rating=3)
    assert board().individuals == []
    tx(courses.set_consent, user_id=people[0].id, course_id=course.id, consent=True)
    assert [i.name for i in board().individuals] == ["Anna"]
    tx(courses.set_consent, user_id=people[0].id, course_id=course.id, consent=False)
    assert board().individuals == []


def test_a_leader_who_leaves_disappears_from_participants_individuals_and_counts(
    tx, join, make_completed_round, board, setup
):
    _, course = setup
    people = [join(name) for name in ("Anna", "Bodil", "Carl")]
    for user in people:
        make_completed_round(user.id, rating=3)
    tx(courses.set_consent, user_id=people[0].id, course_id=course.id, consent=True)
    tx(courses.leave_course, user_id=people[0].id, course_id=course.id)
    shown = board()
    assert [p.name for p in shown.participants] == ["Bodil", "Carl"]
    assert shown.individuals == [] and shown.verdict.reason == TOO_FEW


def test_one_person_without_consent_among_consenting_people_hides_the_aggregate(
    tx, join, make_completed_round, board, setup
):
    _, course = setup
    people = [join(name) for name in ("Anna", "Bodil", "Carl")]
    for user in people:
        make_completed_round(user.id, rating=3)
    for user in people[:2]:
        tx(courses.set_consent, user_id=user.id, course_id=course.id, consent=True)
    shown = board()
    assert (shown.verdict.reason, shown.stats) == (FEW_WITHOUT_CONSENT, None)
    assert [i.name for i in shown.individuals] == ["Anna", "Bodil"]


def test_participants_show_their_status_per_context(tx, join, make_completed_round, board, bank):
    anna = join("Anna")
    join("Bodil")
    make_completed_round(anna.id, rating=3, context="foer-netvaerket")
    tx(rounds.start_round, user_id=anna.id, context="efter-moede-1", note="", bank_version=bank.version)
    status = {p.name: p for p in board().participants}
    assert status["Anna"].by_context == {"foer-netvaerket": cohort.COMPLETED, "efter-moede-1": cohort.IN_PROGRESS}
    assert status["Anna"].completed == 1 and status["Bodil"].by_context == {} and not status["Bodil"].consent


def test_another_trainer_and_a_leader_get_nothing(tx, make_user, board, setup):
    _, course = setup
    other = make_user("Ibrahim")
    tx(accounts.set_roles, username="Ibrahim", is_trainer=True)
    with pytest.raises(NotFoundError):
        board(trainer_id=other.id)
    with pytest.raises(NotAllowedError):
        board(trainer_id=make_user("Mette").id)


def test_the_number_of_queries_does_not_grow_with_the_cohort(sm, join, make_completed_round, board):
    def queries_for_dashboard() -> int:
        count = 0

        def counter(*_args):
            nonlocal count
            count += 1

        engine = sm.kw["bind"]
        event.listen(engine, "before_cursor_execute", counter)
        try:
            board()
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        return count

    # Like with like: each view shows a new picture beside one seen before.
    for n in range(3):
        make_completed_round(join(f"Leder{n}").id, rating=3)
    board()
    for n in range(3, 6):
        make_completed_round(join(f"Leder{n}").id, rating=3)
    small = queries_for_dashboard()
    for n in range(6, 30):
        make_completed_round(join(f"Leder{n}").id, rating=(n % 5) + 1)
    assert queries_for_dashboard() == small
    assert queries_for_dashboard() < small  # nothing new: nothing recorded, nothing recounted


def test_members_of_another_course_never_count(tx, make_user, join, make_completed_round, board):
    other_trainer = make_user("Ibrahim")
    tx(accounts.set_roles, username="Ibrahim", is_trainer=True)
    other = tx(
        courses.create_course,
        trainer_id=other_trainer.id,
        name="Andet hold",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 6, 1),
    )
    for name in ("Xenia", "Yrsa", "Zaid"):
        outsider = make_user(name)
        tx(courses.join_course, user_id=outsider.id, code=other.join_code)
        make_completed_round(outsider.id, rating=5)
    make_completed_round(join("Anna").id, rating=1)
    shown = board()
    assert shown.verdict.reason == TOO_FEW and shown.verdict.missing == 2
    assert [p.name for p in shown.participants] == ["Anna"]


def _counted_rounds(sm) -> set[int]:
    with sm.begin() as session:
        return set(session.scalars(select(RoundScore.round_id)))


def test_each_completed_round_is_counted_once_and_an_open_round_never(sm, tx, join, make_completed_round, board, bank):
    people = [join(name) for name in ("Anna", "Bodil", "Carl")]
    done = [make_completed_round(user.id, rating=2) for user in people]
    still_open = tx(rounds.start_round, user_id=people[0].id, context="andet", note="", bank_version=bank.version)
    tx(rounds.save_rating, user_id=people[0].id, round_id=still_open.id, question_id=bank.question_ids[0], rating=5)
    before = board().stats
    assert _counted_rounds(sm) == {r.id for r in done}
    # Three people differ from the picture seen (at a minimum of 3), so the new one may show.
    later = [make_completed_round(user.id, rating=4, context="efter-moede-1") for user in people[1:]]
    later.append(make_completed_round(join("Dorte").id, rating=4))
    after = board().stats
    assert _counted_rounds(sm) == {r.id for r in done} | {r.id for r in later}
    first = bank.competencies[0].id
    assert (before.mean[first], after.mean[first]) == (2.0, 3.5)


def test_a_bank_that_moves_a_question_is_counted_afresh(join, make_completed_round, board, bank):
    for name in ("Anna", "Bodil", "Carl"):
        make_completed_round(join(name).id, rating=lambda qid: 5 if qid == bank.question_ids[0] else 1)
    first, second = bank.competencies[0].id, bank.competencies[1].id
    assert board().stats.distribution[first] == {5: 3, 1: 3}
    moved = bank.competency_of | {bank.question_ids[0]: second}
    stats = board(question_to_competency=moved).stats
    assert stats.distribution[first] == {1: 3} and stats.distribution[second] == {5: 3, 1: 6}


def test_deleting_a_round_or_an_account_takes_its_counts(sm, tx, join, make_completed_round, board):
    anna, bodil = join("Anna"), join("Bodil")
    kept = make_completed_round(anna.id)
    deleted = make_completed_round(anna.id, context="andet")
    gone_with_account = make_completed_round(bodil.id)
    board()
    assert _counted_rounds(sm) == {kept.id, deleted.id, gone_with_account.id}
    tx(rounds.delete_round, user_id=anna.id, round_id=deleted.id)
    tx(accounts.delete_account, user_id=bodil.id, confirm_username="Bodil")
    assert _counted_rounds(sm) == {kept.id}


def test_one_more_finishing_keeps_the_earlier_picture_until_enough_have(join, make_completed_round, board, bank):
    first = bank.competencies[0].id
    for name in ("Anna", "Bodil", "Carl"):
        make_completed_round(join(name).id, rating=2)
    seen = board().stats
    make_completed_round(join("Dorte").id, rating=5)
    now = board()
    # Beside the picture of three, the picture of four would be Dorte's answers.
    assert (now.verdict.shown, now.verdict.reason, now.verdict.against) == (False, DIFFERENCE, EARLIER)
    assert (now.stats.people, now.stats.mean[first], now.stats.rounds) == (3, 2.0, seen.rounds)
    assert now.stats.shown_since is not None
    make_completed_round(join("Erik").id, rating=5)
    assert board().stats.people == 3  # two more: still fewer than the minimum of three
    make_completed_round(join("Frida").id, rating=5)
    later = board().stats
    assert (later.people, later.mean[first], later.shown_since) == (6, 3.5, None)


def test_a_raised_minimum_is_not_undone_by_an_earlier_picture(tx, setup, join, make_completed_round, board):
    trainer, course = setup
    for name in ("Anna", "Bodil", "Carl"):
        make_completed_round(join(name).id, rating=2)
    assert board().stats.people == 3
    tx(courses.set_min_group, trainer_id=trainer.id, course_id=course.id, min_group=5)
    shown = board()
    assert (shown.verdict.reason, shown.stats) == (TOO_FEW, None)


def test_a_consent_given_after_a_small_picture_does_not_expose_the_others(tx, setup, join, make_completed_round, board):
    _, course = setup
    people = [join(name) for name in ("Anna", "Bodil", "Carl", "Dorte")]
    for user in people:
        make_completed_round(user.id, rating=3)
    assert board().stats.people == 4
    tx(courses.set_consent, user_id=people[0].id, course_id=course.id, consent=True)
    # The four minus Anna would be three: at a minimum of 3 that is a group, so she may be shown.
    assert [i.name for i in board().individuals] == ["Anna"]
    tx(courses.set_consent, user_id=people[1].id, course_id=course.id, consent=True)
    # Bodil too would leave Carl and Dorte: two. She is withheld, and says so.
    shown = board()
    assert ([i.name for i in shown.individuals], shown.withheld) == (["Anna"], 1)


def test_the_band_shows_from_ten_people_and_is_read_off_the_distribution(join, make_completed_round, board, bank):
    first = bank.competencies[0].id
    for n in range(9):
        make_completed_round(join(f"leder{n}").id, rating=1 + n % 5)
    assert board().stats.band is None
    for n in range(9, 12):
        make_completed_round(join(f"leder{n}").id, rating=1 + n % 5)
    stats = board().stats
    assert stats.people == 12
    # Ratings 1,2,3,4,5,1,2,3,4,5,1,2 twice: a quarter are 1, three quarters are at most 4.
    assert stats.band[first] == (1, 4)


def _presentation(tx, setup, bank):
    trainer, course = setup
    return tx(
        cohort.presentation,
        trainer_id=trainer.id,
        course_id=course.id,
        question_to_competency=bank.competency_of,
        contexts=list(texts.CONTEXTS),
    )


def test_the_live_view_counts_the_sessions_round_and_grows_in_batches_never_by_one(
    tx, setup, join, make_completed_round, bank
):
    trainer, course = setup
    tx(courses.set_session_context, trainer_id=trainer.id, course_id=course.id, context="efter-moede-2",
       contexts=list(texts.CONTEXTS))  # fmt: skip
    people = [join(f"leder{n}") for n in range(8)]
    for user in people:
        make_completed_round(user.id, rating=1, context="foer-netvaerket")  # an earlier round: not today's
    live = _presentation(tx, setup, bank)
    assert (live.context, live.members, live.done, live.stats) == ("efter-moede-2", 8, 0, None)
    seen = []
    for n, user in enumerate(people, start=1):
        make_completed_round(user.id, rating=5, context="efter-moede-2")
        live = _presentation(tx, setup, bank)
        assert live.done == n  # the count is the participant table's, live
        seen.append(live.stats.people if live.stats else 0)
    # The picture appears at the minimum and then moves only when three more have finished: from
    # one view to the next, nobody's answers can be told by subtracting.
    assert seen == [0, 0, 3, 3, 3, 6, 6, 6]
    assert _presentation(tx, setup, bank).stats.mean[bank.competencies[0].id] == 5.0


def test_the_live_view_and_the_dashboard_share_one_record_of_what_was_shown(
    tx, setup, join, make_completed_round, bank, board
):
    people = [join(f"leder{n}") for n in range(4)]
    for user in people[:3]:
        make_completed_round(user.id, rating=2)
    assert _presentation(tx, setup, bank).stats.people == 3
    make_completed_round(people[3].id, rating=5)
    # The dashboard in another tab may not show the four: beside the projector's three, that is one.
    shown = board()
    assert (shown.verdict.against, shown.stats.people) == (EARLIER, 3)
