"""The reflection tools before the three talks, and their agreement templates, as validated data."""

from __future__ import annotations

import re
import shutil

import pytest

from questions.tools import DEFAULT_TOOLS_FOLDER, KINDS, ToolsError, load_tools


def test_one_tool_for_each_of_the_three_talks_in_their_order(tools):
    assert [t.talk for t in tools.tools] == list(KINDS)
    assert [t.title for t in tools.tools] == [
        "Før snakken med din personaleleder",
        "Før snakken med din referenceleder",
        "Find din co-driver",
    ]


def test_each_tool_has_questions_a_role_and_an_agreement_drafted_from_its_answers(tools):
    for tool in tools.tools:
        assert len(tool.questions) >= 5 and tool.role.items
        prepared = {q for f in tool.agreement.fields for q in f.prepared_by}
        assert prepared, tool.id  # the draft starts from what the leader wrote
        assert all(tool.question(q).written for q in prepared), tool.id


def test_the_roles_read_right_for_the_leader_and_for_the_person_invited(tools):
    """Both read the role (the leader in the tool, the invited person beside the agreement)."""
    for tool in tools.tools:
        for item in tool.role.items:
            assert not set(re.findall(r"\w+", item.lower())) & {"du", "dig", "din", "dit", "dine"}, item


def test_the_talks_cover_what_the_handbook_asks_of_each_agreement(tools):
    personal = tools.for_talk("personaleleder").agreement
    assert personal.field("timer").type == "hours" and len(personal.field("timer").phases) == 4
    assert "Sekretariat for Netværksstrukturen" in personal.field("sekretariat").label
    reference = tools.for_talk("referenceleder").agreement
    assert {o.id for o in reference.field("kapital-ansvar").options} >= {"referenceleder", "ekstern"}
    assert "mandat" in reference.field("mandat").label
    codriver = tools.for_talk("co-driver")
    assert len(codriver.agreement.field("slags").options) == 4  # the handbook's four kinds of co-driver
    assert "netværksleder" in codriver.question("udviklingsvej").text  # a development path


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "tools"
    shutil.copytree(DEFAULT_TOOLS_FOLDER, copy)
    return copy


def test_an_error_names_the_file_and_the_field(folder):
    path = folder / "referenceleder.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer: both", "answer: maybe", 1), encoding="utf-8")
    with pytest.raises(
        ToolsError,
        match=r"Redskabet .*referenceleder\.yaml er ugyldig: feltet questions\[0\] \(tema-strategi\)\.answer",
    ):
        load_tools(folder)


def test_an_agreement_field_drafted_from_an_unknown_question_is_refused(folder):
    path = folder / "co-driver.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("from: [kandidater]", "from: [kandidat]"), encoding="utf-8"
    )
    with pytest.raises(ToolsError, match="kandidat"):
        load_tools(folder)


def test_a_talk_without_its_tool_is_refused(folder):
    (folder / "personaleleder.yaml").unlink()
    with pytest.raises(ToolsError, match="talk: personaleleder"):
        load_tools(folder)
