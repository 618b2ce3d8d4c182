"""Administer accounts from the command line: the first administrator, and who is a trainer.

    python -m db.admin create-admin NAME [--password-stdin]
    python -m db.admin grant-trainer NAME
    python -m db.admin revoke-trainer NAME
    python -m db.admin list
    python -m db.admin look-alikes

The database is the one in DATABASE_URL (the embedded SQLite file by default). create-admin
makes the account if it does not exist yet, asking for its password twice (or reading one line
from standard input with --password-stdin), and otherwise makes the existing account an admin.
look-alikes lists accounts whose names look the same on screen (made before such names were
refused, core.usernames), so an administrator can ask one of them to choose another.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import texts
from core.auth import refusal_message
from db import accounts
from db.engine import make_sessionmaker, prepare_database
from db.errors import InvalidUsernameError, NotFoundError, WeakPasswordError
from db.models import User


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Adgangskode: ")
    if getpass.getpass("Gentag adgangskoden: ") != first:
        raise SystemExit("De to adgangskoder er ikke ens. Intet er ændret.")
    return first


def _create_admin(session: Session, name: str, password_stdin: bool) -> str:
    exists = accounts.user_named(session, name)
    if exists is None:
        accounts.create_user(session=session, username=name, password=_read_password(password_stdin))
    accounts.set_roles(session=session, username=name, is_admin=True)
    return f"{name} er nu administrator." if exists else f"Administratoren {name} er oprettet."


def _set_trainer(session: Session, name: str, trainer: bool) -> str:
    accounts.set_roles(session=session, username=name, is_trainer=trainer)
    return f"{name} er nu træner." if trainer else f"{name} er ikke længere træner."


def _list(session: Session) -> str:
    rows = session.execute(select(User.username, User.is_admin, User.is_trainer).order_by(User.username_key))
    lines = [
        f"{name}\t{'admin' if admin else ''}\t{'træner' if trainer else ''}".rstrip()
        for name, admin, trainer in rows
        if admin or trainer
    ]
    return "\n".join(lines) or "Ingen administratorer eller trænere endnu."


def _look_alikes(session: Session) -> str:
    groups = accounts.look_alikes(session)
    if not groups:
        return "Ingen brugernavne ligner hinanden."
    lines = [
        f"Disse {len(names)} brugernavne ligner hinanden: " + ", ".join(map(ascii_view, names)) for names in groups
    ]
    return "\n".join(lines)


def ascii_view(name: str) -> str:
    """The name, with every character outside plain ASCII written as its code point (U+0435)."""
    return "".join(c if c.isascii() else f"<U+{ord(c):04X}>" for c in name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.admin", description="Administrer roller i Netværksspejlet.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-admin", help="opret en administrator (eller gør en bruger til det)")
    create.add_argument("name")
    create.add_argument("--password-stdin", action="store_true", help="læs adgangskoden fra standard input")
    for command in ("grant-trainer", "revoke-trainer"):
        commands.add_parser(command, help="giv eller fjern trænerrollen").add_argument("name")
    commands.add_parser("list", help="vis administratorer og trænere")
    commands.add_parser("look-alikes", help="vis brugernavne, der ligner hinanden på skærmen")
    args = parser.parse_args(argv)

    actions: dict[str, Callable[[Session], str]] = {
        "create-admin": lambda s: _create_admin(s, args.name, args.password_stdin),
        "grant-trainer": lambda s: _set_trainer(s, args.name, True),
        "revoke-trainer": lambda s: _set_trainer(s, args.name, False),
        "list": _list,
        "look-alikes": _look_alikes,
    }
    engine = prepare_database()
    try:
        with make_sessionmaker(engine).begin() as session:
            print(actions[args.command](session))
    except NotFoundError:
        print(f"Der findes ingen bruger med navnet {args.name}.", file=sys.stderr)
        return 1
    except InvalidUsernameError:
        print(texts.USERNAME_INVALID, file=sys.stderr)
        return 1
    except WeakPasswordError as exc:
        print(refusal_message(exc.reason), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
