"""The question bank: the shipped file is complete, and broken files are refused clearly."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from questions import DEFAULT_BANK_PATH, BankError, load_bank

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


def test_bank_has_a_version(bank):
    assert bank.version == "2026.1"


def test_missing_question_text_names_file_and_field(tmp_path, raw):
    data = copy.deepcopy(raw)
    del data["competencies"][2]["questions"][1]["text"]
    path = _write(tmp_path, data)
    with pytest.raises(BankError) as err:
        load_bank(path)
    message = str(err.value)
    assert path in message
    assert "competencies[2] (trygt-rum).questions[1] (trygt-rum-2).text" in message


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
