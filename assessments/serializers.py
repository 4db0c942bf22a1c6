"""Request fields the assessments' doors share with the others: learning targets named by their codes."""

from __future__ import annotations

from rest_framework import serializers

from assessments.models import LearningTarget
from learning_platform.serializers import Text

CODE_LENGTH = 40
CODE_EXAMPLE = "6.RP.A.3"


class TargetCode(Text):
    """One learning target by its code ("6.RP.A.3")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", CODE_LENGTH)
        kwargs.setdefault("help_text", f"A learning target's code, such as {CODE_EXAMPLE}.")
        super().__init__(**kwargs)
        self.validators = []  # the text is checked as it is read; the value is the target

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        target = LearningTarget.objects.filter(code=code).order_by("id").first()
        if target is None:
            raise serializers.ValidationError(f"Give the code of a learning target, such as {CODE_EXAMPLE}.")
        return target

    def to_representation(self, target):
        return target.code


class TargetCodes(serializers.ListField):
    """Learning targets by code (["6.RP.A.3"]), in the order given, each once; unknown codes are named."""

    child = Text(max_length=CODE_LENGTH)

    def to_internal_value(self, data):
        codes = list(dict.fromkeys(super().to_internal_value(data)))
        if not codes:
            raise serializers.ValidationError(f"Give at least one learning target's code, such as {CODE_EXAMPLE}.")
        found = {target.code: target for target in LearningTarget.objects.filter(code__in=codes).order_by("-id")}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise serializers.ValidationError(f"No learning target has the code {', '.join(unknown)}.")
        return [found[code] for code in codes]

    def to_representation(self, targets):
        return [target.code for target in targets.all()]
