"""The question bank: the shipped file is complete, and broken files are refused clearly."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from questions import BEFORE, DEFAULT_BANK_PATH, DURING, BankError, load_bank

HANDBOOK_PHRASES = [
    "tænke andre ind i opgaveløsningen",
    "engagere og motivere",
    "trygt rum",
    "nysgerrighed og undren",
    "mod",
    "strategiske dagsorden",
    "fremdrift",
    "opbakning",
    "udforskende",
    "kvalificere egne kompetencer",
]


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(DEFAULT_BANK_PATH.read_text(encoding="utf-8"))


def _write(tmp_path, data) -> str:
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_shipped_bank_has_ten_competencies_with_two_questions_each(bank):
    assert len(bank.competencies) == 10
    assert all(len(c.questions) == 2 for c in bank.competencies)
    assert len(bank.question_ids) == 20


def test_competency_names_follow_the_handbook_in_its_order(bank):
    for comp, phrase in zip(bank.competencies, HANDBOOK_PHRASES, strict=True):
        assert phrase in comp.name.lower(), comp.name


def test_ids_are_unique_stable_slugs(bank):
    ids = [c.id for c in bank.competencies] + list(bank.question_ids)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_rating_scale_has_worded_ends(bank):
    assert bank.scale.low == "I ringe grad"
    assert bank.scale.high == "I meget høj grad"


def test_bank_has_a_version_and_keeps_every_earlier_one(bank):
    assert bank.version == "2026.2"
    assert bank.versions == ("2026.1", "2026.2")
    assert bank.of_version("2026.1").version == "2026.1"
    assert bank.of_version("ukendt") is bank


def test_missing_question_text_names_file_and_field(tmp_path, raw):
    data = copy.deepcopy(raw)
    del data["competencies"][2]["questions"][1]["text"]
    path = _write(tmp_path, data)
    with pytest.raises(BankError) as err:
        load_bank(path)
    message = str(err.value)
    assert path in message
    assert "competencies[2] (trygt-rum).questions[1] (trygt-rum-4).text" in message


def test_competency_with_one_question_is_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"][4]["questions"].pop()
    with pytest.raises(BankError, match=r"competencies\[4\] \(mod-eksperimentere\)\.questions"):
        load_bank(_write(tmp_path, data))


def test_nine_competencies_are_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"].pop()
    with pytest.raises(BankError, match="feltet competencies"):
        load_bank(_write(tmp_path, data))


def test_duplicate_question_id_is_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"][1]["questions"][0]["id"] = data["competencies"][0]["questions"][0]["id"]
    with pytest.raises(BankError, match="taenke-andre-ind-1"):
        load_bank(_write(tmp_path, data))


def test_question_id_with_capitals_is_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"][0]["questions"][0]["id"] = "Tænke_1"
    with pytest.raises(BankError, match=r"questions\[0\].*\.id"):
        load_bank(_write(tmp_path, data))


def test_unknown_field_is_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"][0]["questoins"] = []
    with pytest.raises(BankError, match="questoins"):
        load_bank(_write(tmp_path, data))


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("version: '1'\ncompetencies: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"ikke gyldig YAML \(linje \d+\)"):
        load_bank(path)


def test_a_bank_saved_in_another_encoding_says_so_and_where(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_bytes("version: '1'\ncompetencies:\n  - name: Tænk andre ind\n".encode("cp1252"))
    with pytest.raises(BankError, match=r"ikke gemt som UTF-8 \(linje 3 kan ikke læses\)"):
        load_bank(path)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(BankError, match="kan ikke læses"):
        load_bank(tmp_path / "findes-ikke.yaml")


# Version 2: questions that fit every phase, old versions kept --------------------------------------


def test_every_rating_is_about_the_leaders_own_practice(bank):
    for comp in bank.competencies:
        for question in comp.questions:
            for phase in (BEFORE, DURING):
                text = question.wording(phase).text
                assert re.match(r"I hvor høj grad \w+ du\b", text), text  # "… ser du", "… sørger du for"


def test_before_the_network_no_question_assumes_it_has_met(bank):
    met = re.compile(r"indtil nu|sidst set|sidst givet|næste møde|har oplevet|lige nu|træder vande|deltagerne tager")
    for comp in bank.competencies:
        for question in comp.questions:
            wording = bank.wording(question, "foer-netvaerket")
            assert not met.search(wording.text + " " + wording.reflection), question.id


def test_the_round_context_chooses_the_before_or_the_during_wording(bank):
    question = bank.question("engagere-motivere-2")
    before = bank.wording(question, "foer-netvaerket")
    assert "du vil have med" in before.text and "invitere" in before.reflection
    for context in ("efter-moede-1", "efter-moede-4", "efter-testfasen", "andet"):
        during = bank.wording(question, context)
        assert (during.text, during.reflection) == (question.text, question.reflection)
    # A question with one wording for every phase reads the same before and during.
    same = bank.question("taenke-andre-ind-2")
    assert bank.wording(same, "foer-netvaerket") == bank.wording(same, "efter-moede-2")


def test_a_before_wording_may_replace_only_the_prompt(bank):
    question = bank.question("taenke-andre-ind-1")
    before = bank.wording(question, "foer-netvaerket")
    assert before.text == question.text and before.reflection != question.reflection


def test_questions_whose_meaning_changed_have_new_ids_and_the_old_version_is_still_readable(bank):
    old = bank.of_version("2026.1")
    changed = {"engagere-motivere-1", "trygt-rum-1", "trygt-rum-2", "mod-eksperimentere-2", "udforskende-tilgang-2"}
    assert changed <= set(old.question_ids) and not changed & set(bank.question_ids)
    assert old.question("trygt-rum-1").text.startswith("I hvor høj grad tør deltagerne")
    # Every id ever asked still counts for its competency (the course dashboard counts by it).
    assert {bank.competency_of[q] for q in changed} == {
        "engagere-motivere",
        "trygt-rum",
        "mod-eksperimentere",
        "udforskende-tilgang",
    }
    # Every competency but "Skabe et trygt rum" (both of whose ratings were about the participants)
    # keeps a question with the same id, so it can be followed across the versions.
    kept = {
        comp.id
        for comp in bank.competencies
        if {q.id for q in comp.questions} & {q.id for q in old.competency(comp.id).questions}
    }
    assert {c.id for c in bank.competencies} - kept == {"trygt-rum"}


def test_an_id_reused_for_another_competency_in_a_later_version_is_refused(tmp_path, raw):
    (tmp_path / "earlier").mkdir()
    old = copy.deepcopy(raw)
    old["version"] = "2025.9"
    for comp in old["competencies"]:
        for question in comp["questions"]:
            question.pop("before", None)
    old["competencies"][0]["questions"][0]["id"] = "trygt-rum-3"  # in v2 it belongs to "trygt-rum"
    old["competencies"][2]["questions"][0]["id"] = "trygt-rum-9"
    (tmp_path / "earlier" / "2025.9.yaml").write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BankError, match="trygt-rum-3 hører under trygt-rum.*Giv det et nyt id"):
        load_bank(_write(tmp_path, raw))


def test_a_before_wording_without_text_or_prompt_is_refused(tmp_path, raw):
    data = copy.deepcopy(raw)
    data["competencies"][0]["questions"][0]["before"] = {}
    with pytest.raises(BankError, match=r"questions\[0\] \(taenke-andre-ind-1\)\.before"):
        load_bank(_write(tmp_path, data))


def test_the_before_phase_names_real_round_contexts(bank):
    from core import texts

    assert bank.phases.before == ("foer-netvaerket",)
    assert set(bank.phases.before) <= set(texts.CONTEXTS)
