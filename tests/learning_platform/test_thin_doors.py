"""Doors stay thin: no function in a views, API or tasks module is longer than 40 lines (STYLE.md: a door parses
input, calls one service or selector, and renders; the rule itself lives in the service or selector)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("learning_platform", "learners", "assessments", "playlists", "analytics")
MAX_LINES = 40


def door_modules() -> list[Path]:
    names = ("views.py", "*_views.py", "views/*.py", "api.py", "*_api.py", "api_views.py", "tasks.py")
    return sorted({path for app in APPS for name in names for path in (ROOT / app).glob(name)})


def test_no_door_is_longer_than_40_lines():
    modules = door_modules()
    long = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path in modules
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > MAX_LINES
    ]
    assert len(modules) >= 20
    assert long == []
