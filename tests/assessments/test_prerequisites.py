"""Adding prerequisite edges one at a time: the graph stays acyclic and within one framework."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from assessments.models import LearningTarget, Prerequisite
from assessments.services import CCSS_MATH, FrameworkInfo, prerequisite_add, standards_import

STANDARDS = """\
atc_id,code,grade,domain_code,domain_name,cluster_letter,cluster_name,cluster_msa,ordinal,text,wap,modeling
288,6.RP.A.1,6,RP,Ratios,A,Understand ratios.,0,1,Understand the concept of a ratio.,1,0
291,6.RP.A.2,6,RP,Ratios,A,Understand ratios.,0,2,Understand the concept of a unit rate.,1,0
352,7.RP.A.1,7,RP,Ratios,A,Analyze proportional relationships.,0,1,Compute unit rates.,1,0
355,7.RP.A.2,7,RP,Ratios,A,Analyze proportional relationships.,0,2,Recognize proportional relationships.,1,0
"""
# 6.RP.A.1 -> 6.RP.A.2 -> 7.RP.A.1 -> 7.RP.A.2, and the shortcut 6.RP.A.2 -> 7.RP.A.2.
PREREQUISITES = """\
from_id,from_code,to_id,to_code
288,6.RP.A.1,291,6.RP.A.2
291,6.RP.A.2,352,7.RP.A.1
352,7.RP.A.1,355,7.RP.A.2
291,6.RP.A.2,355,7.RP.A.2
"""
RELATED = "a_id,a_code,b_id,b_code\n"
DRAFT = FrameworkInfo(slug="ccss-math-draft", name="Draft standards", subject="math", version="0", source="")


def import_ratios(directory: Path, framework: FrameworkInfo = CCSS_MATH) -> dict[str, LearningTarget]:
    """Import the four ratio standards into `framework`; returns its targets by code."""
    directory.mkdir()
    for name, text in (("standards.csv", STANDARDS), ("prerequisites.csv", PREREQUISITES), ("related.csv", RELATED)):
        (directory / name).write_text(text, encoding="utf-8")
    standards_import(directory=directory, framework=framework)
    return {target.code: target for target in LearningTarget.objects.filter(framework__slug=framework.slug)}


@pytest.fixture
def ratios(db, tmp_path) -> dict[str, LearningTarget]:
    return import_ratios(tmp_path / "ratios")


def edges() -> list[tuple[str, str, str]]:
    rows = Prerequisite.objects.values_list("prerequisite__framework__slug", "prerequisite__code", "target__code")
    return sorted(rows)


def test_an_edge_that_closes_no_cycle_is_added(ratios, django_assert_max_num_queries):
    # given the ratio standards and their chain
    # when 6.RP.A.1 becomes a prerequisite of 7.RP.A.1 (a shortcut along the chain)
    with django_assert_max_num_queries(6):
        edge = prerequisite_add(prerequisite=ratios["6.RP.A.1"], target=ratios["7.RP.A.1"])

    # then the edge is written
    assert (edge.prerequisite.code, edge.target.code) == ("6.RP.A.1", "7.RP.A.1")
    assert edges() == [
        ("ccss-math", "6.RP.A.1", "6.RP.A.2"),
        ("ccss-math", "6.RP.A.1", "7.RP.A.1"),
        ("ccss-math", "6.RP.A.2", "7.RP.A.1"),
        ("ccss-math", "6.RP.A.2", "7.RP.A.2"),
        ("ccss-math", "7.RP.A.1", "7.RP.A.2"),
    ]


def test_adding_an_existing_edge_returns_it(ratios):
    # given the edge 6.RP.A.1 -> 6.RP.A.2
    existing = Prerequisite.objects.get(prerequisite=ratios["6.RP.A.1"], target=ratios["6.RP.A.2"])

    # when it is added again
    edge = prerequisite_add(prerequisite=ratios["6.RP.A.1"], target=ratios["6.RP.A.2"])

    # then the existing edge comes back and nothing else is written
    assert edge.pk == existing.pk
    assert Prerequisite.objects.count() == 4


def test_an_edge_back_to_a_prerequisite_is_refused_naming_the_cycle(ratios):
    # given 6.RP.A.1 -> 6.RP.A.2
    before = edges()

    # when 6.RP.A.2 -> 6.RP.A.1 is added
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(prerequisite=ratios["6.RP.A.2"], target=ratios["6.RP.A.1"])

    # then it is refused naming the edge and the cycle, and nothing is written
    assert refused.value.messages == [
        "Prerequisite 6.RP.A.2 -> 6.RP.A.1 refused: it would close the cycle 6.RP.A.1 -> 6.RP.A.2 -> 6.RP.A.1."
    ]
    assert refused.value.code == "cycle"
    assert edges() == before


def test_a_long_cycle_is_named_by_its_shortest_way_round(ratios):
    # given two paths from 6.RP.A.1 to 7.RP.A.2 (through 7.RP.A.1, and the shortcut)
    before = edges()

    # when 7.RP.A.2 -> 6.RP.A.1 is added
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(prerequisite=ratios["7.RP.A.2"], target=ratios["6.RP.A.1"])

    # then the shortcut names the cycle and nothing is written
    assert refused.value.messages == [
        "Prerequisite 7.RP.A.2 -> 6.RP.A.1 refused: it would close the cycle "
        "6.RP.A.1 -> 6.RP.A.2 -> 7.RP.A.2 -> 6.RP.A.1."
    ]
    assert edges() == before


def test_a_self_edge_is_refused(ratios):
    # given the ratio standards
    before = edges()

    # when 6.RP.A.1 is made its own prerequisite
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(prerequisite=ratios["6.RP.A.1"], target=ratios["6.RP.A.1"])

    # then it is refused and nothing is written
    assert refused.value.messages == [
        "Prerequisite 6.RP.A.1 -> 6.RP.A.1 refused: a target cannot be its own prerequisite."
    ]
    assert edges() == before


def test_an_edge_between_two_frameworks_is_refused(ratios, tmp_path):
    # given the same standards imported into a second framework
    draft = import_ratios(tmp_path / "draft", framework=DRAFT)
    before = edges()

    # when a Common Core target is made a prerequisite of a draft target
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(prerequisite=ratios["6.RP.A.1"], target=draft["7.RP.A.1"])

    # then it is refused naming both frameworks, and nothing is written
    assert refused.value.messages == [
        "Prerequisite 6.RP.A.1 -> 7.RP.A.1 refused: the targets are in different frameworks "
        "(ccss-math, ccss-math-draft)."
    ]
    assert refused.value.code == "cross_framework"
    assert edges() == before
    assert len(before) == 8


def test_a_cycle_through_the_common_core_graph_is_refused(db):
    # given the committed copy of the Common Core standards, where 6.RP.A.1 leads to 7.RP.A.2 through 6.RP.A.2
    standards_import(directory=Path(settings.BASE_DIR) / "data" / "ccss-math")
    targets = {target.code: target for target in LearningTarget.objects.filter(code__in=["6.RP.A.1", "7.RP.A.2"])}

    # when 7.RP.A.2 is made a prerequisite of 6.RP.A.1
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(prerequisite=targets["7.RP.A.2"], target=targets["6.RP.A.1"])

    # then it is refused naming the shortest cycle, and the graph keeps its 757 edges
    assert refused.value.messages == [
        "Prerequisite 7.RP.A.2 -> 6.RP.A.1 refused: it would close the cycle "
        "6.RP.A.1 -> 6.RP.A.2 -> 7.RP.A.2 -> 6.RP.A.1."
    ]
    assert Prerequisite.objects.count() == 757
