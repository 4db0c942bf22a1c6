"""The prerequisite graph between learning targets."""

from __future__ import annotations


from django.core.exceptions import ValidationError
from django.db import transaction

from assessments import graph
from assessments.models import (
    Framework,
    LearningTarget,
    Prerequisite,
)


@transaction.atomic
def prerequisite_add(*, prerequisite: LearningTarget, target: LearningTarget) -> Prerequisite:
    """Record that `prerequisite` must be learned before `target`; adding an existing edge returns it.

    Raises ValidationError, writing nothing, for a self edge, an edge joining two frameworks or an edge that
    would close a cycle (the message names the cycle).
    """
    edge = f"{prerequisite.code} -> {target.code}"
    if prerequisite.pk == target.pk:
        raise ValidationError(f"Prerequisite {edge} refused: a target cannot be its own prerequisite.", code="self")
    if prerequisite.framework_id != target.framework_id:
        raise ValidationError(
            f"Prerequisite {edge} refused: the targets are in different frameworks "
            f"({prerequisite.framework.slug}, {target.framework.slug}).",
            code="cross_framework",
        )
    # Two additions running at once could each pass the cycle check and together close a cycle; locking the
    # framework makes them take turns.
    Framework.objects.select_for_update().get(pk=target.framework_id)
    existing = Prerequisite.objects.filter(prerequisite=prerequisite, target=target).first()
    if existing:
        return existing
    edges = Prerequisite.objects.filter(target__framework_id=target.framework_id).values_list(
        "prerequisite__code", "target__code"
    )
    cycle = graph.cycle_closed_by(edges, prerequisite=prerequisite.code, target=target.code)
    if cycle:
        raise ValidationError(
            f"Prerequisite {edge} refused: it would close the cycle {' -> '.join(cycle)}.", code="cycle"
        )
    return Prerequisite.objects.create(prerequisite=prerequisite, target=target)
