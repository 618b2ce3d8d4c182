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
    assert "identity.require_user()" in source
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
