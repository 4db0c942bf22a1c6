"""The demo catalog generator: several activities a target, in several modalities, written from the target.

Pure: the targets come from the committed standards file through the importer's CSV reader, not a database.
"""
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from assessments.models import Difficulty
from assessments.standards_csv import read_standards_directory
from demo import catalog
from demo.catalog import TargetSpec, activities_for, catalog_for
from learners.models import Modality
from playlists.models import Activity

PERCENT = TargetSpec(
    code="6.RP.A.3c",
    text=(
        "Find a percent of a quantity as a rate per 100 (e.g., 30% of a quantity means 30/100 times the quantity); "
        "solve problems involving finding the whole, given a part and the percent."
    ),
    grade="6",
    domain_code="RP",
    domain_name="Ratios And Proportional Relationships",
    cluster_name="Understand Ratio Concepts And Use Ratio Reasoning To Solve Problems.",
    weight_class="major",
    parent_text="Use ratio and rate reasoning to solve real-world and mathematical problems.",
)


@pytest.fixture(scope="module")
def grade_6_to_8() -> list[TargetSpec]:
    """The 126 grade 6-8 standards and sub-standards of data/ccss-math, as the seed hands them over."""
    standards = read_standards_directory(Path(settings.BASE_DIR) / "data" / "ccss-math").standards
    text_of = {standard.code: standard.text for standard in standards}
    return [
        TargetSpec(
            code=standard.code,
            text=standard.text,
            grade=standard.grade,
            domain_code=standard.domain_code,
            domain_name=standard.domain_name,
            cluster_name=standard.cluster_name,
            weight_class=standard.weight_class,
            parent_text=text_of[standard.parent_code] if standard.parent_code else "",
        )
        for standard in standards
        if standard.grade in ("6", "7", "8")
    ]


@pytest.fixture(scope="module")
def grade_6_to_8_catalog(grade_6_to_8) -> list[catalog.ActivitySpec]:
    return catalog_for(grade_6_to_8)


def test_every_grade_6_to_8_standard_gets_activities_in_at_least_three_modalities(grade_6_to_8, grade_6_to_8_catalog):
    # given the 126 grade 6-8 targets, 84 of them in major clusters
    assert len(grade_6_to_8) == 126
    assert sum(target.weight_class == "major" for target in grade_6_to_8) == 84
    # when the catalog is written
    modalities_of: dict[str, set[str]] = {}
    for activity in grade_6_to_8_catalog:
        modalities_of.setdefault(activity.target_code, set()).add(activity.modality)
    # then every target has 4 activities in 4 modalities, and major ones a fifth (a small group)
    assert len(grade_6_to_8_catalog) == 126 * 4 + 84
    assert {target.code for target in grade_6_to_8} == set(modalities_of)
    assert Counter(len(modalities) for modalities in modalities_of.values()) == Counter({4: 42, 5: 84})
    assert Counter(activity.modality for activity in grade_6_to_8_catalog) == Counter(
        {
            "worked_examples": 126,
            "practice": 126,
            "small_group": 84,
            "hands_on": 75,
            "reading": 73,
            "video": 53,
            "peer_work": 51,
        }
    )


def test_the_catalog_speaks_the_models_vocabulary(grade_6_to_8_catalog):
    # given the catalog's own copies of the models' choices
    assert [catalog.VIDEO, catalog.READING, catalog.WORKED_EXAMPLES, catalog.PRACTICE] == [
        Modality.VIDEO, Modality.READING, Modality.WORKED_EXAMPLES, Modality.PRACTICE
    ]  # fmt: skip
    assert [catalog.HANDS_ON, catalog.SMALL_GROUP, catalog.PEER_WORK] == [
        Modality.HANDS_ON, Modality.SMALL_GROUP, Modality.PEER_WORK
    ]  # fmt: skip
    assert [catalog.INTRODUCTORY, catalog.CORE, catalog.STRETCH] == Difficulty.values
    assert catalog.TITLE_MAX_LENGTH == Activity._meta.get_field("title").max_length
    # then every activity fits the fields, and its minutes fit its modality
    for activity in grade_6_to_8_catalog:
        shortest, longest = catalog.MINUTES[activity.modality]
        assert shortest <= activity.expected_minutes <= longest
        assert activity.difficulty in Difficulty.values
        assert len(activity.title) <= catalog.TITLE_MAX_LENGTH
        assert len(activity.slug) <= Activity._meta.get_field("slug").max_length
        assert 1 <= len(activity.interest_tags) <= 2
        assert set(activity.interest_tags) <= set(catalog.INTEREST_TAGS)
    assert Counter(activity.difficulty for activity in grade_6_to_8_catalog) == Counter({1: 242, 2: 293, 3: 53})


def test_the_same_targets_always_give_the_same_catalog_with_unique_slugs(grade_6_to_8, grade_6_to_8_catalog):
    # when the catalog is written again
    again = catalog_for(grade_6_to_8)
    # then it is identical, and no two activities share a slug
    assert again == grade_6_to_8_catalog
    assert len({activity.slug for activity in again}) == len(again) == 588


def test_activities_live_in_waypoint_and_name_no_outside_address(grade_6_to_8_catalog):
    for activity in grade_6_to_8_catalog:
        assert activity.body.startswith("## ")
        assert "http" not in activity.body + activity.description


def test_a_worked_example_states_the_standard_walks_through_an_approach_and_ends_with_a_check():
    # given the percent standard
    # when its worked example is written
    worked = next(activity for activity in activities_for(PERCENT) if activity.modality == "worked_examples")
    # then it names the standard, states it, walks through four steps and ends with a check-yourself frame
    assert worked.slug == "6-rp-a-3c-worked-examples"
    assert worked.title == "Worked examples (6.RP.A.3c): Find a percent of a quantity as a rate per 100"
    assert worked.body.startswith(
        "## Worked examples: Find a percent of a quantity as a rate per 100\n\n"
        "**6.RP.A.3c** · Grade 6 · Ratios and Proportional Relationships  \n"
        "*Understand ratio concepts and use ratio reasoning to solve problems*\n\n"
        "> Find a percent of a quantity as a rate per 100 (e.g., 30% of a quantity means 30/100 times the "
        "quantity); solve problems involving finding the whole, given a part and the percent.\n"
    )
    assert (
        "- **Step 1.** Name the two quantities and their units, in the order the question uses them.\n"
        "- **Step 2.** Write one pair you know and organize it in a ratio table, a tape diagram or a double "
        "number line.\n"
        "- **Step 3.** Scale both quantities by the same factor, or divide to find the unit rate (the amount for "
        "1).\n"
        "- **Step 4.** Answer with units, then check that both quantities grew or shrank together by the same "
        "factor.\n"
    ) in worked.body
    assert worked.body.endswith(
        "### Check yourself\n"
        "Finish each sentence about your own work before you move on:\n"
        '- "The question asks me to ___."\n'
        '- "First I ___, because ___."\n'
        '- "My answer makes sense because ___."\n'
        '- "The mistake I avoided was ___."\n'
    )


def test_situations_and_interest_tags_come_from_the_topic_the_standard_names():
    # given the percent standard, whose topic offers money, cooking and sports situations
    # when its activities are written
    activities = activities_for(PERCENT)
    # then they are set in those situations and tagged with those interests
    assert [(activity.modality, activity.interest_tags) for activity in activities] == [
        ("worked_examples", ("cooking", "sports")),
        ("practice", ("sports",)),
        ("video", ("money",)),
        ("hands_on", ("cooking",)),
        ("small_group", ("sports",)),
    ]
    video = activities[2]
    assert "The narrator sets up the sale price of a $48 hoodie marked 25% off" in video.body


def test_a_hands_on_activity_describes_a_concrete_task_with_its_materials(grade_6_to_8_catalog):
    # given the catalog entry for applying the Pythagorean theorem
    hands_on = next(activity for activity in grade_6_to_8_catalog if activity.slug == "8-g-b-7-hands-on")
    # then it is the string-and-tape task, with its materials and steps
    assert hands_on.title == "Hands-on (8.G.B.7): String-and-tape right triangles"
    assert hands_on.expected_minutes == 20
    assert (
        "### Materials\n- string\n- masking tape\n- meter sticks\n- an index card to check right angles\n"
        "- calculators\n\n### What to do\n1. Tape a right angle on the floor with legs of 3 feet and 4 feet"
    ) in hands_on.body


def test_a_part_of_a_standard_reads_on_from_its_parent(grade_6_to_8_catalog):
    # given 6.SP.B.5a, "Reporting the number of observations", a part of "Summarize ... such as by:"
    worked = next(activity for activity in grade_6_to_8_catalog if activity.slug == "6-sp-b-5a-worked-examples")
    # then its title names the part, and the standard is stated as one sentence with its parent
    assert worked.title == "Worked examples (6.SP.B.5a): Reporting the number of observations"
    assert "\n> Summarize numerical data sets in relation to their context, such as by reporting the number of " \
        "observations.\n" in worked.body  # fmt: skip


def test_long_standards_are_named_by_their_first_clause_cut_at_a_word(grade_6_to_8_catalog):
    titles = {activity.slug: activity.title for activity in grade_6_to_8_catalog}
    assert titles["6-g-a-1-practice"] == (
        "Practice set (6.G.A.1): Find the area of right triangles, other triangles, special quadrilaterals…"
    )
    assert titles["7-g-a-2-worked-examples"] == "Worked examples (7.G.A.2): Draw geometric shapes with given conditions"
    assert titles["7-ns-a-1c-worked-examples"] == (
        "Worked examples (7.NS.A.1c): Understand subtraction of rational numbers as adding the additive inverse"
    )


def test_footnote_asterisks_stay_asterisks_in_markdown(grade_6_to_8_catalog):
    worked = next(activity for activity in grade_6_to_8_catalog if activity.slug == "7-ns-a-3-worked-examples")
    assert r"with rational numbers.\* \*Computations with rational numbers" in worked.body


def test_a_target_of_an_unknown_domain_still_gets_a_catalog():
    # given a high-school target, in a domain the catalog has no content of its own for
    target = TargetSpec(
        code="A-SSE.A.1",
        text="Interpret expressions that represent a quantity in terms of its context.",
        grade="HS",
        domain_code="SSE",
        domain_name="Seeing Structure In Expressions",
        weight_class="supporting",
    )
    # when its activities are written
    activities = activities_for(target)
    # then it gets four, from the general approach, without a grade in the header
    assert [activity.slug for activity in activities] == [
        "a-sse-a-1-worked-examples", "a-sse-a-1-practice", "a-sse-a-1-video", "a-sse-a-1-peer-work"
    ]  # fmt: skip
    assert activities[0].body.startswith(
        "## Worked examples: Interpret expressions that represent a quantity in terms of its context\n\n"
        "**A-SSE.A.1** · Seeing Structure in Expressions\n\n"
    )
