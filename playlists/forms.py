"""The activity editor's form: what a teacher writes, as the catalog services take it."""

from __future__ import annotations

from django import forms

from assessments.forms import TargetCodesField
from assessments.models import Difficulty
from learners.models import Modality

MAX_BODY = 20000


class ActivityForm(forms.Form):
    school = forms.ModelChoiceField(queryset=None, empty_label=None, required=False)
    title = forms.CharField(max_length=200)
    description = forms.CharField(
        label="What it is, in a sentence or two",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    targets = TargetCodesField(label="Learning targets (codes)", max_length=400)
    modality = forms.ChoiceField(label="Way of learning", choices=Modality.choices)
    expected_minutes = forms.IntegerField(label="Minutes", min_value=1, max_value=240, initial=15)
    difficulty = forms.TypedChoiceField(choices=Difficulty.choices, coerce=int, initial=Difficulty.CORE)
    url = forms.URLField(
        label="Address, if it lives outside Waypoint", required=False, max_length=200, assume_scheme="https"
    )
    body = forms.CharField(
        label="The activity (Markdown)", required=False, max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 12})
    )
    interest_tags = forms.CharField(label="Interests it suits, separated by commas", required=False, max_length=400)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        # Someone who writes for several schools (a district admin) says which; everyone else writes for theirs.
        self.fields["school"].required = schools.count() > 1

    @classmethod
    def initial_from(cls, activity) -> dict:
        return {
            "school": activity.school_id,
            "title": activity.title,
            "description": activity.description,
            "targets": ", ".join(target.code for target in activity.targets.all()),
            "modality": activity.modality,
            "expected_minutes": activity.expected_minutes,
            "difficulty": activity.difficulty,
            "url": activity.url,
            "body": activity.body,
            "interest_tags": ", ".join(activity.interest_tags),
        }

    def clean_interest_tags(self) -> list[str]:
        tags = [tag.strip() for tag in self.cleaned_data.get("interest_tags", "").split(",") if tag.strip()]
        if len(tags) > 20 or any(len(tag) > 60 for tag in tags):
            raise forms.ValidationError("Up to 20 interests, each under 60 characters.")
        return list(dict.fromkeys(tags))

    def activity_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "title",
                "description",
                "modality",
                "expected_minutes",
                "difficulty",
                "interest_tags",
                "url",
                "body",
            )
        }
