"""The demo catalog generator: several activities a target, in several modalities, written from the target.

Pure: the targets come from the committed standards file through the importer's CSV reader, not a database.
"""

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from markdown_it import MarkdownIt

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
K_TO_8 = ("K", "1", "2", "3", "4", "5", "6", "7", "8")
GRADES_6_TO_8 = ("6", "7", "8")


@pytest.fixture(scope="module")
def k_to_8() -> list[TargetSpec]:
    """The 317 kindergarten to grade 8 standards and sub-standards of data/ccss-math, as the seed hands them over."""
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
        if standard.grade in K_TO_8
    ]


@pytest.fixture(scope="module")
def k_to_8_catalog(k_to_8) -> list[catalog.ActivitySpec]:
    return catalog_for(k_to_8)


@pytest.fixture(scope="module")
def grade_6_to_8(k_to_8) -> list[TargetSpec]:
    """The 126 grade 6-8 targets."""
    return [target for target in k_to_8 if target.grade in GRADES_6_TO_8]


@pytest.fixture(scope="module")
def grade_6_to_8_catalog(k_to_8_catalog, grade_6_to_8) -> list[catalog.ActivitySpec]:
    # Each target's activities depend on that target alone, so its part of the K-8 catalog is its catalog.
    codes = {target.code for target in grade_6_to_8}
    return [activity for activity in k_to_8_catalog if activity.target_code in codes]


@pytest.fixture(scope="module")
def by_slug(k_to_8_catalog) -> dict[str, catalog.ActivitySpec]:
    return {activity.slug: activity for activity in k_to_8_catalog}


# What "an activity is about its target" means. An activity's own words are its body without the lines that
# restate the target (the title, the header with the code, the cluster and the quoted standard), without
# section headings and the time and group line, and without any run of four or more words copied from the
# target's text (as the lead of the standard is, in "In 6.RP.A.3c you learn to find a percent of..."): what is
# left is what the catalog wrote itself, the big idea, the approach, the worked example, the mistakes, the
# situations, the key words and the task. A word's content is its lowercase form without function words and
# without the words every activity of a kind uses whatever its target (the vocabulary of the templates:
# "answer", "hint", "partner"...), cut to a crude stem ("counting", "counted" -> "count"; "equations" ->
# "equat", "equal" stays "equal") of at most six letters. An activity is about a target when its own words name
# the target's code and share at least two content words with the target's text (and, for a part of a
# standard, its parent's).
_FUNCTION_WORDS = set(
    """
    a about above after again all also an and any are as at away be because been before being below between both
    but by can could did do does doing each either else every few for from had has have having how if in into is
    it its itself just may might more most much must no nor not now of off on once one only or other our out
    over own same should so some such than that the their them then there these they this those through to too
    two three four five six seven eight nine under until up upon use used uses using very was way we were what
    when where whether which while who whom why will with within without would you your involve involving
    """.split()
)
_TEMPLATE_WORDS = set(
    """
    answer problem question step example standard lesson number solve find understand explain write show work
    real world mathematical model draw drawing object finger story make given know say tell help need many order
    right together take put estimate group pair picture table record sketch word mean different first next last
    call agree alone approach ask avoid back big bring catch change check cluster common correct cover decide
    disagree doer down finish friend give grown hard hardest hint idea keep learn least like look loud material
    mind miss mistake move notice open paper partner photo pose practice rather read ready recap role second
    sense sentence session slip small solution start state student swap talk teacher think time trade try
    uncover unsure watch whiteboard yourself connect another discussion new
    """.split()
)
_STOP_WORDS = _FUNCTION_WORDS | {
    form for word in _TEMPLATE_WORDS for form in (word, f"{word}s", f"{word}es", f"{word}d", f"{word}ed", f"{word}ing")
}
_WORD = re.compile(r"[a-z0-9]+")
# Inflections leave a stem of three letters or more, derivations one of four or more.
_INFLECTIONS = ("ing", "ed")
_DERIVATIONS = (
    "ations",
    "ation",
    "ating",
    "ated",
    "ate",
    "ions",
    "ion",
    "ments",
    "ment",
    "ities",
    "ity",
    "ically",
    "ical",
    "ally",
    "ive",
    "ly",
    "er",
    "al",
)
_COPIED_RUN = 4


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in _INFLECTIONS + _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix in _INFLECTIONS else 4):
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word[:6]


def _content_words(words: list[str]) -> set[str]:
    stems = (_stem(word) for word in words if word.isalpha() and len(word) >= 3 and word not in _STOP_WORDS)
    return {stem for stem in stems if len(stem) >= 3}


def _own_text(body: str, code: str) -> str:
    """The body without its title, header, quoted standard, section headings and time line."""
    return "\n".join(
        line
        for line in body.splitlines()
        if not line.startswith(("#", ">", f"**{code}**", "**Time:**", "**For:**"))
        and not re.fullmatch(r"\*[^*].*\*", line)  # the cluster's name, in italics
    )


def _source(target: TargetSpec) -> str:
    return f"{target.text} {target.parent_text}"


def _own_words(body: str, target: TargetSpec) -> set[str]:
    """The content words of the body's own text, leaving out every run of words copied from the target's text."""
    words = _WORD.findall(_own_text(body, target.code).lower())
    source = _WORD.findall(_source(target).lower())
    runs = {tuple(source[i : i + _COPIED_RUN]) for i in range(len(source) - _COPIED_RUN + 1)}
    copied = {
        index
        for start in range(len(words) - _COPIED_RUN + 1)
        if tuple(words[start : start + _COPIED_RUN]) in runs
        for index in range(start, start + _COPIED_RUN)
    }
    return _content_words([word for index, word in enumerate(words) if index not in copied])


def _target_words(target: TargetSpec) -> set[str]:
    return _content_words(_WORD.findall(_source(target).lower()))


def _shared_words(body: str, target: TargetSpec) -> set[str]:
    return _own_words(body, target) & _target_words(target)


def _is_about(body: str, target: TargetSpec) -> bool:
    return target.code in _own_text(body, target.code) and len(_shared_words(body, target)) >= 2


def _unrelated(target: TargetSpec, targets: list[TargetSpec]) -> TargetSpec:
    """The next target after `target`, in catalog order, that shares nothing with it: another grade band and
    another domain, and a text without a content word in common."""
    band = {grade: index // 3 for index, grade in enumerate(K_TO_8)}
    start = targets.index(target)
    return next(
        other
        for other in targets[start + 1 :] + targets[:start]
        if band[other.grade] != band[target.grade]
        and other.domain_code != target.domain_code
        and not _target_words(other) & _target_words(target)
    )


def test_every_k_to_8_standard_gets_activities_in_at_least_four_modalities(k_to_8, k_to_8_catalog):
    # given the 317 K-8 targets, 221 of them in major clusters
    assert len(k_to_8) == 317
    assert sum(target.weight_class == "major" for target in k_to_8) == 221
    # when the catalog is written
    modalities_of: dict[str, list[str]] = defaultdict(list)
    for activity in k_to_8_catalog:
        modalities_of[activity.target_code].append(activity.modality)
    # then every target has worked examples, practice, a way in (a step-by-step lesson or a reading) and a way
    # to work with materials or others (hands-on or a partner task), in four modalities, and each target of a
    # major cluster a small group with the teacher as well
    assert set(modalities_of) == {target.code for target in k_to_8}
    for target in k_to_8:
        modalities = modalities_of[target.code]
        assert len(set(modalities)) == len(modalities) >= 4
        assert modalities[:2] == ["worked_examples", "practice"]
        assert modalities[2] in {"video", "reading"}
        assert modalities[3] in {"hands_on", "peer_work"}
        assert ("small_group" in modalities) == (target.weight_class == "major")
    assert Counter(activity.modality for activity in k_to_8_catalog) == Counter(
        {
            "worked_examples": 317,
            "practice": 317,
            "small_group": 221,
            "hands_on": 186,
            "reading": 163,
            "video": 154,
            "peer_work": 131,
        }
    )


def test_every_grade_6_to_8_standard_gets_activities_in_at_least_three_modalities(grade_6_to_8, grade_6_to_8_catalog):
    # given the 126 grade 6-8 targets, 84 of them in major clusters
    assert len(grade_6_to_8) == 126
    assert sum(target.weight_class == "major" for target in grade_6_to_8) == 84
    # when the catalog is written
    modalities_of: dict[str, set[str]] = {}
    for activity in grade_6_to_8_catalog:
        modalities_of.setdefault(activity.target_code, set()).add(activity.modality)
    # then every target has 4 activities in 4 modalities, and major ones a fifth (a small group); 7.NS.A.3 is
    # about operations with rational numbers now that its name stops before its footnote on complex fractions,
    # so it takes that topic (and a partner task) instead of fraction division
    assert len(grade_6_to_8_catalog) == 126 * 4 + 84
    assert {target.code for target in grade_6_to_8} == set(modalities_of)
    assert Counter(len(modalities) for modalities in modalities_of.values()) == Counter({4: 42, 5: 84})
    assert Counter(activity.modality for activity in grade_6_to_8_catalog) == Counter(
        {
            "worked_examples": 126,
            "practice": 126,
            "small_group": 84,
            "hands_on": 74,
            "reading": 73,
            "video": 53,
            "peer_work": 52,
        }
    )


def test_the_catalog_speaks_the_models_vocabulary(k_to_8_catalog, grade_6_to_8_catalog):
    # given the catalog's own copies of the models' choices
    assert [catalog.VIDEO, catalog.READING, catalog.WORKED_EXAMPLES, catalog.PRACTICE] == [
        Modality.VIDEO,
        Modality.READING,
        Modality.WORKED_EXAMPLES,
        Modality.PRACTICE,
    ]
    assert [catalog.HANDS_ON, catalog.SMALL_GROUP, catalog.PEER_WORK] == [
        Modality.HANDS_ON,
        Modality.SMALL_GROUP,
        Modality.PEER_WORK,
    ]
    assert [catalog.INTRODUCTORY, catalog.CORE, catalog.STRETCH] == Difficulty.values
    assert catalog.TITLE_MAX_LENGTH == Activity._meta.get_field("title").max_length
    # then every activity fits the fields, and its minutes fit its modality
    for activity in k_to_8_catalog:
        shortest, longest = catalog.MINUTES[activity.modality]
        assert shortest <= activity.expected_minutes <= longest
        assert activity.difficulty in Difficulty.values
        assert len(activity.title) <= catalog.TITLE_MAX_LENGTH
        assert len(activity.slug) <= Activity._meta.get_field("slug").max_length
        assert 1 <= len(activity.interest_tags) <= 2
        assert set(activity.interest_tags) <= set(catalog.INTEREST_TAGS)
    assert Counter(activity.difficulty for activity in grade_6_to_8_catalog) == Counter({1: 242, 2: 292, 3: 54})
    assert Counter(activity.difficulty for activity in k_to_8_catalog) == Counter({1: 625, 2: 734, 3: 130})


def test_the_same_targets_always_give_the_same_catalog_with_unique_slugs(k_to_8, k_to_8_catalog):
    # when the catalog is written again
    again = catalog_for(k_to_8)
    # then it is identical, no two activities share a slug, and each slug is the code and the modality
    assert again == k_to_8_catalog
    assert len({activity.slug for activity in again}) == len(again) == 1489
    for activity in again:
        code = re.sub(r"[^a-z0-9]+", "-", activity.target_code.lower())
        assert activity.slug == f"{code}-{activity.modality.replace('_', '-')}"


def test_activities_live_in_waypoint_and_name_no_outside_address(k_to_8_catalog):
    for activity in k_to_8_catalog:
        assert activity.body.startswith("## ")
        assert "http" not in activity.body + activity.description


def test_bodies_are_markdown_without_raw_html(k_to_8_catalog):
    # given the parser the pages render with, raw HTML allowed so that any would show up as a token
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")

    def tokens(items):
        for token in items:
            yield token
            yield from tokens(token.children or ())

    # then no body holds raw HTML
    for activity in k_to_8_catalog:
        assert not [token for token in tokens(parser.parse(activity.body)) if token.type.startswith("html")]


def test_every_activity_is_about_its_target(k_to_8, k_to_8_catalog):
    # given every K-8 target and its activities
    target_of = {target.code: target for target in k_to_8}
    # then each activity's own words, the header and the quoted standard left out, name the target's code and
    # share at least two content words with the target's text
    not_about = [
        (activity.slug, sorted(_shared_words(activity.body, target_of[activity.target_code])))
        for activity in k_to_8_catalog
        if not _is_about(activity.body, target_of[activity.target_code])
    ]
    assert not_about == []


def test_an_activity_written_for_another_target_is_not_about_this_one(k_to_8, by_slug):
    target_of = {target.code: target for target in k_to_8}
    counting, pythagoras = target_of["K.CC.B.5"], target_of["8.G.B.7"]
    coins, percent = target_of["2.MD.C.8"], target_of["6.RP.A.3c"]
    for target, other in ((counting, pythagoras), (pythagoras, counting), (coins, percent), (percent, coins)):
        for activity in activities_for(other):
            # an activity written for another target names that target, not this one
            assert not _is_about(activity.body, target)
            # and even with this target's code put in, its words are not about this target
            retargeted = activity.body.replace(other.code, target.code)
            assert target.code in _own_text(retargeted, target.code)
            assert len(_shared_words(retargeted, target)) < 2, (activity.slug, target.code)
    # the words tell the two apart: the Pythagorean worked examples share the theorem's words with 8.G.B.7, and
    # with K.CC.B.5 at most a "line"
    worked = by_slug["8-g-b-7-worked-examples"].body
    assert _shared_words(worked, pythagoras) >= {"pythag", "theore", "triang", "length"}
    assert _shared_words(worked.replace("8.G.B.7", "K.CC.B.5"), counting) <= {"lin"}


def test_an_activity_covers_more_of_its_own_target_than_of_an_unrelated_one(k_to_8, k_to_8_catalog):
    # given, for each target, the next target in catalog order that shares nothing with it (another grade band,
    # another domain, no content word in common)
    activities_of = defaultdict(list)
    for activity in k_to_8_catalog:
        activities_of[activity.target_code].append(activity)
    # then every activity written for that other target covers a larger part of the other target's content
    # words than of this target's, even with this target's code put in: the check is about the words, not chance
    closer_to_this_one = []
    for target in k_to_8:
        other = _unrelated(target, k_to_8)
        for activity in activities_of[other.code]:
            own = len(_shared_words(activity.body, other)) / len(_target_words(other))
            retargeted = activity.body.replace(other.code, target.code)
            this = len(_shared_words(retargeted, target)) / len(_target_words(target))
            if this >= own:
                closer_to_this_one.append((activity.slug, target.code))
    assert closer_to_this_one == []


def test_no_body_promises_what_is_not_there(k_to_8_catalog):
    # no placeholder rounds of problems that are not written, no video, no narrator, no play button
    promises = re.compile(
        r"\bround \d+:|\(\d+ problems?\)|narrat|\bvideos?\b|press play|on screen|pause the", re.IGNORECASE
    )
    for activity in k_to_8_catalog:
        assert not promises.search(f"{activity.title}\n{activity.description}\n{activity.body}"), activity.slug


def test_the_video_modality_is_a_step_by_step_lesson_to_look_at_and_draw(by_slug):
    # given the lesson for the percent standard, which a learner who prefers to watch gets
    lesson = by_slug["6-rp-a-3c-video"]
    # then it is an honest lesson in steps: a question to start from, the big idea, a worked example to draw
    # along with, a question to try before the answer, and a recap with the answer
    assert lesson.modality == "video"
    assert lesson.title == "Step-by-step lesson (6.RP.A.3c): Find a percent of a quantity as a rate per 100"
    headings = re.findall(r"^### (.+)$", lesson.body, re.MULTILINE)
    assert headings == [
        "Step 1: Start with a question",
        "Step 2: The big idea",
        "Step 3: Watch it worked out",
        "Step 4: Try it",
        "Step 5: Recap",
    ]
    assert "Think about the sale price of a $48 hoodie marked 25% off." in lesson.body
    assert "**Question.** A $48 hoodie is marked 25% off. What is the sale price?" in lesson.body
    assert "Draw a tape diagram of $48 cut into 4 equal parts." in lesson.body
    assert "12 is 30% of what number?\n\nTry it before you look at the recap." in lesson.body
    assert lesson.body.index("Try it before you look") < lesson.body.index(
        "- The answer to *Try it*: 40: if 30% is 12, then 10% is 4, and 100% is 40."
    )


def test_practice_introduces_the_questions_that_follow_it(by_slug):
    # given the practice set for making ten (grade 1) and for the Pythagorean theorem (grade 8)
    for slug, code in (("1-oa-c-6-practice", "1.OA.C.6"), ("8-g-b-7-practice", "8.G.B.7")):
        body = by_slug[slug].body
        # then it says what follows it on the page, how to approach each question, what to do when stuck and
        # how to check oneself, and lists no problems of its own
        assert f"The practice questions below this lesson are real {code} questions." in body
        assert "one at a time" in body and "right away" in body
        assert "Open a hint." in body and "worked solution" in body
        assert re.search(r"^1\. .+\n2\. .+\n3\. .+\n4\. .+$", body, re.MULTILINE)
        assert "Round" not in body
    assert "Tell your grown-up which one was hardest." in by_slug["1-oa-c-6-practice"].body
    assert "- Which question was hardest, and what made it hard?" in by_slug["8-g-b-7-practice"].body


def test_worked_examples_teach_on_a_real_worked_example_or_say_where_the_examples_are(by_slug):
    # given a standard whose topic has an example worked in full (making ten), one whose text gives its own
    # example, and one whose topic has none (a statistical question)
    making_ten = by_slug["1-oa-c-6-worked-examples"].body
    scaling_beef = by_slug["4-nf-b-4c-worked-examples"].body
    statistical = by_slug["6-sp-a-1-worked-examples"].body
    # then the example is worked step by step to its answer
    assert (
        "**Question.** Find 8 + 6 by making a ten.\n\n1. 8 needs 2 more to make 10.\n2. Split 6 into 2 and 4.\n"
        "3. 8 + 2 = 10.\n4. 10 + 4 = 14.\n\n**Answer.** 8 + 6 = 14.\n"
    ) in making_ten
    # the standard's own example is the one worked, not repeated beside it
    assert "15/8 = 8/8 + 7/8 = 1 7/8." in scaling_beef
    assert "### The standard's own example" not in scaling_beef
    # and without an example of its own, the body teaches the approach and says the worked examples follow it
    assert "### An example, worked step by step" not in statistical
    assert "1. Start from the question: what are you trying to find out" in statistical
    assert "The worked examples below this lesson are real 6.SP.A.1 questions" in statistical
    for body in (making_ten, scaling_beef, statistical):
        assert "Now try a problem" not in body


def test_a_worked_example_states_the_standard_walks_through_an_approach_and_ends_with_a_check():
    # given the percent standard
    # when its worked example is written
    worked = next(activity for activity in activities_for(PERCENT) if activity.modality == "worked_examples")
    # then it names the standard, states it, gives the big idea and four approach steps, works an example and
    # ends with a check-yourself frame
    assert worked.slug == "6-rp-a-3c-worked-examples"
    assert worked.title == "Worked examples (6.RP.A.3c): Find a percent of a quantity as a rate per 100"
    assert worked.body.startswith(
        "## Worked examples: Find a percent of a quantity as a rate per 100\n\n"
        "**6.RP.A.3c** · Grade 6 · Ratios and Proportional Relationships  \n"
        "*Understand ratio concepts and use ratio reasoning to solve problems*\n\n"
        "> Find a percent of a quantity as a rate per 100 (e.g., 30% of a quantity means 30/100 times the "
        "quantity); solve problems involving finding the whole, given a part and the percent.\n"
    )
    assert "### The big idea\nA percent is a rate out of 100, so 30% of an amount is 30/100 of it" in worked.body
    assert (
        "### The approach\n"
        "1. Write the percent as a rate per 100, a fraction or a decimal: 25% = 25/100 = 0.25.\n"
        "2. Draw a tape diagram or a double number line from 0% to 100%, with the whole at 100%.\n"
    ) in worked.body
    assert "### An example, worked step by step\n**Question.** A $48 hoodie is marked 25% off." in worked.body
    assert "**Answer.** The sale price is $36.\n" in worked.body
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
    assert "Think about the sale price of a $48 hoodie marked 25% off." in video.body


def test_kindergarten_to_grade_2_bodies_are_read_with_an_adult_in_short_sentences(k_to_8, k_to_8_catalog):
    # given the activities K-2 learners read (a small group is the teacher's plan)
    early = {target.code for target in k_to_8 if target.grade in ("K", "1", "2")}
    read_by_learners = [
        activity for activity in k_to_8_catalog if activity.target_code in early and activity.modality != "small_group"
    ]
    assert len(read_by_learners) == 308
    for activity in read_by_learners:
        # then each says to work with a grown-up, and what the learner reads comes in short sentences (the
        # standard's own wording is kept for the grown-up)
        assert "grown-up" in activity.body
        text = "\n".join(
            line
            for line in _own_text(activity.body, activity.target_code).splitlines()
            if not line.startswith("**For the grown-up:**")
        )
        sentences = [len(_WORD.findall(part.lower())) for part in re.split(r"(?<=[.!?])\s+|\n+", text)]
        sentences = [length for length in sentences if length]
        assert sum(sentences) / len(sentences) <= 11, activity.slug


def test_the_same_domain_means_different_work_at_different_grades(by_slug):
    # measurement and data: a kindergartner sorts real objects, a grade 5 student packs boxes with unit cubes
    sorting = by_slug["k-md-b-3-hands-on"]
    assert sorting.title == "Hands-on (K.MD.B.3): Sort it out"
    assert "- a tub of buttons or blocks in different colors and sizes" in sorting.body
    assert "**K.MD.B.3** · Kindergarten · Measurement and Data" in sorting.body
    packing = by_slug["5-md-c-5a-hands-on"]
    assert packing.title == "Hands-on (5.MD.C.5a): Layer by layer"
    assert "- centimeter cubes" in packing.body
    # geometry: shares of a shape in grade 1, transformations in grade 8
    assert by_slug["1-g-a-3-hands-on"].title == "Hands-on (1.G.A.3): Fold and share"
    assert "Two equal shares are halves." in by_slug["1-g-a-3-worked-examples"].body
    assert by_slug["8-g-a-1-hands-on"].title == "Hands-on (8.G.A.1): Tracing-paper transformations"
    # and the same word has the meaning of the grade: an equation in grade 1, and in grade 8
    assert "- **equation**: a number sentence with an equal sign" in by_slug["1-oa-d-7-reading"].body


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
    assert (
        "\n> Summarize numerical data sets in relation to their context, such as by reporting the number of "
        "observations.\n" in worked.body
    )


def test_long_standards_are_named_by_their_first_clause_cut_at_a_word(by_slug):
    titles = {slug: activity.title for slug, activity in by_slug.items()}
    assert titles["6-g-a-1-practice"] == (
        "Practice set (6.G.A.1): Find the area of right triangles, other triangles, special quadrilaterals…"
    )
    assert titles["7-g-a-2-worked-examples"] == "Worked examples (7.G.A.2): Draw geometric shapes with given conditions"
    assert titles["7-ns-a-1c-worked-examples"] == (
        "Worked examples (7.NS.A.1c): Understand subtraction of rational numbers as adding the additive inverse"
    )
    # a footnote, a formula in parentheses and a typo of the source are no part of a name
    assert titles["1-oa-b-3-worked-examples"] == (
        "Worked examples (1.OA.B.3): Apply properties of operations as strategies to add and subtract"
    )
    assert titles["4-nf-a-1-worked-examples"].startswith(
        "Worked examples (4.NF.A.1): Explain why a fraction a/b is equivalent to a fraction (n × a)/(n × b)"
    )
    assert titles["5-md-c-5b-worked-examples"].startswith(
        "Worked examples (5.MD.C.5b): Apply the formulas V = l × w × h and V = b × h"
    )


def test_footnote_asterisks_stay_asterisks_in_markdown(by_slug):
    worked = by_slug["7-ns-a-3-worked-examples"]
    assert r"with rational numbers.\* \*Computations with rational numbers" in worked.body
    # the footnote marker of a domain's name is dropped
    assert "· Grade 3 · Number and Operations-Fractions  \n" in by_slug["3-nf-a-2a-worked-examples"].body


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
        "a-sse-a-1-worked-examples",
        "a-sse-a-1-practice",
        "a-sse-a-1-video",
        "a-sse-a-1-peer-work",
    ]
    assert activities[0].body.startswith(
        "## Worked examples: Interpret expressions that represent a quantity in terms of its context\n\n"
        "**A-SSE.A.1** · Seeing Structure in Expressions\n\n"
    )
