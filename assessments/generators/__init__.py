"""Item generators: parametric templates that write questions for every K-8 learning target. Pure, no Django.

Each `grade_*` module registers templates (see `base`) for its grade's targets. `items_for(code)` draws a target's
items: its templates in turn, each with seeds 0, 1, 2, ... (the random values come from a generator seeded with
the target code, the template's name and the seed, so an item is the same in every run and on every machine),
skipping any item whose stem and figure repeat an earlier one. A target whose parts have templates (6.RP.A.3 has
6.RP.A.3a to d) but that has none of its own gets its parts' templates, so its items cover every part.

`assessments.services.generated_items_sync` writes these items into the shared bank.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import re
from dataclasses import dataclass

from assessments.generators.base import COMPARISON_SYMBOLS, Problem, Template, number_text, registry

# How many items the bank keeps per target: enough for a placement check, a week of exit tickets and practice
# without a learner meeting the same question twice in a week.
ITEMS_PER_TARGET = 12
# How many seeds a template may try per item it is asked for before the target is reported short of items (a
# template with few possible values, such as "count 1 to 5 dots", runs out of new stems).
SEEDS_PER_ITEM = 30

SOURCE = "waypoint-generator"

_PART = re.compile(r"(?P<parent>.+\d)(?P<part>[a-z])")


@dataclass(frozen=True)
class GeneratedItem:
    """One generated item in the shapes `assessments.models.Item` stores.

    `right_answer` is how the answer reads to a person; `wrong_answers` are answers in the scorer's shape that
    must score incorrect (for the tests and the item's own checks).
    """

    target_code: str
    source_id: str
    template: str
    seed: int
    item_type: str
    stem: str
    choices: list
    key: dict
    hints: list
    worked_solution: str
    figure: str
    difficulty: int
    right_answer: str
    wrong_answers: tuple


def _load_templates() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("grade_"):
            importlib.import_module(f"{__name__}.{module.name}")


def templates_for(code: str) -> list[Template]:
    """The templates that write items for `code`: its own, or else those of its parts, part by part."""
    templates = registry()
    if code in templates:
        return templates[code]
    parts = sorted(
        (other for other in templates if (match := _PART.fullmatch(other)) and match["parent"] == code),
    )
    return [template for part in parts for template in templates[part]]


def generated_codes() -> set[str]:
    """Every code some template writes for, directly (parents covered through their parts are not listed)."""
    return set(registry())


def items_for(code: str, count: int = ITEMS_PER_TARGET) -> list[GeneratedItem]:
    """Up to `count` distinct items for the target `code` (fewer when its templates run out of new stems)."""
    templates = templates_for(code)
    if not templates:
        return []
    items: list[GeneratedItem] = []
    seen: set[tuple[str, str]] = set()
    next_seed = {template.name: 0 for template in templates}
    exhausted: set[str] = set()
    turn = 0
    while len(items) < count and len(exhausted) < len(templates):
        template = templates[turn % len(templates)]
        turn += 1
        if template.name in exhausted:
            continue
        for _ in range(SEEDS_PER_ITEM):
            seed = next_seed[template.name]
            next_seed[template.name] += 1
            item = generate(code, template, seed)
            if (item.stem, item.figure) not in seen:
                seen.add((item.stem, item.figure))
                items.append(item)
                break
        else:
            exhausted.add(template.name)
    return items


def generate(code: str, template: Template, seed: int) -> GeneratedItem:
    """The item `template` writes for `code` with `seed`."""
    rng = random.Random(f"{code}|{template.name}|{seed}")
    problem = template.function(rng)
    if not isinstance(problem, Problem):
        raise TypeError(f"Template {template.name} returned {type(problem).__name__}, not a Problem.")
    answer = problem.answer
    return GeneratedItem(
        target_code=code,
        source_id=f"{code}/{template.name}/{seed}",
        template=template.name,
        seed=seed,
        item_type=answer.item_type,
        stem=problem.stem.strip(),
        choices=[dict(choice) for choice in answer.choices],
        key=json.loads(json.dumps(answer.key)),
        hints=[hint.strip() for hint in problem.hints],
        worked_solution=problem.solution.strip(),
        figure=problem.figure,
        difficulty=problem.difficulty or template.difficulty,
        right_answer=answer.display,
        wrong_answers=_wrong_answers(problem),
    )


def _wrong_answers(problem: Problem) -> tuple:
    """The wrong answers of `problem` in the scorer's answer shapes."""
    answer = problem.answer
    if answer.item_type == "single_choice":
        return tuple(choice["id"] for choice in answer.choices if choice["id"] != answer.key["correct"])
    if answer.item_type == "multiple_select":
        right = answer.key["correct"]
        wrong = [choice["id"] for choice in answer.choices if choice["id"] not in right]
        answers = [[*right, wrong[0]]]
        if len(right) > 1:
            answers.append(right[:-1])
        answers.append([wrong[0]])
        return tuple(answers)
    if answer.item_type == "comparison":
        return tuple(symbol for symbol in COMPARISON_SYMBOLS if symbol != answer.key["correct"])
    return tuple(number_text(value) if not isinstance(value, str) else value for value in problem.wrong_answers)


_load_templates()
