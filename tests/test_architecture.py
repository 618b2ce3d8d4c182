"""The project checks itself: layers stay apart, pages stay thin, the README and docs/ stay true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core import texts
from core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PURE_PACKAGES = ["core", "db", "questions", "web"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", [p for pkg in PURE_PACKAGES for p in (ROOT / pkg).rglob("*.py")], ids=str)
def test_core_and_storage_never_import_streamlit(path):
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_build_no_queries(path):
    assert not _imports(path) & {"sqlalchemy", "db.models"}
    assert "select(" not in path.read_text(encoding="utf-8")


def test_every_page_file_is_in_the_navigation():
    navigation = (ROOT / "ui" / "navigation.py").read_text(encoding="utf-8")
    for page in (ROOT / "pages").glob("*.py"):
        assert f'"pages/{page.name}"' in navigation, page.name


def test_pages_hold_no_ui_text_literals():
    """UI text lives in core/texts.py: a page passes no string literal to an st.* call."""
    for page in (ROOT / "pages").glob("*.py"):
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if isinstance(owner, ast.Name) and owner.id == "st":
                    literals = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                    assert not literals, f"{page.name}: {ast.unparse(node)}"


def test_round_contexts_cover_the_network_timeline():
    assert list(texts.CONTEXTS.values())[:1] == ["Før netværket"]
    assert [f"Efter netværksmøde {n}" for n in range(1, 7)] == list(texts.CONTEXTS.values())[1:7]
    assert "Efter testfasen" in texts.CONTEXTS.values() and "Andet" in texts.CONTEXTS.values()


def test_the_readme_links_every_page_of_the_docs_and_each_links_back():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        assert f"](docs/{page.name})" in readme, page.name
        assert "](../README.md)" in page.read_text(encoding="utf-8"), page.name


def test_ci_runs_the_test_command_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^(bash scripts/\S+\.sh)\s*$", readme, flags=re.MULTILINE)
    assert "bash scripts/test.sh" in commands and "bash scripts/start.sh" in commands
    assert "bash scripts/test.sh" in ci


def test_the_docs_document_every_setting_the_app_reads():
    readme = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    names = set(Settings.model_fields)
    assert "DATABASE_URL" in names
    for name in names:
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize("package", ["core", "db", "ui", "web", "questions"])
def test_only_the_settings_object_reads_the_environment(package):
    for path in (ROOT / package).rglob("*.py"):
        if path != ROOT / "core" / "settings.py":
            assert "os.environ" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_every_page_checks_the_user_and_guards_its_body(path):
    source = path.read_text(encoding="utf-8")
    assert "gate.require_user()" in source
    assert "with guarded_page():" in source


@pytest.mark.parametrize("path", sorted([*(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]), ids=str)
def test_no_widget_hides_its_label(path):
    """Every widget has a label people can see and screen readers can read (issue 6)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "label_visibility":
                    assert isinstance(keyword.value, ast.Constant) and keyword.value.value == "visible", (
                        f"{path.name}: {ast.unparse(node)}"
                    )


@pytest.mark.parametrize("package", ["core", "ui", "web", "pages"])
def test_only_db_touches_the_models(package):
    """The domain's words live in core/vocabulary.py and the clock in core/clock.py, so nothing
    outside db/ needs db/models.py (its docstring says so; this keeps it true)."""
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "db.models" not in modules, path


# --- Session state: one owner per piece of state (issue 21) -------------------------------------
#
# Every key of st.session_state is a named constant (`*_KEY`) or made by a named function
# (`*_key`) in the module that owns it: a feature's `<feature>_actions.py` (its callbacks and
# every key it uses), or one of the modules below that own state the whole app shares. So a key
# found in the browser or a test leads, by one search, to where it is made and cleared.
STATE_OWNERS = {
    "identity.py": "who is signed in, the cookie hand-over, autosaves kept for their owner",
    "text_field.py": "each text field's stored base, saved time and edit conflict",
    "flash.py": "one-shot messages, under the slots features name",
    "navigation.py": "the pages built for this browser session",
    "sso.py": "the ID token this session has dealt with",
    "browser.py": "what the browser-side scripts post back",
    "resources.py": "the slots every page shows (the sign-in gate's, an unexpected error's)",
}
UI_SOURCES = sorted([*(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def _owns_state(path: Path) -> bool:
    return path.parent.name == "ui" and (path.name.endswith("_actions.py") or path.name in STATE_OWNERS)


def _is_session_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def _literal(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant | ast.JoinedStr) and not (
        isinstance(node, ast.Constant) and not isinstance(node.value, str)
    )


def _spells_out_a_key(node: ast.AST) -> bool:
    """st.session_state["k"], .get/.pop/.setdefault("k", ...), or "k" in st.session_state."""
    if isinstance(node, ast.Subscript):
        return _is_session_state(node.value) and _literal(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return (
            _is_session_state(node.func.value)
            and node.func.attr in {"get", "pop", "setdefault"}
            and bool(node.args)
            and _literal(node.args[0])
        )
    if isinstance(node, ast.Compare):
        return any(_is_session_state(c) for c in node.comparators) and _literal(node.left)
    return False


def _literal_state_keys(tree: ast.AST) -> list[str]:
    """Where session state is read or written with a key spelled out in place."""
    return [ast.unparse(node) for node in ast.walk(tree) if _spells_out_a_key(node)]


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_session_state_keys_are_never_spelled_out_in_place(path):
    assert _literal_state_keys(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_check_for_spelled_out_keys_catches_each_form():
    """The check above would notice every way of spelling a key in place (it cannot pass vacuously)."""
    source = """
st.session_state["a"] = 1
st.session_state.get("b")
st.session_state.pop(f"c-{n}", None)
st.session_state.setdefault("d", 0)
if "e" in st.session_state: pass
st.session_state[A_KEY] = st.session_state.get(b_key(1))
"""
    assert len(_literal_state_keys(ast.parse(source))) == 5


def _state_key_definitions(path: Path) -> list[tuple[str, str]]:
    """(name, key or key prefix) of each module-level key constant and key function in a module."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id.endswith("_KEY"):
                    found.append((target.id, node.value.value))
                elif isinstance(target, ast.Name) and target.id.endswith("_SLOT"):
                    found.append((target.id, "flash-" + node.value.value))  # ui/flash.py keeps it there
        elif isinstance(node, ast.FunctionDef) and node.name.endswith("_key"):
            returned = [n.value for n in ast.walk(node) if isinstance(n, ast.Return)]
            prefix = [
                v.values[0].value
                for v in returned
                if isinstance(v, ast.JoinedStr) and v.values and isinstance(v.values[0], ast.Constant)
            ]
            found.extend((node.name, p) for p in prefix)
    return found


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_only_the_owners_define_state_keys(path):
    if not _owns_state(path):
        assert _state_key_definitions(path) == [], f"{path.name}: move these keys to its _actions module"


def test_each_state_key_is_defined_once():
    """No two owners name the same key (or key prefix): each piece of state has one owner."""
    seen: dict[str, str] = {}
    for path in UI_SOURCES:
        for name, key in _state_key_definitions(path):
            where = f"{path.name}:{name}"
            assert key not in seen, f"{key!r} is defined by {seen[key]} and {where}"
            seen[key] = where
    assert len(seen) > 60  # every feature's keys were found, so the check above compared them


def test_widgets_use_the_owners_key_never_a_copy_of_it():
    """A widget whose value a callback reads takes its key from the owner: `key="round-note"` in a
    drawing module beside NOTE_KEY = "round-note" in the owner would be the same key spelled twice."""
    named = {key for path in UI_SOURCES for _, key in _state_key_definitions(path)}
    for path in UI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "key" and isinstance(node.value, ast.Constant):
                assert node.value.value not in named, f"{path.name}: key={node.value.value!r}"


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_state_is_never_cleared_by_scanning_its_keys(path):
    """Clearing by prefix ("every key starting goal-") relies on how another module names its keys;
    owners list what they clear. Only identity looks at all of a tab's state (to keep what was typed
    when a session ends), and it names the keys it leaves out."""
    if path.name == "identity.py":
        return
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        iterated = node.iter if isinstance(node, ast.For | ast.comprehension) else None
        if (
            isinstance(iterated, ast.Call)
            and isinstance(iterated.func, ast.Attribute)
            and iterated.func.attr in {"keys", "items", "values"}
        ):
            iterated = iterated.func.value
        assert not (iterated is not None and _is_session_state(iterated)), f"{path.name}: {ast.unparse(node)}"


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_messages_and_statuses_are_named(path):
    """One flash mechanism (ui/flash.py) with named slots and kinds; save statuses from ui/status.py."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in {"set_flash", "show_flash", "set_status"}:
                assert not any(_literal(a) for a in node.args), f"{path.name}: {ast.unparse(node)}"


def _ui_imports(path: Path) -> set[str]:
    """The ui modules a ui module imports (anywhere in it: a late import is still a dependency)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "ui":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ui."):
            found.add(node.module.split(".")[1])
    return found


def test_ui_modules_import_each_other_without_cycles():
    """E.g. the sign-in gate (ui/gate.py) imports identity and login; neither imports it back."""
    graph = {p.stem: _ui_imports(p) for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__"}

    acyclic: set[str] = set()  # modules already followed to the end: nothing below them loops

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " → ".join([*path, module])
        if module in acyclic:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, (*path, module))
        acyclic.add(module)

    for module in graph:
        visit(module, ())
    assert {"identity", "login"} <= graph["gate"]
