"""Collaboration agreements: drafting from the tool, the invited person's one-agreement access,
agreeing with a date, and what changed since (core/agreements.py and db/agreements.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.agreements import InvalidValueError, changes_since_agreed, clean_value, draft, in_words
from core.clock import utcnow
from db import accounts, agreements, feedback, goals, rounds, sharing, tool_answers
from db.errors import (
    AccessRevokedError,
    AgreementChangedError,
    EditConflictError,
    InvalidInputError,
    InvitationError,
    NotFoundError,
    TextTooLongError,
)
from tests.conftest import PASSWORD

SECRET = "HEMMELIG-RUNDE-7"


@pytest.fixture
def personal(tools):
    return tools.for_talk("personaleleder")


@pytest.fixture
def leader(make_user, make_completed_round):
    user = make_user("Mette")
    make_completed_round(user.id, rating=2, text_for=lambda qid: f"{SECRET} {qid}")
    return user


@pytest.fixture
def started(tx, leader, personal):
    def start(kind: str = "personaleleder", tool=None, **values):
        tool = tool or personal
        return tx(
            agreements.start_agreement,
            leader_id=leader.id,
            kind=kind,
            draft={**draft(tool, {}), **values},
            fields=tool.agreement.fields,
        )

    return start


def _invite_and_redeem(tx, leader, reader, kind="personaleleder"):
    code = tx(agreements.create_invitation, leader_id=leader.id, kind=kind)[1]
    return tx(agreements.redeem_invitation, user_id=reader.id, code=code)


# --- core ---------------------------------------------------------------------------------


def test_the_draft_starts_from_what_the_leader_wrote_in_the_tool(personal):
    values = draft(personal, {"kompetence-udvikling": "Facilitering", "afdelingen-med": "Oplæg på afdelingsmødet"})
    assert values["udvikling"] == "Facilitering\n\nOplæg på afdelingsmødet"
    assert values["timer"] == {} and values["sekretariat"] == ""


def test_values_that_do_not_fit_their_field_are_refused(tools, personal):
    hours = personal.agreement.field("timer")
    assert clean_value(hours, {"moeder": 7.3, "test": 12}) == {"moeder": 7.5, "test": 12.0}
    for bad in ({"moeder": 40}, {"moeder": -1}, {"ukendt": 3}, {"moeder": "mange"}, {"moeder": float("nan")}, "7"):
        with pytest.raises(InvalidValueError):
            clean_value(hours, bad)
    capital = tools.for_talk("referenceleder").agreement.field("kapital-ansvar")
    with pytest.raises(InvalidValueError):
        clean_value(capital, "borgmesteren")
    kinds = tools.for_talk("co-driver").agreement.field("slags")
    assert clean_value(kinds, ["strategisk", "fagfaglig", "strategisk"]) == ["fagfaglig", "strategisk"]


def test_changes_since_agreed_are_told_in_words_field_by_field(personal):
    template = personal.agreement
    agreed = {"timer": {"moeder": 8.0}, "sekretariat": "Tirsdage i marts"}
    now = {"timer": {"moeder": 6.0}, "sekretariat": "Tirsdage i marts", "basis": "Kim tager driften"}
    changes = changes_since_agreed(template, agreed, now)
    assert [c.field_id for c in changes] == ["timer", "basis"]
    assert changes[0].then == "Netværksmøderne (ca. de første seks måneder): 8 timer om ugen"
    assert changes[0].now.endswith("6 timer om ugen") and changes[1].then == ""
    assert in_words(template.field("timer"), {"test": 7.5}) == "Testfasen (fx 8 uger): 7,5 timer om ugen"


# --- storage: the leader --------------------------------------------------------------------


def test_a_started_agreement_keeps_its_draft_and_each_field_as_saved(tx, leader, personal, started):
    view = started(udvikling="Facilitering")
    assert view.values["udvikling"] == "Facilitering" and not view.is_agreed
    field = personal.agreement.field("timer")
    tx(agreements.save_value, leader_id=leader.id, kind="personaleleder", field=field, value={"moeder": 8})
    again = started()  # a second start (another tab) changes nothing
    assert again.id == view.id and again.values["timer"] == {"moeder": 8.0}


def test_bad_values_change_nothing(tx, leader, personal, started):
    started(udvikling="Facilitering")
    save = dict(leader_id=leader.id, kind="personaleleder")
    with pytest.raises(InvalidInputError):
        tx(agreements.save_value, **save, field=personal.agreement.field("timer"), value={"moeder": 99})
    with pytest.raises(TextTooLongError):
        tx(agreements.save_value, **save, field=personal.agreement.field("udvikling"), value="x" * 5001)
    with pytest.raises(InvalidInputError):
        tx(agreements.get_agreement, leader_id=leader.id, kind="borgmester")
    assert tx(agreements.get_agreement, **save).values == {**draft(personal, {}), "udvikling": "Facilitering"}


def test_a_text_changed_in_another_tab_is_not_overwritten(tx, leader, personal, started):
    started(udvikling="Facilitering")
    field = personal.agreement.field("udvikling")
    save = dict(leader_id=leader.id, kind="personaleleder", field=field)
    tx(agreements.save_value, **save, value="Fra fane 1", based_on="Facilitering")
    with pytest.raises(EditConflictError) as err:
        tx(agreements.save_value, **save, value="Fra fane 2", based_on="Facilitering")
    assert err.value.current == "Fra fane 1"


def test_tool_answers_are_the_leaders_own_and_keep_both_parts(tx, leader, make_user):
    other = make_user("Ole")
    tx(tool_answers.save_rating, user_id=leader.id, tool_id="personaleleder", question_id="tid-fra-basis", rating=4)
    tx(tool_answers.save_text, user_id=leader.id, tool_id="personaleleder", question_id="tid-fra-basis", text="Kim")
    mine = tx(tool_answers.answers_of, user_id=leader.id, tool_id="personaleleder")
    assert (mine["tid-fra-basis"].rating, mine["tid-fra-basis"].text) == (4, "Kim")
    assert tx(tool_answers.answers_of, user_id=other.id, tool_id="personaleleder") == {}
    with pytest.raises(InvalidInputError):
        tx(tool_answers.save_rating, user_id=leader.id, tool_id="personaleleder", question_id="tid-fra-basis", rating=6)


# --- storage: the invited person ------------------------------------------------------------


def test_the_invited_personaleleder_reads_comments_and_agrees_with_a_date(tx, leader, make_user, started):
    view = started(udvikling="Facilitering")
    boss = tx(accounts.create_user, username="birgit", password=PASSWORD, name="Birgit Holm")
    invited = _invite_and_redeem(tx, leader, boss)
    assert (invited.kind, invited.leader_name) == ("personaleleder", "Mette")
    read = tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id)
    assert read.values["udvikling"] == "Facilitering"
    tx(agreements.save_comment, user_id=boss.id, agreement_id=view.id, text="Fint, men tal med Kim")
    day = utcnow()
    agreed = tx(agreements.mark_agreed, user_id=boss.id, agreement_id=view.id, as_read=read.updated_at, now=day)
    assert agreed.is_agreed and agreed.agreed_by_name == "Birgit Holm" and agreed.agreed_values == read.values
    mine = tx(agreements.get_agreement, leader_id=leader.id, kind="personaleleder")
    assert [(c.name, c.text) for c in mine.comments] == [("Birgit Holm", "Fint, men tal med Kim")]


def test_an_agreement_changed_after_it_was_read_is_not_marked_agreed(tx, leader, personal, make_user, started):
    view = started()
    boss = make_user("birgit")
    _invite_and_redeem(tx, leader, boss)
    read = tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id)
    field = personal.agreement.field("sekretariat")
    tx(agreements.save_value, leader_id=leader.id, kind="personaleleder", field=field, value="Hele marts")
    with pytest.raises(AgreementChangedError):
        tx(agreements.mark_agreed, user_id=boss.id, agreement_id=view.id, as_read=read.updated_at)
    assert not tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id).is_agreed


def test_the_invited_person_reaches_that_agreement_and_nothing_else(tx, leader, tools, make_user, started):
    view = started()
    reference = started("referenceleder", tools.for_talk("referenceleder"))
    tx(tool_answers.save_text, user_id=leader.id, tool_id="personaleleder", question_id="tid-fra-basis", text=SECRET)
    boss = make_user("birgit")
    _invite_and_redeem(tx, leader, boss)
    with pytest.raises(AccessRevokedError):  # the leader's other agreement
        tx(agreements.read_invited, user_id=boss.id, agreement_id=reference.id)
    with pytest.raises(AccessRevokedError):
        tx(agreements.save_comment, user_id=boss.id, agreement_id=reference.id, text="hej")
    with pytest.raises(AccessRevokedError):
        tx(agreements.mark_agreed, user_id=boss.id, agreement_id=reference.id, as_read=reference.updated_at)
    with pytest.raises(AccessRevokedError):  # the competency mirror
        tx(sharing.shared_history, codriver_id=boss.id, leader_id=leader.id)
    round_id = tx(rounds.list_history, user_id=leader.id)[0].id
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_round_leader, codriver_id=boss.id, round_id=round_id)
    with pytest.raises(AccessRevokedError):
        tx(feedback.save_feedback, author_id=boss.id, round_id=round_id, overall="indefra")
    with pytest.raises(NotFoundError):
        tx(goals.goals_of_round, user_id=boss.id, round_id=round_id)
    assert not tx(sharing.is_codriver, user_id=boss.id)
    assert tx(agreements.get_agreement, leader_id=boss.id, kind="personaleleder") is None
    assert SECRET not in repr(tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id))


def test_codes_are_one_time_scoped_and_refused_with_a_reason(tx, leader, make_user, started):
    view = started()
    first, second = make_user("birgit"), make_user("bodil")
    code = tx(agreements.create_invitation, leader_id=leader.id, kind="personaleleder")[1]
    with pytest.raises(InvitationError) as own:
        tx(agreements.redeem_invitation, user_id=leader.id, code=code)
    assert own.value.reason == InvitationError.OWN
    tx(agreements.redeem_invitation, user_id=first.id, code=code.lower().replace("-", " "))
    with pytest.raises(InvitationError) as used:
        tx(agreements.redeem_invitation, user_id=second.id, code=code)
    assert used.value.reason == InvitationError.USED
    with pytest.raises(InvitationError) as as_share:  # an agreement's code is no co-driver's code
        tx(sharing.redeem_invitation, user_id=second.id, code=code)
    assert as_share.value.reason == InvitationError.UNKNOWN
    share_code = tx(sharing.create_invitation, leader_id=leader.id, scope=sharing.SCOPE_TEXTS)[1]
    with pytest.raises(InvitationError):  # and the other way round
        tx(agreements.redeem_invitation, user_id=second.id, code=share_code)
    old = tx(agreements.create_invitation, leader_id=leader.id, kind="personaleleder", now=utcnow() - timedelta(days=8))
    with pytest.raises(InvitationError) as expired:
        tx(agreements.redeem_invitation, user_id=second.id, code=old[1])
    assert expired.value.reason == InvitationError.EXPIRED
    pending, code = tx(agreements.create_invitation, leader_id=leader.id, kind="personaleleder")
    assert [i.id for i in tx(agreements.list_invitations, leader_id=leader.id, kind="personaleleder")] == [pending.id]
    with pytest.raises(NotFoundError):  # someone else cannot withdraw it
        tx(agreements.withdraw_invitation, leader_id=first.id, invitation_id=pending.id)
    tx(agreements.withdraw_invitation, leader_id=leader.id, invitation_id=pending.id)
    with pytest.raises(InvitationError) as withdrawn:
        tx(agreements.redeem_invitation, user_id=second.id, code=code)
    assert withdrawn.value.reason == InvitationError.WITHDRAWN
    assert [i.agreement_id for i in tx(agreements.invited_to, user_id=second.id)] == []
    assert [i.agreement_id for i in tx(agreements.invited_to, user_id=first.id)] == [view.id]


def test_a_leader_cannot_invite_to_or_remove_from_someone_elses_agreement(tx, leader, make_user, started):
    view = started()
    boss, stranger = make_user("birgit"), make_user("svend")
    _invite_and_redeem(tx, leader, boss)
    reader_id = tx(agreements.get_agreement, leader_id=leader.id, kind="personaleleder").comments[0].reader_id
    with pytest.raises(NotFoundError):
        tx(agreements.create_invitation, leader_id=stranger.id, kind="personaleleder")
    with pytest.raises(NotFoundError):
        tx(agreements.remove_reader, leader_id=stranger.id, reader_id=reader_id)
    tx(agreements.remove_reader, leader_id=leader.id, reader_id=reader_id)
    with pytest.raises(AccessRevokedError):
        tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id)


def test_deleting_the_leader_deletes_their_agreements_and_the_readers_access(tx, leader, make_user, started):
    view = started()
    boss = make_user("birgit")
    _invite_and_redeem(tx, leader, boss)
    tx(accounts.delete_account, user_id=leader.id, confirm_username="Mette")
    assert tx(agreements.invited_to, user_id=boss.id) == []
    with pytest.raises(AccessRevokedError):
        tx(agreements.read_invited, user_id=boss.id, agreement_id=view.id)
