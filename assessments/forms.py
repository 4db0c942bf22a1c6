"""The item editor's form: the fields a teacher fills in, turned into an item's choices, key and rubric (the JSON
shapes of assessments.scoring), with each problem on the field it belongs to."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from assessments import scoring
from assessments.models import Difficulty, Item, LearningTarget

CHOICE_ROWS = 8
# The rows' letters, which are also a new choice's id; a saved item's choices keep their ids (answers name them).
CHOICE_IDS = "abcdefgh"
DEFAULT_LEVELS = "Beginning = 1\nDeveloping = 2\nProficient = 3\nExemplary = 4"
MAX_STEM = 5000
_CODE_SPLIT = re.compile(r"[,\s]+")


class TargetCodesField(forms.CharField):
    """Learning targets by code, separated by commas or spaces ("6.RP.A.3, 6.RP.A.1"); unknown codes are named."""

    def clean(self, value):
        text = super().clean(value)
        codes = list(dict.fromkeys(code for code in _CODE_SPLIT.split(text or "") if code))
        if not codes:
            raise ValidationError("Give at least one learning target's code, such as 6.RP.A.3.")
        found = {target.code: target for target in LearningTarget.objects.filter(code__in=codes).order_by("id")}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(f"No learning target has the code {', '.join(unknown)}.")
        return [found[code] for code in codes]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ItemForm(forms.Form):
    school = forms.ModelChoiceField(queryset=None, empty_label=None, required=False)
    item_type = forms.ChoiceField(label="Type of question", choices=Item.Type.choices)
    stem = forms.CharField(label="Question (Markdown)", max_length=MAX_STEM, widget=forms.Textarea(attrs={"rows": 5}))
    targets = TargetCodesField(label="Learning targets (codes)", max_length=400)
    difficulty = forms.TypedChoiceField(choices=Difficulty.choices, coerce=int, initial=Difficulty.CORE)
    max_points = forms.DecimalField(
        label="Points", min_value=Decimal("0.01"), max_digits=5, decimal_places=2, initial=Decimal("1")
    )
    correct = forms.MultipleChoiceField(
        required=False, choices=[(letter, letter) for letter in CHOICE_IDS], widget=forms.CheckboxSelectMultiple
    )
    numeric_value = forms.CharField(label="Right answer (a number)", required=False, max_length=40)
    numeric_tolerance = forms.CharField(label="Tolerance (how far off still counts)", required=False, max_length=40)
    accepted = forms.CharField(
        label="Accepted answers, one a line", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    case_sensitive = forms.BooleanField(label="Capital letters must match", required=False)
    comparison = forms.ChoiceField(
        label="Right symbol",
        required=False,
        choices=[("", "Choose"), *((symbol, symbol) for symbol in scoring.COMPARISON_SYMBOLS)],
    )
    rubric_criteria = forms.CharField(
        label="Rubric criteria, one a line: the name, then what each level looks like, split by |",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    rubric_levels = forms.CharField(
        label="Rubric levels, one a line: label = points",
        required=False,
        max_length=1000,
        initial=DEFAULT_LEVELS,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    hints = forms.CharField(
        label="Hints, one a line (Markdown)", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    worked_solution = forms.CharField(
        label="Worked solution (Markdown)",
        required=False,
        max_length=MAX_STEM,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, schools, choice_ids: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.choice_ids = list(choice_ids or [])
        # Someone who writes for several schools (a district admin) says which; everyone else writes for theirs.
        self.fields["school"].required = schools.count() > 1
        for row in range(1, CHOICE_ROWS + 1):
            self.fields[f"choice_{row}"] = forms.CharField(
                label=f"Choice {CHOICE_IDS[row - 1].upper()}", required=False, max_length=500
            )
            self.fields[f"feedback_{row}"] = forms.CharField(
                label=f"Feedback when choice {CHOICE_IDS[row - 1].upper()} is picked", required=False, max_length=500
            )

    def choice_rows(self) -> list[dict]:
        """The choice rows as the editor lays them out: each letter with its text and feedback fields, and the
        letters ticked right."""
        ticked = self.data.getlist("correct") if self.is_bound else self.initial.get("correct", [])
        return [
            {"letter": letter, "text": self[f"choice_{row}"], "feedback": self[f"feedback_{row}"], "correct": ticked}
            for row, letter in enumerate(CHOICE_IDS, start=1)
        ]

    @classmethod
    def initial_from(cls, item: Item) -> dict:
        """The form's values for an existing item."""
        initial = {
            "school": item.school_id,
            "item_type": item.item_type,
            "stem": item.stem,
            "targets": ", ".join(target.code for target in item.targets.all()),
            "difficulty": item.difficulty,
            "max_points": item.max_points,
            "hints": "\n".join(item.hints),
            "worked_solution": item.worked_solution,
        }
        for row, choice in enumerate(item.choices, start=1):
            initial[f"choice_{row}"] = choice.get("text", "")
            initial[f"feedback_{row}"] = choice.get("feedback", "")
        key = item.key if isinstance(item.key, dict) else {}
        correct = key.get("correct")
        ids = [choice.get("id") for choice in item.choices]
        picked = correct if isinstance(correct, list) else [correct]
        initial["correct"] = [CHOICE_IDS[ids.index(choice_id)] for choice_id in picked if choice_id in ids]
        initial["numeric_value"] = key.get("value", "")
        initial["numeric_tolerance"] = key.get("tolerance", "")
        initial["accepted"] = "\n".join(key.get("accepted", []))
        initial["case_sensitive"] = key.get("case_sensitive", False)
        initial["comparison"] = correct if item.item_type == Item.Type.COMPARISON else ""
        criteria = item.rubric.get("criteria", []) if isinstance(item.rubric, dict) else []
        if criteria:
            levels = criteria[0].get("levels", [])
            initial["rubric_levels"] = "\n".join(f"{level['label']} = {level['points']}" for level in levels)
            initial["rubric_criteria"] = "\n".join(
                " | ".join([criterion["name"], *(level.get("descriptor", "") for level in criterion.get("levels", []))])
                for criterion in criteria
            )
        return initial

    def clean(self):
        data = super().clean()
        item_type = data.get("item_type")
        if not item_type:
            return data
        choices, key, rubric = [], {}, {}
        if item_type in (Item.Type.SINGLE_CHOICE, Item.Type.MULTIPLE_SELECT):
            choices, key = self._choices_and_key(data, item_type)
        elif item_type == Item.Type.NUMERIC:
            key = {
                "value": data.get("numeric_value", "").strip(),
                "tolerance": data.get("numeric_tolerance", "").strip() or "0",
            }
        elif item_type == Item.Type.SHORT_TEXT:
            key = {"accepted": _lines(data.get("accepted")), "case_sensitive": bool(data.get("case_sensitive"))}
        elif item_type == Item.Type.COMPARISON:
            key = {"correct": data.get("comparison", "")}
        else:
            rubric = self._rubric(data)
        if self.errors:
            return data
        try:
            scoring.validate_key(item_type, choices, rubric if item_type == Item.Type.OPEN_RESPONSE else key)
        except ValueError as error:
            self.add_error(_KEY_FIELD[item_type](str(error)), str(error))
        data.update(choices=choices, key=key, rubric=rubric, hints_list=_lines(data.get("hints")))
        return data

    def _choices_and_key(self, data, item_type) -> tuple[list, dict]:
        choices = []
        for row in range(1, CHOICE_ROWS + 1):
            text = data.get(f"choice_{row}", "").strip()
            if text:
                choice = {"id": self._choice_id(row), "text": text}
                if data.get(f"feedback_{row}", "").strip():
                    choice["feedback"] = data[f"feedback_{row}"].strip()
                choices.append(choice)
        written = {choice["id"] for choice in choices}
        picked = [self._choice_id(CHOICE_IDS.index(letter) + 1) for letter in data.get("correct", [])]
        picked = [choice_id for choice_id in picked if choice_id in written]
        if len(choices) < 2:
            self.add_error("choice_1", "Write at least two choices.")
        elif not picked:
            self.add_error(
                "correct",
                "Tick the right choice." if item_type == Item.Type.SINGLE_CHOICE else "Tick every right choice.",
            )
        elif item_type == Item.Type.SINGLE_CHOICE and len(picked) > 1:
            self.add_error("correct", "A single-choice question has one right choice; tick only one.")
        if item_type == Item.Type.SINGLE_CHOICE:
            return choices, {"correct": picked[0] if picked else ""}
        return choices, {"correct": picked}

    def _choice_id(self, row: int) -> str:
        """The id of the choice in `row`: the saved item's own, or the row's letter when that is free."""
        if row <= len(self.choice_ids):
            return self.choice_ids[row - 1]
        letter = CHOICE_IDS[row - 1]
        return letter if letter not in self.choice_ids else f"{letter}{row}"

    def _rubric(self, data) -> dict:
        levels = []
        for number, line in enumerate(_lines(data.get("rubric_levels")), start=1):
            label, _, points = line.rpartition("=")
            try:
                value = Decimal(points.strip())
            except ArithmeticError:
                value = None
            if not label.strip() or value is None or not value.is_finite() or value < 0:
                self.add_error(
                    "rubric_levels", f"Line {number} (“{line}”) is not “label = points”, such as “Proficient = 3”."
                )
                return {}
            levels.append((label.strip(), int(value) if value == value.to_integral() else float(value)))
        criteria = []
        for number, line in enumerate(_lines(data.get("rubric_criteria")), start=1):
            name, *descriptors = [part.strip() for part in line.split("|")]
            if len(descriptors) > len(levels):
                self.add_error(
                    "rubric_criteria",
                    f"Line {number} describes {len(descriptors)} levels; the rubric has {len(levels)}.",
                )
                return {}
            criteria.append(
                {
                    "id": f"c{number}",
                    "name": name,
                    "levels": [
                        {
                            "id": f"l{index}",
                            "label": label,
                            "points": points,
                            **(
                                {"descriptor": descriptors[index - 1]}
                                if index <= len(descriptors) and descriptors[index - 1]
                                else {}
                            ),
                        }
                        for index, (label, points) in enumerate(levels, start=1)
                    ],
                }
            )
        if not criteria:
            self.add_error("rubric_criteria", "Write at least one criterion.")
        return {"criteria": criteria}

    def service_fields(self) -> dict[str, str]:
        """Which of the form's fields an item service's refusal of a model field belongs on."""
        key_field = _KEY_FIELD.get(self.cleaned_data.get("item_type"), lambda message: None)("")
        return {"key": key_field, "rubric": "rubric_criteria", "choices": "choice_1", "item_type": "item_type"}

    def item_fields(self) -> dict:
        """The cleaned form as the authoring services take it."""
        data = self.cleaned_data
        return {
            "item_type": data["item_type"],
            "stem": data["stem"],
            "choices": data["choices"],
            "key": data["key"],
            "rubric": data["rubric"],
            "difficulty": data["difficulty"],
            "max_points": data["max_points"],
            "hints": data["hints_list"],
            "worked_solution": data["worked_solution"],
        }


def _choice_error_field(message: str) -> str:
    return "correct" if "key" in message or "correct" in message.lower() else "choice_1"


# Which field a key problem belongs on, by item type.
_KEY_FIELD = {
    Item.Type.SINGLE_CHOICE: _choice_error_field,
    Item.Type.MULTIPLE_SELECT: _choice_error_field,
    Item.Type.NUMERIC: lambda message: "numeric_tolerance" if "tolerance" in message else "numeric_value",
    Item.Type.SHORT_TEXT: lambda message: "accepted",
    Item.Type.COMPARISON: lambda message: "comparison",
    Item.Type.OPEN_RESPONSE: lambda message: "rubric_criteria",
}
