"""Standards: frameworks, their learning targets and the prerequisite graph between targets."""
from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from learning_platform.models import GRADE_CHOICES


class Framework(models.Model):
    """A published set of standards, such as the Common Core State Standards for Mathematics."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    subject = models.CharField(max_length=32)
    source = models.CharField(max_length=500, blank=True, help_text="Where the standards and graph come from.")
    version = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}".strip()


class LearningTarget(models.Model):
    """One standard (or sub-standard) a learner can master, e.g. 6.RP.A.3 and its part 6.RP.A.3a."""

    class WeightClass(models.TextChoices):
        MAJOR = "major", "Major"
        SUPPORTING = "supporting", "Supporting"
        ADDITIONAL = "additional", "Additional"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(max_length=40)
    text = models.TextField()
    grade = models.CharField(max_length=2, choices=GRADE_CHOICES)
    domain_code = models.CharField(max_length=20)
    domain_name = models.CharField(max_length=200)
    cluster_letter = models.CharField(max_length=4, blank=True)
    cluster_name = models.CharField(max_length=300, blank=True)
    weight_class = models.CharField(max_length=12, choices=WeightClass.choices, default=WeightClass.MAJOR)
    ordinal = models.CharField(max_length=20, blank=True, help_text="Position within the cluster, as published.")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="parts")
    source_id = models.CharField(max_length=40, blank=True, help_text="The identifier in the source data set.")

    class Meta:
        ordering = ["framework", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="target_code_unique_in_framework")]
        indexes = [models.Index(fields=["framework", "grade", "domain_code"], name="target_grade_domain_idx")]

    def __str__(self) -> str:
        return self.code


class Prerequisite(models.Model):
    """`prerequisite` must be learned before `target`. Edges form a DAG within one framework.

    Edges are written only through `assessments.services.prerequisite_add` (and the importer),
    which refuse an edge that would close a cycle or join two frameworks.
    """

    prerequisite = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="unlocks")
    target = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="requires")

    class Meta:
        ordering = ["prerequisite__code", "target__code"]
        constraints = [
            models.UniqueConstraint(fields=["prerequisite", "target"], name="prerequisite_edge_unique"),
            models.CheckConstraint(condition=~Q(prerequisite=F("target")), name="prerequisite_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.prerequisite.code} → {self.target.code}"


class RelatedTarget(models.Model):
    """Two targets that are related without one being a prerequisite (stored once, lower id first)."""

    first = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(LearningTarget, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="related_pair_unique"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="related_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.first.code} ↔ {self.second.code}"
