"""Moving a leader's data (core.transfer and db.transfer): export, the import's checks, the round trip."""

from __future__ import annotations

import json

import pytest

from core import texts, transfer
from core.transfer import ImportRefused
from db import accounts, agreements, feedback, goals, rounds
from db import transfer as storage
from db.engine import create_db_engine, make_sessionmaker
from db.errors import ImportConflictError
from tests.conftest import PASSWORD
from tests.support.storage import runner


def _export(tx, user_id) -> bytes:
    return transfer.to_json(tx(storage.export_data, user_id=user_id))


@pytest.fixture
def elsewhere(other_instance):
    """Another installation of Netværksspejlet, and a new account on it."""
    engine = create_db_engine(other_instance)
    run = runner(make_sessionmaker(engine))
    yield run, run(accounts.create_user, username="mette.hansen", password=PASSWORD)
    engine.dispose()


def test_the_export_holds_everything_the_leader_owns(tx, world, bank):
    data = json.loads(_export(tx, world["mette"].id))
    assert (data["format"], data["format_version"], data["account"]["username"]) == (
        "netvaerksspejlet-eksport",
        2,
        "Mette",
    )
    first, second = data["rounds"]
    assert (first["ref"], first["status"], len(first["answers"])) == (1, "completed", 20)
    assert first["goals"][0]["step"] == "Inviter en borger"
    assert first["goals"][0]["followup"] == {
        "round_ref": 2,
        "outcome": "achieved",
        "text": "Ja!",
        "updated_at": first["goals"][0]["followup"]["updated_at"],
    }
    assert [(f["author"], f["overall"]) for f in first["feedback_received"]] == [("Jonas", "Godt, Mette")]
    assert second["note"] == "Mette-note"
    assert data["shares_given"][0]["codriver"] == "Jonas" and data["shares_given"][0]["scope"] == "texts"
    assert data["shares_received"][0]["leader"] == "Lise"
    assert [(c["name"], c["trainer"], c["consent"]) for c in data["courses"]] == [("Toves hold", "Tove", True)]
    # The talks: her network, what she wrote in a tool, her agreement as Jonas agreed to it, his comment.
    assert (data["network"]["name"], data["network"]["meetings"]) == ("Mettes netværk", ["2027-02-01"])
    assert [(a["tool_id"], a["question_id"], a["text"]) for a in data["tool_answers"]] == [
        ("find-co-driver", "kandidater", "Mette-svar")
    ]
    (agreement,) = data["agreements"]
    assert (agreement["kind"], agreement["values"]["roller"], agreement["agreed_by"]) == (
        "co-driver",
        "Mette-roller",
        "Jonas",
    )
    assert agreement["agreed_values"]["roller"] == "Mette-roller" and agreement["comments"][0]["text"] == "Fra Jonas"
    assert data["agreements_invited_to"] == [{"leader": "Lise", "kind": "co-driver"}]
    # Nothing of anyone else's: Lise's round, her agreement and Mette's comments on them are Lise's.
    assert "Fra Mette" not in json.dumps(data) and "Lise-roller" not in json.dumps(data)


def test_export_import_export_gives_the_same_history_in_another_installation(tx, world, bank, elsewhere):
    run, newcomer = elsewhere
    first = _export(tx, world["mette"].id)
    summary = run(storage.import_data, user_id=newcomer.id, data=transfer.read(first, bank))
    assert (summary.rounds, summary.goals, summary.feedback, summary.agreements) == (2, 2, 1, 1)
    again = json.loads(transfer.to_json(run(storage.export_data, user_id=newcomer.id)))
    before = json.loads(first)
    assert again["rounds"] == before["rounds"]
    assert (again["network"], again["tool_answers"]) == (before["network"], before["tool_answers"])
    # The agreement comes along as it stands, agreed by Jonas; his comment and access stay behind.
    assert again["agreements"] == [{**before["agreements"][0], "comments": []}]
    moved = run(agreements.get_agreement, leader_id=newcomer.id, kind="co-driver")
    assert moved.is_agreed and moved.agreed_by_name == "Jonas" and moved.values["roller"] == "Mette-roller"
    # Shares and courses are the record of people on the other installation; they are not moved.
    assert (again["shares_given"], again["shares_received"], again["courses"]) == ([], [], [])
    # The leader sees the same history: radar data, goals with follow-ups, the co-driver's view.
    history = run(rounds.list_history, user_id=newcomer.id)
    assert [r.ratings() for r in history] == [r.ratings() for r in tx(rounds.list_history, user_id=world["mette"].id)]
    assert [(g.step, g.followup and g.followup.outcome) for g in run(goals.list_goals, user_id=newcomer.id)] == [
        ("Inviter en borger", "achieved"),
        ("Lyt", None),
    ]
    seen = run(feedback.feedback_for_leader, leader_id=newcomer.id)[history[0].id]
    assert [(f.author_name, f.author_id, f.overall) for f in seen] == [("Jonas", None, "Godt, Mette")]


def test_a_version_1_file_is_still_read_and_brings_its_rounds(tx, world, bank, elsewhere):
    run, newcomer = elsewhere
    old = _valid(tx, world)
    for part in ("network", "tool_answers", "agreements", "agreements_invited_to"):
        del old[part]
    old["format_version"] = 1
    summary = run(storage.import_data, user_id=newcomer.id, data=transfer.read(json.dumps(old).encode(), bank))
    assert (summary.rounds, summary.agreements) == (2, 0)
    assert run(agreements.list_agreements, leader_id=newcomer.id) == {}


def test_an_open_round_comes_along_and_can_be_finished(tx, make_user, bank, elsewhere):
    run, newcomer = elsewhere
    mette = make_user("Mette")
    open_round = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    tx(rounds.save_text, user_id=mette.id, round_id=open_round.id, question_id=bank.question_ids[0], text="Halvvejs")
    tx(rounds.set_step, user_id=mette.id, round_id=open_round.id, step=3)
    run(storage.import_data, user_id=newcomer.id, data=transfer.read(_export(tx, mette.id), bank))
    moved = run(rounds.get_open_round, user_id=newcomer.id)
    assert (moved.current_step, moved.answers[bank.question_ids[0]].text) == (3, "Halvvejs")


def test_import_needs_an_account_without_rounds_and_then_stores_nothing(
    tx, world, bank, make_user, make_completed_round
):
    other = make_user("Ida")
    mine = make_completed_round(other.id, rating=5)
    with pytest.raises(ImportConflictError):
        tx(storage.import_data, user_id=other.id, data=transfer.read(_export(tx, world["mette"].id), bank))
    assert [r.id for r in tx(rounds.list_history, user_id=other.id)] == [mine.id]


def _valid(tx, world) -> dict:
    return json.loads(_export(tx, world["mette"].id))


def _broken(data: dict, change) -> bytes:
    change(data)
    return json.dumps(data).encode()


def _set(path, value):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(("format_version",), 3), "(format 3, her læses 2)"),
        (_set(("agreements", 0, "values", "roller"), 7), "aftalen »co-driver« passer feltet »roller« ikke"),
        (_set(("agreements", 0, "values", "slags"), ["borgmester"]), "passer feltet »slags« ikke"),
        (_set(("agreements", 0, "values", "ukendt"), "x"), "passer feltet »ukendt« ikke"),
        (_set(("agreements", 0, "agreed_values"), None), "passer feltet »agreed_at« ikke"),
        (_set(("agreements", 0, "kind"), "borgmester"), "feltet agreements.0.kind er forkert"),
        (_set(("tool_answers", 0, "question_id"), "hvem"), "redskabsspørgsmålet »find-co-driver/hvem«"),
        (_set(("format",), "noget-andet"), "Filen er ikke en eksport fra Netværksspejlet."),
        (
            _set(("rounds", 0, "answers", 0, "rating"), 6),
            "feltet rounds.0.answers.0.rating er forkert (tallet er for stort)",
        ),
        (_set(("rounds", 0, "answers", 0, "question_id"), "findes-ikke-1"), "spørgsmålet »findes-ikke-1«"),
        (_set(("rounds", 0, "goals", 0, "competency_id"), "ukendt"), "kompetencen »ukendt«"),
        (_set(("rounds", 1, "ref"), 1), "samme nummer (ref)"),
        (_set(("rounds", 0, "goals", 0, "followup", "round_ref"), 9), "peger en opfølgning på runde 9"),
        (_set(("rounds", 0, "completed_at"), None), "passer status og afslutningstidspunkt ikke sammen"),
        (_set(("rounds", 0, "status"), "open"), "passer status og afslutningstidspunkt ikke sammen"),
        (_set(("rounds", 0, "context"), "paa-maanen"), "er »paa-maanen« ikke et sted i netværksforløbet"),
        (_set(("rounds", 0, "answers", 1, "question_id"), None), "feltet rounds.0.answers.1.question_id er forkert"),
        (
            _set(("rounds", 0, "answers", 0, "text"), "x" * 5001),
            "feltet rounds.0.answers.0.text er forkert (teksten er for lang)",
        ),
        (_set(("rounds", 0, "secret"), "x"), "feltet rounds.0.secret er forkert (feltet kendes ikke)"),
        (
            _set(("rounds", 0, "started_at"), "i går"),
            "feltet rounds.0.started_at er forkert (ikke et gyldigt tidspunkt)",
        ),
    ],
)
def test_a_contradictory_file_is_refused_saying_what_is_wrong(tx, world, bank, change, message):
    with pytest.raises(ImportRefused) as refused:
        transfer.read(_broken(_valid(tx, world), change), bank)
    assert message in str(refused.value)
    assert str(refused.value).endswith("Intet er lagt ind.")


def test_a_duplicate_answer_and_two_open_rounds_are_refused(tx, world, bank):
    def duplicate(data):
        data["rounds"][0]["answers"].append(dict(data["rounds"][0]["answers"][0]))

    def two_open(data):
        for r in data["rounds"]:
            r["status"], r["completed_at"], r["feedback_received"] = "open", None, []

    with pytest.raises(ImportRefused, match="to svar på samme spørgsmål"):
        transfer.read(_broken(_valid(tx, world), duplicate), bank)
    with pytest.raises(ImportRefused, match="mere end én runde i gang"):
        transfer.read(_broken(_valid(tx, world), two_open), bank)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Filen er ikke en flyttefil."),
        (b"Runde;Kompetence\n1;2\n", "Filen er ikke en flyttefil."),
        (b"[1, 2, 3]", "Filen er ikke en eksport fra Netværksspejlet."),
        (
            b'{"format": "netvaerksspejlet-eksport"}',
            "som dette sted ikke kan læse (format None",
        ),
        (b" " * (10 * 1024 * 1024 + 1), "Filen er for stor. Den må højst fylde 10 MB."),
        (b"[" * 100_000 + b"]" * 100_000, "Filen er ikke en eksport fra Netværksspejlet."),  # RecursionError
        (b'{"a": ' * 50_000 + b"1" + b"}" * 50_000, "Filen er ikke en eksport fra Netværksspejlet."),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(bank, raw, message):
    with pytest.raises(ImportRefused) as refused:
        transfer.read(raw, bank)
    assert message in str(refused.value)


def test_the_server_takes_no_upload_larger_than_an_import_may_be():
    """The browser's check can be skipped; Streamlit's server then took 200 MB into memory."""
    import tomllib

    from tests.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == transfer.IMPORT_MAX_BYTES


def _one_round_file(tx, make_user, make_completed_round) -> dict:
    mette = make_user("Mette")
    make_completed_round(mette.id, rating=3)
    return json.loads(_export(tx, mette.id))


def test_a_file_with_more_rounds_than_a_leader_can_have_is_refused_saying_the_limit(
    tx, make_user, make_completed_round, bank
):
    document = _one_round_file(tx, make_user, make_completed_round)
    template = document["rounds"][0]
    document["rounds"] = [{**template, "ref": n} for n in range(1, transfer.IMPORT_MAX_ROUNDS + 1)]
    assert len(transfer.read(json.dumps(document).encode(), bank).rounds) == transfer.IMPORT_MAX_ROUNDS
    document["rounds"].append({**template, "ref": transfer.IMPORT_MAX_ROUNDS + 1})
    with pytest.raises(ImportRefused) as refused:
        transfer.read(json.dumps(document).encode(), bank)
    assert str(refused.value) == texts.IMPORT_TOO_MANY_ROUNDS.format(count=61, max=60)


BAD_JSON = {
    "a 5,000-digit number": lambda text: text.replace('"ref": 1', '"ref": ' + "9" * 5000, 1),
    "a 19-digit number": lambda text: text.replace('"ref": 1', '"ref": ' + "1" * 19, 1),
    "NaN": lambda text: text.replace('"ref": 1', '"ref": NaN', 1),
    "Infinity": lambda text: text.replace('"ref": 1', '"ref": Infinity', 1),
    "-Infinity": lambda text: text.replace('"ref": 1', '"ref": -Infinity', 1),
    "a float past the largest": lambda text: text.replace('"ref": 1', '"ref": 1e999', 1),
    "a key twice": lambda text: text.replace('"ref": 1', '"ref": 1, "ref": 2', 1),
    "a lone surrogate": lambda text: text.replace('"ref": 1', '"ref": 1, "x": "\\ud800"', 1),
}


@pytest.mark.parametrize("damage", list(BAD_JSON), ids=list(BAD_JSON))
def test_every_class_of_bad_json_gets_the_named_refusal(tx, make_user, make_completed_round, bank, damage):
    text = json.dumps(_one_round_file(tx, make_user, make_completed_round), indent=2)
    assert '"ref": 1' in text
    with pytest.raises(ImportRefused):
        transfer.read(BAD_JSON[damage](text).encode(), bank)


@pytest.mark.parametrize(
    "encoding",
    ["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"],
)
def test_a_file_in_another_encoding_is_refused_by_name(tx, make_user, make_completed_round, bank, encoding):
    document = _one_round_file(tx, make_user, make_completed_round)
    document["account"]["username"] = "Søren"  # a letter each encoding writes its own way
    with pytest.raises(ImportRefused) as refused:
        transfer.read(json.dumps(document, ensure_ascii=False).encode(encoding), bank)
    assert str(refused.value) in (texts.IMPORT_NOT_JSON, texts.IMPORT_NOT_OURS)


def test_a_file_with_a_byte_order_mark_is_read(tx, make_user, make_completed_round, bank):
    raw = b"\xef\xbb\xbf" + json.dumps(_one_round_file(tx, make_user, make_completed_round)).encode()
    assert len(transfer.read(raw, bank).rounds) == 1
