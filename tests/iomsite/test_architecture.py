"""The apps depend on each other one way only:
editorial ← loader ← orgs ← timeline / critiques ← iomsite, with devtools on top
for development. Read from the code: imports and migration dependencies."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

ROOT = Path(settings.BASE_DIR)

# What each app may import or depend on, besides itself.
MAY_USE = {
    "editorial": set(),
    "loader": {"editorial"},
    "orgs": {"editorial"},
    "timeline": {"editorial", "orgs"},
    "critiques": {"editorial", "orgs"},
    "members": {"editorial", "orgs", "timeline", "critiques"},
    "api": {"editorial", "loader", "orgs", "timeline", "critiques", "members"},
    "iomsite": {"editorial", "loader", "orgs", "timeline", "critiques", "members", "api"},
    "devtools": {
        "editorial",
        "loader",
        "orgs",
        "timeline",
        "critiques",
        "members",
        "api",
        "iomsite",
    },
}


def imported_apps(path):
    """The project apps a module imports (at any depth of the module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & set(MAY_USE)


@pytest.mark.parametrize("app", sorted(MAY_USE))
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_apps(path) - MAY_USE[app] - {app})
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }

    assert {path: apps for path, apps in wrong.items() if apps} == {}


def test_no_migration_depends_on_an_app_above_its_own():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    wrong = [
        (key, parent)
        for key, node in graph.nodes.items()
        if key[0] in MAY_USE
        for parent in graph.node_map[key].parents
        if parent.key[0] in MAY_USE and parent.key[0] not in MAY_USE[key[0]] | {key[0]}
    ]

    assert wrong == []
