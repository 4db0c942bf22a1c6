"""The demo activity catalog, written from the learning targets themselves.

Pure: `catalog_for(targets)` takes `TargetSpec`s and returns `ActivitySpec`s; no Django, no database.
Every target, kindergarten to grade 8, gets worked examples and a practice set, one way in to the idea (a
step-by-step lesson to look at and draw along with, or a reading) and one way to work on it with materials or
with others (hands-on or a partner task); targets in major clusters also get a small-group lesson with the
teacher. Titles, descriptions and Markdown bodies are built from the target's code, text, domain and cluster,
plus what this module knows about the domain at that grade band (MD is comparing lengths in kindergarten and
volume in grade 5) and about the topic the text names (counting, place value, equivalent fractions, percent,
the Pythagorean theorem...): a big idea, approach steps, common mistakes, situations keyed by interest tag, a
hands-on task with materials that fit the age, key words and, for most topics, an example worked in full and a
question to try.

A body promises only what it holds. The student page shows, after the body, worked examples and practice
questions from the item bank; the worked-examples and practice bodies introduce those questions and never list
problems of their own that are not written out. There are no videos: the "video" modality (a learner who
prefers to watch) gets a step-by-step lesson to look at and draw along with. Kindergarten to grade 2 bodies are
read with an adult, so they speak in short sentences and say so.

The same target always yields the same activities (the choices are seeded by its code), so slugs and
contents are stable across runs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

# The modalities, difficulties and title length of learners.models.Modality and playlists.models.Activity,
# repeated so this module needs no Django; tests keep them equal.
VIDEO, READING, WORKED_EXAMPLES, PRACTICE = "video", "reading", "worked_examples", "practice"
HANDS_ON, SMALL_GROUP, PEER_WORK = "hands_on", "small_group", "peer_work"
INTRODUCTORY, CORE, STRETCH = 1, 2, 3
TITLE_MAX_LENGTH = 200

# What the engine can match against a learner's interests.
INTEREST_TAGS = ("sports", "music", "art", "cooking", "games", "nature", "space", "money", "building", "technology")

# (shortest, longest) expected minutes: a short lesson, a hands-on task takes a good part of a period.
MINUTES = {
    VIDEO: (8, 12),
    READING: (10, 15),
    WORKED_EXAMPLES: (12, 18),
    PRACTICE: (15, 20),
    HANDS_ON: (20, 30),
    SMALL_GROUP: (15, 20),
    PEER_WORK: (15, 25),
}
_KIND = {
    VIDEO: "Step-by-step lesson",
    READING: "Reading",
    WORKED_EXAMPLES: "Worked examples",
    PRACTICE: "Practice set",
    HANDS_ON: "Hands-on",
    SMALL_GROUP: "Small group",
    PEER_WORK: "Partner task",
}
# Titles and headings name the target by the first clause of its own text, cut to this length.
_HEADING_LENGTH = 80

# Grade bands: the same domain code means different work in each (G is shapes and partitioning in grade 1,
# transformations and the Pythagorean theorem in grade 8), so domains are looked up by code and band.
_K_2, _3_5, _6_8 = ("K", "1", "2"), ("3", "4", "5"), ("6", "7", "8")
_BANDS = {grade: band for band, grades in (("K-2", _K_2), ("3-5", _3_5), ("6-8", _6_8)) for grade in grades}
_GRADE_NAMES = {"K": "Kindergarten"}


@dataclass(frozen=True)
class TargetSpec:
    """What the catalog needs to know about a learning target.

    `parent_text` is the text of the standard this one is a part of (6.RP.A.3 for 6.RP.A.3a), if any.
    """

    code: str
    text: str
    grade: str
    domain_code: str
    domain_name: str
    cluster_name: str = ""
    weight_class: str = "major"
    parent_text: str = ""


@dataclass(frozen=True)
class ActivitySpec:
    """One catalog entry for one target; `body` is Markdown."""

    slug: str
    target_code: str
    title: str
    description: str
    modality: str
    expected_minutes: int
    difficulty: int
    interest_tags: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class _HandsOn:
    name: str
    materials: tuple[str, ...]
    steps: tuple[str, ...]


@dataclass(frozen=True)
class _Worked:
    """An example worked in full: the question, each step with its numbers (what to write or draw), the answer."""

    question: str
    steps: tuple[str, ...]
    answer: str


@dataclass(frozen=True)
class _Topic:
    """What the catalog knows about a topic a standard's text can name.

    `grades` are the grades whose standards the topic can claim: "compare" is comparing groups of objects in
    kindergarten and fractions in grade 4, and each needs its own examples. `contexts` maps an interest tag to
    a situation, written as a noun phrase ("the sale price of..."). `try_it` is a question with its answer, for
    the learner to work before seeing it. What a topic leaves empty comes from the target's domain.
    """

    pattern: str
    contexts: dict[str, str]
    grades: tuple[str, ...] = _6_8
    mistakes: tuple[str, ...] = ()
    hands_on: _HandsOn | None = None
    big_idea: str = ""
    approach: tuple[str, ...] = ()
    worked: _Worked | None = None
    try_it: tuple[str, str] | None = None


@dataclass(frozen=True)
class _Domain:
    big_idea: str
    approach: tuple[str, ...]
    mistakes: tuple[str, ...]
    contexts: dict[str, str]
    hands_on: _HandsOn


@dataclass(frozen=True)
class _Plan:
    """Everything the writers need about one target, worked out once.

    `early` marks kindergarten to grade 2, whose bodies are read with an adult.
    """

    target: TargetSpec
    statement: str
    lead: str
    heading: str
    example: str
    domain_name: str
    cluster_name: str
    big_idea: str
    approach: tuple[str, ...]
    contexts: list[tuple[str, str]]
    mistakes: tuple[str, ...]
    hands_on: _HandsOn
    terms: list[tuple[str, str]]
    worked: _Worked | None
    try_it: tuple[str, str] | None
    early: bool
    rng: random.Random


@dataclass(frozen=True)
class _Slot:
    """The choices made for one activity: its length, level, two situations and the mistake it warns of."""

    minutes: int
    difficulty: int
    context: str
    other: str
    mistake: str


_DOMAINS = {
    ("RP", "6-8"): _Domain(
        big_idea=(
            "A ratio compares two quantities that change together. Once you know one pair, you can scale it up "
            "or down, or find the amount for one unit, and use that to answer the question."
        ),
        approach=(
            "Name the two quantities and their units, in the order the question uses them.",
            "Write one pair you know and organize it in a ratio table, a tape diagram or a double number line.",
            "Scale both quantities by the same factor, or divide to find the unit rate (the amount for 1).",
            "Answer with units, then check that both quantities grew or shrank together by the same factor.",
        ),
        mistakes=(
            "adding the same amount to both quantities instead of multiplying both by the same factor (2:3 is not "
            "equivalent to 4:5)",
            "writing the ratio in the wrong order, such as girls to boys when the question asks for boys to girls",
            "dropping the units, so 3 miles per hour and 3 hours per mile look the same",
        ),
        contexts={
            "cooking": "a pancake recipe that has to be scaled up to feed the whole class",
            "art": "mixing blue and yellow paint so every batch comes out the same green",
            "sports": "two players' free throws made compared with free throws attempted",
            "building": "a concrete mix of 1 bucket of cement for every 3 buckets of sand",
        },
        hands_on=_HandsOn(
            name="Ratio mix-up lab",
            materials=("snap cubes in two colors", "a printed ratio table", "grid paper", "colored pencils"),
            steps=(
                "Make a 'recipe' of 2 red cubes for every 3 blue cubes and build one batch.",
                "Build 2, 3 and 4 batches, recording the number of red and blue cubes in the ratio table each time.",
                "Plot each pair (red, blue) on grid paper. What do you notice about where the points fall?",
                "Your teacher names a total number of cubes; use the table to decide how many of each color you "
                "need, then build it to check.",
            ),
        ),
    ),
    ("NS", "6-8"): _Domain(
        big_idea=(
            "Every rational number has a place on the number line, and the operations you already know keep "
            "working for fractions, decimals and negative numbers once you pay attention to place value and sign."
        ),
        approach=(
            "Estimate first: roughly how big should the answer be, and should it be positive or negative?",
            "Draw it: place the numbers on a number line, or line up place values, before you compute.",
            "Compute one step at a time and write each step so you can check it later.",
            "Compare the answer with your estimate and say what its size and sign mean in the situation.",
        ),
        mistakes=(
            "thinking −8 is greater than −3 because 8 is greater than 3",
            "believing that subtracting always makes a number smaller",
            "lining up decimals by their last digit instead of by the decimal point",
        ),
        contexts={
            "nature": "a week of winter temperatures above and below zero",
            "money": "a bank account with deposits and withdrawals",
            "sports": "yards gained and lost on the plays of a football drive",
            "space": "the temperature on the day side and the night side of the Moon",
        },
        hands_on=_HandsOn(
            name="Life-size number line",
            materials=("masking tape", "index cards with integers, fractions and decimals", "a marker"),
            steps=(
                "Tape a 6-meter line on the floor and mark 0 in the middle, with whole numbers from −5 to 5 "
                "evenly spaced.",
                "Each student draws a card and stands where that number belongs; partners check each other's spot.",
                "Answer questions with your bodies: who is farther from 0? Who is less? Which two people are "
                "opposites?",
                "Back at your desk, write three true statements with <, > or absolute value about the places you "
                "stood.",
            ),
        ),
    ),
    ("EE", "6-8"): _Domain(
        big_idea=(
            "An expression is a recipe for a number; an equation says two expressions are equal, and solving it "
            "means finding the values that keep it balanced."
        ),
        approach=(
            "Decide what the unknown is and give it a letter you will remember.",
            "Say the relationship in words first, then translate it into an expression, equation or inequality.",
            "Rewrite or solve one step at a time, doing the same thing to both sides and naming the property you used.",
            "Substitute your answer into the original to check it, then say what it means in the situation.",
        ),
        mistakes=(
            "combining unlike terms, as in 3x + 2 = 5x",
            "reading 2x as 2 plus x",
            "doing an operation to one side of an equation but not the other",
            "multiplying only the first term inside parentheses instead of every term",
        ),
        contexts={
            "money": "saving for headphones with $35 already saved and $12 more each week",
            "games": "a computer game level where each coin is worth the same number of points",
            "sports": "a basketball team's score made from two-point and three-point shots",
            "technology": "a phone plan with a monthly fee plus a charge for each gigabyte",
        },
        hands_on=_HandsOn(
            name="Cups and counters balance",
            materials=("a pan balance or a printed balance mat", "paper cups", "counters", "mini whiteboards"),
            steps=(
                "Your partner hides the same number of counters under each cup; a cup stands for the unknown, x.",
                "Build a balance with cups and loose counters on both sides, and write the matching equation.",
                "Take the same thing off both sides, one move at a time, until one cup stands alone. Write each "
                "move as a step of algebra.",
                "Lift the cup to check, then swap roles and build a harder balance.",
            ),
        ),
    ),
    ("G", "6-8"): _Domain(
        big_idea=(
            "Shapes can be measured, taken apart and put back together; lengths, areas and volumes follow from "
            "a few relationships you can see and test."
        ),
        approach=(
            "Sketch the figure and label every measurement you know, with units.",
            "Decide what you are finding (a length, an angle, an area, a volume) and which relationship "
            "connects it to what you know.",
            "Break a complicated figure into simpler pieces if that helps, and work piece by piece.",
            "Check that the units match what you found (square units for area, cubic units for volume) and that "
            "the size is reasonable for the picture.",
        ),
        mistakes=(
            "mixing up area and perimeter, or giving an area in plain units instead of square units",
            "using a slanted side as the height of a triangle or parallelogram",
        ),
        contexts={
            "building": "carpeting a bedroom with an L-shaped floor",
            "art": "the fabric needed for a triangular banner",
            "nature": "a raised garden bed shaped like a trapezoid",
        },
        hands_on=_HandsOn(
            name="Cut, rearrange, compare",
            materials=("grid paper", "scissors", "rulers", "tape", "colored pencils"),
            steps=(
                "Draw the shape your teacher describes on grid paper and label its measurements.",
                "Cut it into rectangles and triangles, and rearrange the pieces into a shape you already know how "
                "to measure.",
                "Measure the new shape and record what you find.",
                "Compare with a partner who cut their shape a different way: did you get the same answer? Why?",
            ),
        ),
    ),
    ("SP", "6-8"): _Domain(
        big_idea=(
            "Data vary, and statistics is the art of describing that variation: where the data are centered, "
            "how spread out they are, and what that lets you say about the question you asked."
        ),
        approach=(
            "Start from the question: what are you trying to find out, and what data would answer it?",
            "Organize the data in a table or a plot before you calculate anything.",
            "Describe the center, the spread and the shape, using the measures that fit the data.",
            "Answer the original question in a sentence, and say how sure you are and why.",
        ),
        mistakes=(
            "reporting the mean without looking at the spread or at unusual values",
            "treating a question with one right answer (how tall is Ms. Lee?) as a statistical question",
        ),
        contexts={
            "sports": "the points a basketball team scored in each game of the season",
            "music": "the lengths of the songs on a class playlist",
            "nature": "the rainfall in each day of April",
            "technology": "how many minutes of screen time students in the class had yesterday",
        },
        hands_on=_HandsOn(
            name="Collect our own data",
            materials=("sticky notes", "a stopwatch", "chart paper", "markers"),
            steps=(
                "As a class, agree on a statistical question, such as 'How long can students in our class balance "
                "on one foot?'",
                "Collect one value from each person and write it on a sticky note.",
                "Arrange the sticky notes into a dot plot on chart paper.",
                "Describe the center, the spread and the shape, then answer the question in one sentence.",
            ),
        ),
    ),
    ("F", "6-8"): _Domain(
        big_idea=(
            "A function is a rule that gives exactly one output for each input. Tables, graphs, equations and "
            "words are four views of the same rule, and a linear function changes by the same amount at each step."
        ),
        approach=(
            "Name the input and the output, with units.",
            "Make a table of a few input-output pairs from the situation, the graph or the equation.",
            "Find the rate of change (how much the output changes per 1 of input) and the starting value.",
            "Write the rule, then test it on a pair you did not use to build it.",
        ),
        mistakes=(
            "thinking every function must be linear",
            "swapping the input and the output when reading a graph",
            "treating the starting value as the rate of change",
        ),
        contexts={
            "money": "a phone plan with a $20 monthly fee plus $5 for each gigabyte",
            "sports": "the distance a cyclist covers at a steady speed",
            "technology": "a phone battery draining as a movie streams",
            "nature": "a candle that gets shorter as it burns",
        },
        hands_on=_HandsOn(
            name="Stack the cups",
            materials=("10 plastic cups per group", "a ruler", "graph paper"),
            steps=(
                "Measure the height of a stack of 1 cup, then 2, 3, 4 and 5 cups, and record them in a table.",
                "Graph the height against the number of cups.",
                "Find how much each added cup adds (the rate of change) and the height the stack would have with "
                "0 cups added (the starting value).",
                "Write a rule for the height of n cups and use it to predict a stack of 20. Build it if you have "
                "the cups.",
            ),
        ),
    ),
    # Kindergarten to grade 5. Bodies for K-2 are read with an adult: short sentences, objects to touch.
    ("CC", "K-2"): _Domain(
        big_idea=(
            "Counting tells how many. You say one number for each thing, and the last number you say tells how "
            "many there are."
        ),
        approach=(
            "Touch or point to each thing as you count it.",
            "Say one number for each thing, in order: one, two, three...",
            "Keep track of what you have counted. Move each thing to the side, or start from one you remember.",
            "The last number you say tells how many. Say it again: 'There are 7.'",
        ),
        mistakes=(
            "counting the same thing twice, or skipping one",
            "saying the numbers faster than pointing, so the words and the things do not match",
            "counting again from 1 when asked 'how many?' instead of saying the last number",
        ),
        contexts={
            "nature": "the acorns a squirrel has hidden",
            "cooking": "the apples in a fruit bowl",
            "games": "the blocks in a tower",
            "sports": "the balls in the gym bin",
            "music": "the drum beats in a song",
        },
        hands_on=_HandsOn(
            name="Counting plates",
            materials=(
                "a tub of small objects (buttons, blocks, toy cars)",
                "paper plates",
                "number cards 0 to 20",
            ),
            steps=(
                "Pick a number card. Count that many objects onto your plate.",
                "Touch each object as you count it again, to check.",
                "Your partner counts your plate. Do you agree?",
                "Spread the objects out, or push them close. Count again. Is it still the same number?",
            ),
        ),
    ),
    ("OA", "K-2"): _Domain(
        big_idea=(
            "Adding puts groups together. Subtracting takes some away, or finds how many more. Objects, fingers "
            "or a drawing can show any story, and the numbers tell how many."
        ),
        approach=(
            "Read or listen to the story. Are things put together, or taken away?",
            "Show it with objects, fingers or a drawing.",
            "Count, or use a fact you know, to find the answer.",
            "Say the answer in a sentence, and write the number sentence, such as 3 + 2 = 5.",
        ),
        mistakes=(
            "adding when the story takes some away",
            "counting the first number again when counting on (for 5 + 3, saying 5, 6, 7)",
            "answering with the total when the story asks for one part",
        ),
        contexts={
            "nature": "birds landing on a fence and flying away",
            "cooking": "cookies on a plate before and after snack time",
            "games": "marbles won and lost in a game",
            "sports": "children joining and leaving a game of tag",
            "music": "children singing in the class choir",
        },
        hands_on=_HandsOn(
            name="Story mats",
            materials=(
                "a story mat (a pond, a farm or a parking lot)",
                "counters or small toys",
                "a ten-frame",
                "number cards 0 to 20",
            ),
            steps=(
                "Your partner tells a short story: '4 frogs sit on a log. 2 more hop on.'",
                "Act out the story with counters on the mat.",
                "Count to find how many now. Say it in a sentence.",
                "Write the number sentence: 4 + 2 = 6. Swap roles and tell a story where some leave.",
            ),
        ),
    ),
    ("OA", "3-5"): _Domain(
        big_idea=(
            "Multiplication counts equal groups and division shares a total into equal groups. The four "
            "operations are connected, so a fact you know helps you find one you don't."
        ),
        approach=(
            "Read the problem and decide what each number counts: groups, the number in each group, or the total.",
            "Draw a picture, an array or a tape diagram, and write an equation with a symbol for the unknown.",
            "Solve with a fact you know, a property of operations, or the link between multiplication and division.",
            "Check that the answer fits the story, and that it is reasonable compared with an estimate.",
        ),
        mistakes=(
            "multiplying when the problem shares a total into equal groups",
            "mixing up the number of groups and the number in each group",
            "ignoring a remainder, or not deciding what it means in the story",
        ),
        contexts={
            "cooking": "packing muffins into boxes of 6 for a bake sale",
            "sports": "splitting the class into teams of the same size",
            "games": "dealing a deck of cards equally among the players",
            "building": "setting out chairs in equal rows for the school play",
            "nature": "planting seeds in equal rows in the school garden",
        },
        hands_on=_HandsOn(
            name="Equal-groups workshop",
            materials=("counters", "paper cups for the groups", "grid paper", "two number cubes"),
            steps=(
                "Roll two number cubes: the first says how many cups, the second how many counters go in each "
                "cup. Fill the cups.",
                "Write a multiplication equation for the total, then rearrange the counters into an array.",
                "Gather the counters and share them equally into a different number of cups. Write the division "
                "equation, with the remainder if there is one.",
                "Explain to your partner how your multiplication and division equations are related.",
            ),
        ),
    ),
    ("NBT", "K-2"): _Domain(
        big_idea=(
            "Our numbers are built from tens. Ten ones make a ten, and ten tens make a hundred. Where a digit "
            "sits tells what it is worth."
        ),
        approach=(
            "Build the number with blocks or a drawing: hundreds as squares, tens as sticks, ones as dots.",
            "Say how many hundreds, tens and ones there are.",
            "Add or take away ones with ones and tens with tens. Make a new ten when you have 10 ones.",
            "Check by counting the blocks, or by counting on.",
        ),
        mistakes=(
            "writing forty-seven as 407",
            "thinking the 3 in 35 means 3, not 3 tens (30)",
            "forgetting to make a new ten when there are more than 9 ones",
        ),
        contexts={
            "cooking": "eggs packed in cartons of 10",
            "money": "dimes and pennies in a piggy bank",
            "games": "straws bundled in tens for a counting game",
            "sports": "points in a bean-bag toss, 10 for each bag in the bucket",
            "art": "crayons in boxes of 10",
        },
        hands_on=_HandsOn(
            name="Bundle it",
            materials=("straws or craft sticks", "rubber bands", "a tens-and-ones mat", "digit cards 0 to 9"),
            steps=(
                "Grab a handful of straws and count them.",
                "Put a rubber band around each group of ten straws. Put the bundles on the tens side of the mat "
                "and the loose straws on the ones side.",
                "Show the number with digit cards. How many tens? How many ones?",
                "Add 10 more straws and bundle again. Which digit changed?",
            ),
        ),
    ),
    ("NBT", "3-5"): _Domain(
        big_idea=(
            "Place value is a pattern of tens: each place is worth 10 times the place to its right. That pattern "
            "lets you round, compare and compute with large numbers and decimals, place by place."
        ),
        approach=(
            "Write the numbers in a place-value chart, lining up the places.",
            "Estimate first: round to friendly numbers to see about how big the answer should be.",
            "Work place by place, regrouping 10 of one place as 1 of the next place when you need to.",
            "Compare the answer with your estimate, and check it with the inverse operation.",
        ),
        mistakes=(
            "lining up the digits on the left instead of by place value",
            "forgetting to regroup, or regrouping in the wrong place",
            "thinking a decimal with more digits is always larger (0.25 > 0.3)",
        ),
        contexts={
            "money": "saving up for a bike that costs $289",
            "sports": "the number of fans at three school games",
            "space": "the distances rockets travel, in kilometers",
            "technology": "the number of downloads of a class app",
            "nature": "the heights of mountains in meters",
        },
        hands_on=_HandsOn(
            name="Place-value workshop",
            materials=("base-ten blocks", "a place-value mat", "digit cards 0 to 9", "mini whiteboards"),
            steps=(
                "Draw four digit cards and make the largest and the smallest number you can with them.",
                "Build one of your numbers with base-ten blocks on the mat.",
                "Add or subtract your other number with the blocks, trading 10 of one block for 1 of the next "
                "size when you need to.",
                "Record each trade in the written method beside the blocks, and check the answer.",
            ),
        ),
    ),
    ("NF", "3-5"): _Domain(
        big_idea=(
            "A fraction is a number made of equal parts of one whole. The denominator (the bottom number) says "
            "how many equal parts the whole is cut into; the numerator (the top number) says how many of those "
            "parts you have."
        ),
        approach=(
            "Decide what the whole is.",
            "Draw a fraction model: a strip, a circle or a number line cut into equal parts.",
            "Use the model, equivalent fractions or a benchmark such as 1/2 to find the answer.",
            "Check that the answer makes sense for the whole and for the size of the parts.",
        ),
        mistakes=(
            "thinking 1/8 is bigger than 1/4 because 8 is bigger than 4",
            "adding the denominators, as in 1/4 + 1/4 = 2/8",
            "cutting the whole into parts that are not equal",
        ),
        contexts={
            "cooking": "a pizza cut into equal slices",
            "art": "a ribbon cut into equal pieces for a craft",
            "sports": "laps of a running track",
            "music": "notes that last a half or a quarter of a beat",
            "nature": "a garden bed split into equal sections for different plants",
        },
        hands_on=_HandsOn(
            name="Fraction strips",
            materials=("paper strips all the same length", "scissors", "rulers", "colored pencils"),
            steps=(
                "Fold one strip into halves, one into fourths and one into eighths. Label every part.",
                "Line up the strips. Which parts are the same length? Write the equivalent fractions you see.",
                "Shade 3/4 on one strip and find the same length on the eighths strip.",
                "Use the strips to compare two fractions your teacher names, and explain with the strips.",
            ),
        ),
    ),
    ("MD", "K-2"): _Domain(
        big_idea=(
            "We can measure things: how long, how tall, how heavy, how much time, how much money. To compare "
            "fairly, line things up at the same starting point, or use units of the same size with no gaps."
        ),
        approach=(
            "Decide what you are measuring: length, height, weight, time or money.",
            "Line the objects up at the same starting point, or lay units end to end with no gaps.",
            "Count the units, or read the tool.",
            "Say the answer with its unit: '7 paper clips long', '15 cents'.",
        ),
        mistakes=(
            "starting to measure from the 1 on the ruler instead of the 0",
            "leaving gaps or overlaps between the units",
            "comparing two things that do not start at the same line",
        ),
        contexts={
            "nature": "the leaves and sticks found on a nature walk",
            "sports": "how far a bean bag was thrown",
            "building": "the towers built in the block corner",
            "cooking": "the carrots picked from the school garden",
            "art": "pieces of yarn for a collage",
        },
        hands_on=_HandsOn(
            name="Measure it",
            materials=(
                "paper clips or cubes to use as units",
                "a 12-inch ruler",
                "small classroom objects",
                "a recording sheet",
            ),
            steps=(
                "Pick three classroom objects.",
                "Measure each one with paper clips laid end to end, with no gaps.",
                "Put the objects in order from shortest to longest.",
                "Tell your partner how much longer the longest is than the shortest.",
            ),
        ),
    ),
    ("MD", "3-5"): _Domain(
        big_idea=(
            "Measuring means counting units: square units for area, cubic units for volume, degrees for angles, "
            "minutes for time. With the right unit you can add, subtract, multiply and compare measurements."
        ),
        approach=(
            "Name what you are measuring and the unit it is measured in.",
            "Draw a diagram, such as a number line, a scale, a grid or a sketch, with the measurements labeled.",
            "Choose the operation: add or subtract to combine or compare, multiply or divide for equal groups or "
            "to convert units.",
            "Answer with the unit, and check that the size is reasonable.",
        ),
        mistakes=(
            "giving an answer without its unit, or in the wrong unit",
            "mixing up area (square units) and perimeter (units around)",
            "adding measurements in different units without converting first",
        ),
        contexts={
            "cooking": "measuring flour and water for bread",
            "sports": "the length of a long jump in meters and centimeters",
            "building": "the floor of a treehouse",
            "nature": "the rain collected in a rain gauge over a week",
            "space": "the time a rocket takes to reach orbit",
        },
        hands_on=_HandsOn(
            name="Measurement stations",
            materials=(
                "rulers and meter sticks",
                "a balance scale with gram weights",
                "a measuring jug in milliliters",
                "a recording sheet",
            ),
            steps=(
                "Estimate, then measure, the length of your desk, the mass of a book and the water in a cup.",
                "Record each measurement with its unit.",
                "Write one question that needs two of your measurements and an operation, such as 'How much "
                "heavier is...?'",
                "Swap questions with another group and solve theirs.",
            ),
        ),
    ),
    ("G", "K-2"): _Domain(
        big_idea=(
            "Shapes have names and parts. A shape keeps its name when it is turned or made bigger. Its sides and "
            "corners make it a triangle or a square, not its color or its size."
        ),
        approach=(
            "Look at the shape. Count its sides and its corners.",
            "Check that the sides are straight and the shape is closed.",
            "Name the shape: triangle, square, rectangle, circle, hexagon...",
            "Turn the shape, or draw it bigger. Does it keep its name?",
        ),
        mistakes=(
            "thinking a triangle turned upside down is not a triangle",
            "naming a shape by its color or size instead of its sides and corners",
            "calling a cube a square (a square is flat; a cube is solid)",
        ),
        contexts={
            "art": "a collage made from paper shapes",
            "building": "the blocks in the block corner",
            "nature": "shapes found on a walk around the school",
            "games": "pattern blocks on a game board",
            "cooking": "sandwiches and crackers cut into shapes",
        },
        hands_on=_HandsOn(
            name="Shape hunt",
            materials=("pattern blocks", "a bag of solid shapes (cube, cone, cylinder, ball)", "paper and crayons"),
            steps=(
                "Reach into the bag without looking. Feel a shape and say its name.",
                "Count its flat faces and its corners. Does it roll? Does it stack?",
                "Walk around the room and find something with the same shape.",
                "Draw the shape and the thing you found.",
            ),
        ),
    ),
    ("G", "3-5"): _Domain(
        big_idea=(
            "Shapes are sorted by their attributes: the number of sides and angles, parallel and perpendicular "
            "sides, right angles, lines of symmetry. A shape belongs to every category whose attributes it has."
        ),
        approach=(
            "List the shape's attributes: sides, angles, parallel or perpendicular sides, equal sides.",
            "Check each attribute with a tool: a ruler for lengths, the corner of an index card for right angles.",
            "Match the attributes to the definition of each category.",
            "Say which categories the shape belongs to, which it does not, and why.",
        ),
        mistakes=(
            "thinking a square is not a rectangle",
            "deciding a shape's category by how it is turned instead of by its attributes",
            "calling any slanted four-sided shape a rhombus without checking that all four sides are equal",
        ),
        contexts={
            "art": "designing a quilt block from shapes",
            "building": "the windows, doors and tiles of the school building",
            "games": "sorting the cards of a shape game",
            "nature": "the shapes of leaves, snowflakes and honeycombs",
            "technology": "the icons on a tablet screen",
        },
        hands_on=_HandsOn(
            name="Shape sort",
            materials=(
                "a set of shape cards (quadrilaterals, triangles and other polygons)",
                "rulers",
                "an index card to check right angles",
                "sorting mats with category labels",
            ),
            steps=(
                "Measure the sides and check the angles of each shape card.",
                "Sort the cards onto the mats by one attribute, such as 'has a right angle'.",
                "Sort them again by another attribute. Which cards moved, and which stayed?",
                "Find a card that fits two categories and explain why it belongs to both.",
            ),
        ),
    ),
}
_GENERAL = _Domain(
    big_idea="Mathematics is about seeing structure: naming what you know, connecting it, and checking that it "
    "makes sense.",
    approach=(
        "Read the problem twice and say in your own words what it asks.",
        "Draw a picture, a table or a model of what you know.",
        "Choose a strategy and work one step at a time, writing each step.",
        "Check the answer against the question and your picture.",
    ),
    mistakes=("starting to calculate before deciding what the question asks",),
    contexts={
        "games": "keeping score in a board game",
        "money": "planning a class party on a budget",
        "sports": "a school field day",
    },
    hands_on=_HandsOn(
        name="Model it",
        materials=("counters", "grid paper", "mini whiteboards"),
        steps=(
            "Build a model of the problem with counters or on grid paper.",
            "Change one number and predict what happens to your model before you change it.",
            "Record what you found in words, numbers and a sketch.",
        ),
    ),
)

_POWERS_BIG_IDEA = (
    "Exponents are shorthand for repeated multiplication: to evaluate a numerical expression with a whole-number "
    "exponent, such as 2³, multiply 2 × 2 × 2, and the properties of exponents follow from counting the factors. "
    "Powers of ten are the backbone of place value: they let you write, compare and compute with very large and "
    "very small numbers."
)
_POWERS_APPROACH = (
    "Rewrite each power as the repeated multiplication it stands for, at least for the first example.",
    "Look for powers with the same base and use the exponent rules to combine them.",
    "Estimate: how many digits, or how many places from the decimal point, should the answer have?",
    "Write the answer in the form the question asks for (standard form or scientific notation) and compare it "
    "with your estimate.",
)

# The grade 6-8 topics this module started with; `_Topic.grades` defaults to them.
_MIDDLE_TOPICS = (
    _Topic(
        pattern=r"polygons in the coordinate plane",
        contexts={
            "games": "a treasure map drawn on a coordinate grid",
            "building": "a floor plan drawn on a coordinate grid",
            "art": "a design drawn on graph paper",
            "sports": "a playing field marked on a grid",
        },
        big_idea=(
            "A polygon drawn on the coordinate plane can be measured from the coordinates of its vertices: two "
            "points with the same first coordinate lie on a vertical line, two with the same second coordinate on "
            "a horizontal line, and the length of the side joining them is the difference of the other coordinates."
        ),
        approach=(
            "Plot each vertex from its ordered pair and join the points in order.",
            "Find the sides whose endpoints share a coordinate.",
            "Subtract the other coordinates to find each such side's length, taking care when one is negative.",
            "Use the side lengths to find the perimeter or the area, and check by counting grid squares.",
        ),
        mistakes=(
            "subtracting coordinates the wrong way round and getting a negative length",
            "counting grid lines instead of the spaces between them",
            "treating a slanted side as if its length could be read from the coordinates",
        ),
        hands_on=_HandsOn(
            name="Coordinate floor plans",
            materials=("four-quadrant coordinate grid paper", "rulers", "colored pencils"),
            steps=(
                "Plot the vertices your partner calls out, and join them into a polygon.",
                "Find every horizontal or vertical side, and its length from the coordinates.",
                "Find the perimeter and the area of the polygon.",
                "Design a polygon of your own and write its vertices for your partner to draw.",
            ),
        ),
        worked=_Worked(
            question="A rectangle has vertices (−2, 1), (4, 1), (4, 5) and (−2, 5). What are its perimeter and area?",
            steps=(
                "Bottom side: (−2, 1) to (4, 1) share the second coordinate, so its length is 4 − (−2) = 6.",
                "Right side: (4, 1) to (4, 5) share the first coordinate, so its length is 5 − 1 = 4.",
                "Perimeter: 2 × 6 + 2 × 4 = 20. Area: 6 × 4 = 24.",
            ),
            answer="The perimeter is 20 units and the area is 24 square units.",
        ),
        try_it=("How long is the side from (3, −2) to (3, 6)?", "8 units: 6 − (−2) = 8."),
    ),
    _Topic(
        pattern=r"pythagorean",
        big_idea=(
            "The Pythagorean theorem says that in a right triangle the squares of the two legs add up to the square "
            "of the hypotenuse: a² + b² = c². Its converse says that a triangle whose sides fit the equation has a "
            "right angle. Together they find unknown side lengths, and distances between points on the "
            "coordinate plane."
        ),
        approach=(
            "Sketch the triangle and mark the right angle; the hypotenuse is the side across from it.",
            "Label the legs a and b and the hypotenuse c, with the lengths you know.",
            "Write a² + b² = c², solve for the unknown side length, and take the square root at the end.",
            "Check that the hypotenuse is the longest side. For two points on a grid, draw the right triangle whose "
            "legs run along the grid lines; in a box, find the diagonal of the base first and use it as a leg.",
        ),
        worked=_Worked(
            question="The two sides of a deck meet at a corner and measure 6 feet and 8 feet from it. How far apart "
            "must their ends be for the corner to be square?",
            steps=(
                "Sketch a right triangle: the sides of the deck are the legs, a = 6 and b = 8, and the distance "
                "between their ends is the hypotenuse, c.",
                "Write the theorem: a² + b² = c², so 6² + 8² = c², which is 36 + 64 = 100.",
                "Take the square root: c = √100 = 10.",
            ),
            answer="10 feet. If the ends are exactly 10 feet apart, the corner is a right angle.",
        ),
        try_it=(
            "A 13-foot ladder leans against a wall with its foot 5 feet from the wall. How high up the wall does "
            "it reach?",
            "12 feet: 13² − 5² = 169 − 25 = 144, and √144 = 12.",
        ),
        contexts={
            "building": "checking that the corner of a new deck is square",
            "sports": "the throw from third base to first base on a baseball diamond",
            "technology": "the size of a TV screen, which is measured along its diagonal",
        },
        mistakes=("adding the legs instead of their squares", "using the theorem on a triangle with no right angle"),
        hands_on=_HandsOn(
            name="String-and-tape right triangles",
            materials=("string", "masking tape", "meter sticks", "an index card to check right angles", "calculators"),
            steps=(
                "Tape a right angle on the floor with legs of 3 feet and 4 feet, using the index card corner to "
                "check it is square.",
                "Stretch string along the third side and measure it. Repeat with legs of 6 and 8 feet, and one "
                "pair of your own.",
                "For each triangle, compare a² + b² with c². Then tape a triangle with no right angle and test it.",
                "Use what you found to work out the distance from one corner of the room to the opposite corner, "
                "then measure it to check.",
            ),
        ),
    ),
    _Topic(
        pattern=r"scientific notation|power of 10|powers of 10",
        worked=_Worked(
            question="Earth is about 150,000,000 km from the Sun and Neptune about 4,500,000,000 km. About how "
            "many times as far from the Sun is Neptune?",
            steps=(
                "Write each distance in scientific notation: 1.5 × 10⁸ km and 4.5 × 10⁹ km.",
                "Divide the first factors: 4.5 ÷ 1.5 = 3.",
                "Divide the powers of 10 by subtracting the exponents: 10⁹ ÷ 10⁸ = 10¹.",
                "Put them together: 3 × 10¹ = 30.",
            ),
            answer="Neptune is about 30 times as far from the Sun as Earth is.",
        ),
        try_it=("Write 0.00042 in scientific notation.", "4.2 × 10⁻⁴."),
        contexts={
            "space": "the distances from the Sun to each of the planets",
            "nature": "the number of cells in a human body compared with the number in an ant",
            "technology": "the storage on a phone measured in bytes",
        },
        mistakes=(
            "writing 45 × 10⁵ and calling it scientific notation (the first factor must be at least 1 and less "
            "than 10)",
            "adding the exponents when adding two numbers in scientific notation",
        ),
        big_idea=_POWERS_BIG_IDEA,
        approach=_POWERS_APPROACH,
        hands_on=_HandsOn(
            name="Powers-of-ten scale walk",
            materials=("adding-machine tape", "a meter stick", "index cards with objects and their sizes", "tape"),
            steps=(
                "Mark powers of ten along the tape, 10 cm apart, from 10⁻⁶ meters to 10⁹ meters.",
                "Place each card where you think the object belongs (a grain of sand, a blue whale, the height of "
                "Mount Everest, a red blood cell...).",
                "Write each object's size in scientific notation on its card and move any card that is in the "
                "wrong place.",
                "Pick two cards and work out how many times as large one object is as the other.",
            ),
        ),
    ),
    _Topic(
        pattern=r"square root|cube root|irrational",
        worked=_Worked(
            question="Estimate √50 to one decimal place.",
            steps=(
                "Find the perfect squares on either side: 49 = 7² and 64 = 8².",
                "So √50 is between 7 and 8, and very close to 7, because 50 is just above 49.",
                "Test a decimal: 7.1² = 50.41, a little more than 50, and 7.0² = 49, a little less.",
            ),
            answer="√50 is between 7.0 and 7.1 and closer to 7.1; to one decimal place, √50 ≈ 7.1.",
        ),
        try_it=("Between which two whole numbers is ∛30?", "3 and 4, because 3³ = 27 and 4³ = 64."),
        contexts={
            "building": "the side of a square patio with an area of 50 square feet",
            "art": "the diagonal of a square canvas",
            "nature": "the side of a cube-shaped planter that holds 20 liters of soil",
        },
        mistakes=(
            "thinking √50 is 25 (half of 50) instead of a number between 7 and 8",
            "believing a decimal that goes on for a while must be irrational",
        ),
        big_idea=(
            "Squaring and taking a square root undo each other. A few roots are whole numbers; most are irrational: "
            "their decimal expansions never end or repeat, unlike a rational number's, but you can always trap "
            "them between two numbers you know."
        ),
        approach=(
            "Find the perfect squares (or cubes) just below and just above the number.",
            "Use them to say which two whole numbers the root lies between.",
            "Narrow it down: try a decimal in between and square (or cube) it to check.",
            "Place your estimate on a number line and say how you know it is close.",
        ),
        hands_on=_HandsOn(
            name="Square tiles and roots",
            materials=("square tiles", "grid paper", "a number line strip", "calculators for checking only"),
            steps=(
                "Build squares with areas of 1, 4, 9, 16 and 25 tiles and record each side length.",
                "Try to build a square with an area of 10 tiles. Why can't you? Which two squares is it between?",
                "Estimate the side of the area-10 square to one decimal place, then check by multiplying.",
                "Place √10, √20 and √30 on the number line strip between the whole numbers they fall between.",
            ),
        ),
    ),
    _Topic(
        pattern=r"exponent",
        worked=_Worked(
            question="Find 2³ × 2² in two ways.",
            steps=(
                "Write out the factors: (2 × 2 × 2) × (2 × 2) is five 2s multiplied together.",
                "Evaluate each power and multiply: 8 × 4 = 32.",
                "Or count the factors of 2: 2³ × 2² = 2⁵ = 32.",
            ),
            answer="2³ × 2² = 2⁵ = 32.",
        ),
        try_it=("Evaluate 3⁴.", "81, because 3 × 3 × 3 × 3 = 81."),
        contexts={
            "nature": "bacteria that double every hour",
            "technology": "how many different passcodes a 4-digit lock allows",
            "games": "a tournament bracket that halves the number of players each round",
        },
        mistakes=("reading 3⁴ as 3 × 4", "multiplying the bases when multiplying powers with the same base"),
        big_idea=_POWERS_BIG_IDEA,
        approach=(
            "Rewrite each power as the repeated multiplication it stands for: 3⁴ = 3 × 3 × 3 × 3.",
            "Evaluate a numerical expression in order: powers first, then multiplication and division, then "
            "addition and subtraction.",
            "To combine powers of the same base, count the factors: that is where the properties of integer "
            "exponents come from (2³ × 2² = 2⁵, and 2⁵ ÷ 2² = 2³).",
            "Check by multiplying out, and write the result as a whole number or in the form asked for.",
        ),
        hands_on=_HandsOn(
            name="Paper-folding powers",
            materials=("sheets of scrap paper", "a recording table", "calculators for checking only"),
            steps=(
                "Fold a sheet in half and count the layers. Keep folding and record the layers after each fold.",
                "Write each number of layers as a power of 2.",
                "Predict the number of layers after 10 folds without folding, and explain how you know.",
                "Unfold completely: what does 0 folds give, and how does that explain 2⁰?",
            ),
        ),
    ),
    _Topic(
        pattern=r"scatter|bivariate|association|linear model|quantitative variables",
        contexts={
            "sports": "students' arm spans compared with their standing long jumps",
            "nature": "the outdoor temperature compared with how often crickets chirp",
            "music": "the length of songs compared with how many times they were streamed",
        },
        mistakes=(
            "thinking an association proves that one quantity causes the other",
            "drawing a line of fit that simply joins the first and last points",
        ),
        hands_on=_HandsOn(
            name="Measure us: arm span and height",
            materials=("tape measures", "sticky dots", "a large grid on chart paper", "a strand of dry spaghetti"),
            steps=(
                "In pairs, measure each other's height and arm span in centimeters.",
                "Put a sticky dot for each person on the class grid (height across, arm span up).",
                "Describe the pattern: is there an association? Is it positive or negative, linear or not? Are "
                "there outliers?",
                "Lay the spaghetti along the trend, write the equation of your line, and use it to predict the "
                "arm span of someone 150 cm tall.",
            ),
        ),
    ),
    _Topic(
        pattern=r"simultaneous|system|two linear equations",
        big_idea=(
            "A system of two linear equations, solved simultaneously, asks for the values that make both "
            "equations true at once: the point where their graphs intersect. Two lines can meet once, never "
            "(parallel lines) or everywhere (the same line)."
        ),
        approach=(
            "Write an equation for each condition, using the same two variables.",
            "Graph both lines and estimate where they intersect.",
            "Solve algebraically: substitute one equation into the other, or set two expressions for the same "
            "variable equal.",
            "Check the solution in both equations, and say what it means in the situation.",
        ),
        worked=_Worked(
            question="Gym A costs $40 to join and $20 a month; gym B costs $10 to join and $30 a month. After how "
            "many months have they cost the same?",
            steps=(
                "Write an equation for each gym's total cost after m months: A = 40 + 20m and B = 10 + 30m.",
                "Set the costs equal: 40 + 20m = 10 + 30m.",
                "Subtract 20m and 10 from both sides: 30 = 10m, so m = 3.",
                "Check in both equations: 40 + 20 × 3 = 100 and 10 + 30 × 3 = 100.",
            ),
            answer="After 3 months, when each gym has cost $100.",
        ),
        try_it=("Solve the system x + y = 10 and x − y = 4.", "x = 7 and y = 3."),
        contexts={
            "money": "choosing between two gym memberships with different sign-up and monthly fees",
            "sports": "two runners, one with a head start and one who runs faster",
            "technology": "two streaming plans that charge differently for each movie",
        },
        mistakes=(
            "solving for one variable and stopping without finding the other",
            "thinking parallel lines meet somewhere off the page",
        ),
        hands_on=_HandsOn(
            name="Race to meet",
            materials=("a 20-meter tape in the hallway", "two stopwatches", "graph paper"),
            steps=(
                "Walker A starts at the 6-meter mark and walks slowly; walker B starts at 0 and walks faster.",
                "Timers call out every 2 seconds while recorders write down each walker's position.",
                "Graph both walkers' positions against time on the same axes and find where the lines cross.",
                "Write an equation for each walker, solve the pair algebraically, and compare with the graph.",
            ),
        ),
    ),
    _Topic(
        pattern=r"slope m",
        contexts={},
        big_idea=(
            "The slope of a line is rise over run, and it is the same between any two points on the line, because "
            "the slope triangles they make are similar. That is why a line through the origin has the equation "
            "y = mx, and a line crossing the vertical axis at b has the equation y = mx + b."
        ),
        approach=(
            "Pick two points on the line and draw the slope triangle between them: run across, then rise up.",
            "Find the slope: rise ÷ run.",
            "Pick two other points and check that their slope triangle is similar and gives the same slope.",
            "Write the equation: y = mx through the origin, or y = mx + b where the line crosses the vertical axis "
            "at b.",
        ),
        mistakes=(
            "computing run over rise instead of rise over run",
            "taking the rise and the run in opposite directions, so the sign of the slope comes out wrong",
            "thinking the slope changes along a straight line",
        ),
        hands_on=_HandsOn(
            name="Slope triangles",
            materials=("grid paper", "rulers", "colored pencils"),
            steps=(
                "Draw a line through the origin on grid paper.",
                "Draw three slope triangles of different sizes along it.",
                "Measure each triangle's rise and run, and divide.",
                "Explain why the three ratios match, using similar triangles.",
            ),
        ),
        worked=_Worked(
            question="A line passes through (0, 1), (2, 4) and (6, 10). Find its slope from two different pairs of "
            "points, and write its equation.",
            steps=(
                "From (0, 1) to (2, 4): rise 3, run 2, so the slope is 3/2.",
                "From (2, 4) to (6, 10): rise 6, run 4, so the slope is 6/4 = 3/2. The two slope triangles are "
                "similar, so the slopes match.",
                "The line crosses the vertical axis at 1, so b = 1.",
            ),
            answer="The slope is 3/2, and the equation is y = (3/2)x + 1.",
        ),
        try_it=("What are the slope and the equation of the line through (0, 0) and (4, 12)?", "Slope 3; y = 3x."),
    ),
    _Topic(
        pattern=r"function|slope|y = mx",
        contexts={
            "money": "a phone plan with a $20 monthly fee plus $5 for each gigabyte",
            "sports": "the distance a cyclist covers at a steady speed",
            "technology": "a phone battery draining as a movie streams",
            "nature": "the water level in a rain gauge during a steady storm",
        },
        mistakes=(
            "reading the slope as rise over run the wrong way round (run over rise)",
            "thinking every function must be linear",
            "treating the starting value as the rate of change",
        ),
        hands_on=_DOMAINS["F", "6-8"].hands_on,
        big_idea=_DOMAINS["F", "6-8"].big_idea,
        approach=_DOMAINS["F", "6-8"].approach,
    ),
    _Topic(
        pattern=r"probabilit|chance|simulation|sample space|compound event",
        worked=_Worked(
            question="What is the probability of rolling a sum of 7 with two number cubes?",
            steps=(
                "Make a 6 × 6 table of the outcomes: 36 equally likely pairs.",
                "Mark the pairs with a sum of 7: (1, 6), (2, 5), (3, 4), (4, 3), (5, 2) and (6, 1), which is 6 pairs.",
                "Divide the outcomes in the event by the total: 6/36 = 1/6.",
            ),
            answer="The probability is 1/6.",
        ),
        try_it=(
            "A bag holds 3 red and 5 blue marbles. What is the probability of picking a red one without looking?",
            "3/8: 3 of the 8 equally likely marbles are red.",
        ),
        contexts={
            "games": "rolling two number cubes in a board game",
            "sports": "a basketball player making two free throws in a row",
            "nature": "a forecast of a 30% chance of rain on the day of a field trip",
        },
        mistakes=(
            "thinking that after five heads in a row, tails is 'due'",
            "treating outcomes as equally likely when they are not, such as the sums of two number cubes",
        ),
        big_idea=(
            "Probability measures how likely an event is, from 0 (impossible) to 1 (certain). A model predicts it; "
            "repeating an experiment many times tests the model."
        ),
        approach=(
            "List the possible outcomes in an organized list, a table or a tree diagram.",
            "Decide whether the outcomes are equally likely; if not, use data to estimate how likely each one is.",
            "Count the outcomes in the event and divide by the total, or use the relative frequency from the data.",
            "Compare the probability with what happens when the experiment is run many times.",
        ),
        hands_on=_HandsOn(
            name="Chance experiments",
            materials=("number cubes", "coins", "paper-clip spinners", "a tally sheet"),
            steps=(
                "Before you start, predict the probability of the event your teacher names.",
                "Run 20 trials with your partner and record the results as tallies.",
                "Pool the class's results and compute the relative frequency. How close is it to your prediction?",
                "Explain why the class total is a better estimate than your 20 trials.",
            ),
        ),
    ),
    _Topic(
        pattern=r"sample|population|inference",
        contexts={
            "cooking": "a survey of students about a new lunch menu",
            "sports": "estimating how many students in the school play a sport from a sample of 40",
            "nature": "estimating the number of fish in a pond by tagging and recapturing",
        },
        mistakes=(
            "thinking a bigger sample is always better, even when it is not random",
            "expecting every sample to give exactly the same answer",
        ),
        big_idea=(
            "You can learn about a whole population from a sample, as long as the sample is chosen fairly. "
            "Different samples vary, and that variation tells you how sure you can be."
        ),
        approach=(
            "Name the population and the question you want to answer about it.",
            "Choose a sample so that every member of the population has a fair chance of being picked.",
            "Summarize the sample with a measure of center, a proportion or a plot.",
            "Predict what is true of the population and say how far off the prediction might be.",
        ),
        hands_on=_HandsOn(
            name="Sample the bag",
            materials=("a paper bag of about 200 dried beans in two colors", "small cups", "a recording table"),
            steps=(
                "Without looking, scoop a sample of 20 beans and record how many are of each color.",
                "Use your sample to predict the number of each color in the whole bag.",
                "Combine your sample with two other groups' and predict again.",
                "Your teacher reveals the real counts: which prediction was closer, and why?",
            ),
        ),
    ),
    _Topic(
        pattern=r"statistic|data|distribution|center|variability|plots|observations|attribute",
        contexts={
            "sports": "the points a basketball team scored in each game of the season",
            "music": "the lengths of the songs on a class playlist",
            "nature": "the rainfall in each day of April",
            "technology": "how many minutes of screen time students in the class had yesterday",
        },
        mistakes=(
            "reporting the mean without looking at the spread or at unusual values",
            "choosing the mean for data with an extreme value, where the median describes the center better",
        ),
        big_idea=(
            "A statistical question anticipates variability, and summarizing a numerical data set in its context "
            "describes that variability. Say how many observations there are, what was measured and in which "
            "units, where the data are centered (mean or median), how they vary (range, interquartile range or "
            "mean absolute deviation), and what all that means for the question."
        ),
    ),
    _Topic(
        pattern=r"angle sum|exterior angle",
        contexts={
            "building": "the angles of a roof truss",
            "art": "a design of parallel stripes crossed by a diagonal",
            "nature": "the angles where a straight branch crosses two parallel fence rails",
        },
        big_idea=(
            "The angles of a triangle add up to 180°, which you can see by tearing off the corners and lining "
            "them up; an exterior angle equals the sum of the two angles across from it. Parallel lines cut by a "
            "transversal make equal angles, and two triangles with two pairs of equal angles are similar."
        ),
        approach=(
            "Mark the angles you know, and the parallel lines and transversal if there are any.",
            "Name the angle fact that links them: angle sum of a triangle, exterior angle, angles on a line, "
            "vertical angles, or corresponding angles of parallel lines.",
            "Write an equation and solve for the unknown angle.",
            "Give your informal argument in words: why must the angles be equal, or add to 180°?",
        ),
        mistakes=(
            "adding the exterior angle to the triangle's angle sum",
            "assuming lines are parallel because they look parallel",
            "thinking two triangles need three equal sides to be similar",
        ),
        hands_on=_HandsOn(
            name="Tear the corners",
            materials=("paper triangles of different shapes", "scissors", "protractors", "lined paper"),
            steps=(
                "Tear the three corners off a paper triangle and line them up along a straight edge. What do they "
                "make?",
                "Repeat with a different triangle. Write the angle fact you see.",
                "Draw a line across two lines of the lined paper (a transversal), and measure the eight angles.",
                "Use your measurements to argue which angles are always equal.",
            ),
        ),
        worked=_Worked(
            question="A triangle has angles of 50° and 60°. What is its third angle, and what is the exterior "
            "angle next to the third angle?",
            steps=(
                "The angle sum of a triangle is 180°: 50 + 60 + x = 180, so x = 70.",
                "The exterior angle and the 70° angle make a straight line: 180 − 70 = 110.",
                "Check: the exterior angle equals the two angles across from it, 50 + 60 = 110.",
            ),
            answer="The third angle is 70° and the exterior angle is 110°.",
        ),
        try_it=(
            "Two parallel lines are cut by a transversal, and one of the angles is 65°. What are the other angles?",
            "65° and 115°: corresponding and vertical angles are equal, and angles on a line add to 180°.",
        ),
    ),
    _Topic(
        pattern=r"rotation|reflection|translation|dilation|congruent|similar|transversal",
        contexts={
            "art": "a repeating tile pattern for a mural",
            "games": "moving pieces on a game board",
            "technology": "resizing and rotating an image in a design app",
        },
        mistakes=(
            "thinking a dilation keeps lengths the same",
            "rotating a figure about the wrong point",
            "mixing up which coordinate changes sign in a reflection",
        ),
        big_idea=(
            "Translations (slides), reflections (flips) and rotations (turns) move a figure without changing its "
            "lengths, angles or shape; a dilation changes its size but keeps its shape. Tracking what stays the "
            "same is how you show that figures are congruent or similar."
        ),
        approach=(
            "Label the vertices of the figure and record their coordinates.",
            "Apply one move at a time (translate, reflect, rotate or dilate) and record the image's coordinates.",
            "Measure or calculate what stayed the same (lengths, angles, parallel lines) and what changed.",
            "Describe the whole sequence of moves in words someone else could follow.",
        ),
        hands_on=_HandsOn(
            name="Tracing-paper transformations",
            materials=("tracing paper", "coordinate grids", "rulers", "protractors"),
            steps=(
                "Draw a triangle on the grid and label its vertices and their coordinates.",
                "Trace it, then translate, reflect and rotate the tracing; draw each image and record its coordinates.",
                "Measure the sides and angles of each image. What changed, and what stayed the same?",
                "Write a rule for what each move does to the coordinates.",
            ),
        ),
    ),
    _Topic(
        pattern=r"\bangles?\b",
        contexts={
            "building": "cutting boards for a picture frame so the corners meet",
            "sports": "the angle of a skateboard ramp",
            "art": "the angles in a stained-glass window design",
        },
        mistakes=(
            "mixing up complementary (sum 90°) and supplementary (sum 180°) angles",
            "reading the wrong scale on a protractor",
        ),
        hands_on=_HandsOn(
            name="Angle hunt",
            materials=("protractors", "paper strips and brass fasteners", "a recording sheet"),
            steps=(
                "Join two paper strips with a fastener and make an angle; measure it with a protractor.",
                "Add a third strip to make a pair of adjacent angles that form a straight line. Measure both: "
                "what do they add to?",
                "Cross two strips to make vertical angles and measure all four angles.",
                "Write an equation for an unknown angle in one of your models and solve it, then measure to check.",
            ),
        ),
    ),
    _Topic(
        pattern=r"circle|circumference",
        worked=_Worked(
            question="How long is the crust around the edge of a 14-inch pizza?",
            steps=(
                "A 14-inch pizza has a diameter of 14 inches.",
                "The circumference is π times the diameter: C = πd ≈ 3.14 × 14.",
                "3.14 × 14 = 43.96.",
            ),
            answer="About 44 inches.",
        ),
        try_it=("A circle has a radius of 5 cm. What is its area?", "About 78.5 cm²: π × 5² ≈ 3.14 × 25."),
        contexts={
            "cooking": "the crust around the edge of a 14-inch pizza",
            "sports": "the curved part of a running track",
            "art": "the border of a round mural",
        },
        mistakes=("using the diameter where the formula needs the radius", "mixing up circumference and area"),
        hands_on=_HandsOn(
            name="Measure round things",
            materials=("string", "rulers", "round objects (lids, cups, plates)", "a class table on the board"),
            steps=(
                "Wrap string around each object to measure its circumference, and measure its diameter.",
                "Divide circumference by diameter for each object and add your results to the class table.",
                "What number do the results cluster around?",
                "Cut a paper circle into 8 wedges and rearrange them into a near-parallelogram to see why the "
                "area is πr².",
            ),
        ),
    ),
    _Topic(
        pattern=r"slicing|plane sections",
        contexts={
            "cooking": "slicing a block of cheese",
            "art": "cutting a clay sculpture",
            "building": "sawing through a wooden beam",
            "nature": "the rings you see when a tree trunk is cut",
        },
        big_idea=(
            "Slicing a solid with a flat plane leaves a two-dimensional cross section, and its shape depends on "
            "the cut: slicing a rectangular prism parallel to a face gives a rectangle, and slicing a pyramid "
            "parallel to its base gives a smaller copy of the base."
        ),
        approach=(
            "Picture or build the three-dimensional figure, such as a rectangular prism or a pyramid.",
            "Decide how the plane cuts it: parallel to the base, perpendicular to it, or at a slant.",
            "Sketch the cross section by tracing where the plane meets each face.",
            "Name the two-dimensional figure that results, and check by slicing a clay model.",
        ),
        mistakes=(
            "drawing the outside of the solid instead of the cut face",
            "thinking every slice of a prism is a rectangle",
            "forgetting that a slanted cut can make a different figure",
        ),
        hands_on=_HandsOn(
            name="Clay slicing",
            materials=("modeling clay", "dental floss or a plastic knife", "paper and pencils"),
            steps=(
                "Mold clay into a right rectangular prism.",
                "Predict the shape of a slice parallel to one face, then slice with the floss to check.",
                "Mold a square pyramid; slice it parallel to the base, then straight down through the tip.",
                "Sketch each cross section and name the figure.",
            ),
        ),
        worked=_Worked(
            question="A right rectangular prism measures 6 cm by 4 cm by 3 cm. What is the cross section when it is "
            "sliced parallel to its 6 cm by 4 cm face?",
            steps=(
                "A slice parallel to a face cuts every edge that meets that face at the same height.",
                "So the cross section is a copy of the face.",
            ),
            answer="A 6 cm by 4 cm rectangle.",
        ),
        try_it=(
            "What figure is a slice of a square pyramid made parallel to its base?",
            "A square, smaller than the base.",
        ),
    ),
    _Topic(
        pattern=r"volume|surface area|nets|prism|cylinder|cone|sphere|three-? ?dimensional",
        big_idea=(
            "Volume counts the cubic units that fill a solid, and surface area the square units that cover it. "
            "A prism's or a cylinder's volume is the area of its base times its height; a cone holds 1/3 of the "
            "cylinder with the same base and height, and a sphere's volume formula is V = (4/3)πr³."
        ),
        approach=(
            "Sketch the solid and label its dimensions, with units.",
            "Decide: volume (filling, in cubic units) or surface area (covering, in square units)?",
            "Choose the formula: for volume, the area of the base times the height (a third of that for a cone, "
            "(4/3)πr³ for a sphere); for surface area, unfold the solid into a net and add the areas of the faces.",
            "Check the units, and that the size is reasonable.",
        ),
        contexts={
            "cooking": "how much soup a cylindrical can holds",
            "building": "the cardboard needed for a shipping box",
            "art": "the wrapping paper needed for a gift box",
        },
        mistakes=(
            "adding the areas of only the faces you can see",
            "giving a volume in square units instead of cubic units",
        ),
        hands_on=_HandsOn(
            name="Build it, fill it",
            materials=("cardstock nets", "scissors", "tape", "rulers", "unit cubes or dry rice"),
            steps=(
                "Cut out the nets and fold them into solids; before taping, measure each face.",
                "Add the areas of the faces to find each solid's surface area.",
                "Fill each solid with cubes or rice to compare volumes, and check with the formula.",
                "Predict how many times the cone fills the cylinder with the same base and height, then test it.",
            ),
        ),
    ),
    _Topic(
        pattern=r"scale drawing|at a different scale",
        worked=_Worked(
            question="On a floor plan, 1 inch stands for 4 feet. A room measures 3.5 inches by 3 inches on the "
            "plan. What are its real length, width and area?",
            steps=(
                "Multiply each length on the plan by 4: 3.5 × 4 = 14 feet and 3 × 4 = 12 feet.",
                "Find the real area: 14 × 12 = 168 square feet.",
                "Check: the area on the plan is 10.5 square inches, and areas scale by 4² = 16: 10.5 × 16 = 168.",
            ),
            answer="The room is 14 feet by 12 feet, with an area of 168 square feet.",
        ),
        try_it=(
            "A map's scale is 1 cm to 5 km. Two towns are 7 cm apart on the map. How far apart are they?",
            "35 km.",
        ),
        contexts={
            "building": "the floor plan of a tiny house",
            "art": "enlarging a comic panel to poster size",
            "nature": "a trail map of a state park",
        },
        mistakes=(
            "multiplying areas by the scale factor instead of by its square",
            "mixing the units of the scale, such as inches on the drawing and feet in real life",
        ),
        hands_on=_HandsOn(
            name="Floor plan of our classroom",
            materials=("tape measures", "grid paper", "rulers"),
            steps=(
                "Measure the classroom and three pieces of furniture.",
                "Choose a scale (for example 1 square = 2 feet) and draw the floor plan.",
                "Redraw it at a different scale and compare the two drawings.",
                "Use your drawing to find the real area of the floor and check it with your measurements.",
            ),
        ),
    ),
    _Topic(
        pattern=r"\barea\b|polygon|triangles|quadrilateral",
        worked=_Worked(
            question="What is the area of a triangle with a base of 10 cm and a height of 6 cm?",
            steps=(
                "Two copies of the triangle make a parallelogram with the same base and height.",
                "The parallelogram's area is base × height: 10 × 6 = 60 cm².",
                "The triangle is half of it: 60 ÷ 2 = 30 cm².",
            ),
            answer="30 cm².",
        ),
        try_it=(
            "A trapezoid has bases of 8 m and 4 m and a height of 5 m. What is its area?",
            "30 m²: the average of the bases, 6 m, times the height, 5 m.",
        ),
        contexts={
            "building": "carpeting a bedroom with an L-shaped floor",
            "art": "the fabric needed for a triangular banner",
            "nature": "a raised garden bed shaped like a trapezoid",
        },
        mistakes=(
            "using a slanted side as the height of a triangle or parallelogram",
            "mixing up area and perimeter",
        ),
    ),
    _Topic(
        pattern=r"percent",
        worked=_Worked(
            question="A $48 hoodie is marked 25% off. What is the sale price?",
            steps=(
                "25% means 25 per 100, which is 1/4. Draw a tape diagram of $48 cut into 4 equal parts.",
                "Find the discount: one part, 1/4 of $48, is $12.",
                "Subtract it from the price: $48 − $12 = $36.",
                "Check: the sale price is 75% of the price, and 0.75 × 48 = 36.",
            ),
            answer="The sale price is $36.",
        ),
        try_it=("12 is 30% of what number?", "40: if 30% is 12, then 10% is 4, and 100% is 40."),
        contexts={
            "money": "the sale price of a $48 hoodie marked 25% off",
            "cooking": "the tip on a family dinner bill",
            "sports": "a team's winning percentage over a season",
        },
        mistakes=(
            "finding the discount and forgetting to subtract it from the price",
            "treating a percent as a number of items rather than a rate per 100",
        ),
        big_idea=(
            "A percent is a rate out of 100, so 30% of an amount is 30/100 of it: you can find a part from the "
            "whole, or the whole from a part. Percent problems are ratio problems: tax, tips, markups, discounts "
            "and percent increase and decrease all scale a quantity proportionally."
        ),
        approach=(
            "Write the percent as a rate per 100, a fraction or a decimal: 25% = 25/100 = 0.25.",
            "Draw a tape diagram or a double number line from 0% to 100%, with the whole at 100%.",
            "To find a part, multiply the whole by the rate; to find the whole, go from the part to 1% or 10% "
            "and scale up to 100%; for a percent increase or decrease (a markup, a discount, a tax), find the "
            "change and add or subtract it.",
            "Check that the answer makes sense: a part under 100% is less than the whole.",
        ),
        hands_on=_HandsOn(
            name="Shopping with percents",
            materials=("printed store flyers", "10 × 10 grids", "colored pencils", "calculators for checking only"),
            steps=(
                "Choose three items from the flyer and note their prices.",
                "For each item, shade a 10 × 10 grid to show the discount your teacher gives you.",
                "Use the grid to find the amount saved and the sale price, then check with a calculator.",
                "Compare: is 30% off a $40 item the same savings as 40% off a $30 item? Explain.",
            ),
        ),
    ),
    _Topic(
        pattern=r"proportional",
        worked=_Worked(
            question="Apples cost $6 for 4 pounds and $9 for 6 pounds. Is the cost proportional to the weight? If "
            "so, write an equation.",
            steps=(
                "Divide the cost by the weight for each pair: 6 ÷ 4 = 1.5 and 9 ÷ 6 = 1.5.",
                "The ratio is the same for both, so the cost is proportional to the weight, with a constant of "
                "proportionality of 1.5 dollars per pound.",
                "Write the equation c = 1.5w, where c is the cost and w the weight in pounds.",
            ),
            answer="Yes: c = 1.5w, or $1.50 a pound.",
        ),
        try_it=(
            "A table shows the pairs (2, 10), (3, 15) and (5, 26). Is the relationship proportional?",
            "No: 10 ÷ 2 = 5 and 15 ÷ 3 = 5, but 26 ÷ 5 = 5.2.",
        ),
        contexts={
            "cooking": "the cost of apples sold by the pound",
            "technology": "the size of a download after each second at a steady speed",
            "sports": "the distance a runner covers at a steady pace",
        },
        mistakes=(
            "calling every straight-line graph proportional, even one that does not pass through (0, 0)",
            "thinking that any two quantities that both increase are proportional",
        ),
        big_idea=_DOMAINS["RP", "6-8"].big_idea,
        approach=_DOMAINS["RP", "6-8"].approach,
        hands_on=_HandsOn(
            name="Steady-pour lab",
            materials=("a measuring cup", "a jug of water", "a stopwatch", "graph paper"),
            steps=(
                "One partner pours water at a steady rate while the other calls out every 5 seconds.",
                "Record the volume in the cup at each call in a table.",
                "Graph volume against time. Does the graph go through (0, 0)? Is it a straight line?",
                "Find the constant of proportionality and write an equation for the volume after t seconds.",
            ),
        ),
    ),
    _Topic(
        pattern=r"unit rate|\brates?\b|speed|unit pricing|measurement units",
        worked=_Worked(
            question="Which is the better buy: 12 ounces of yogurt for $3.60 or 20 ounces for $5.40?",
            steps=(
                "Find the unit price of the small size: $3.60 ÷ 12 = $0.30 per ounce.",
                "Find the unit price of the large size: $5.40 ÷ 20 = $0.27 per ounce.",
                "Compare the unit rates: $0.27 per ounce is less than $0.30 per ounce.",
            ),
            answer="The 20-ounce size is the better buy.",
        ),
        try_it=(
            "A car travels 150 miles on 5 gallons of gas. How far can it travel on 8 gallons?",
            "240 miles: the unit rate is 30 miles per gallon, and 30 × 8 = 240.",
        ),
        contexts={
            "sports": "the paces of two runners in a 5K race",
            "money": "the better deal between two sizes of cereal box",
            "technology": "download speeds in megabytes per second",
            "cooking": "the cost per ounce of two sizes of yogurt",
        },
        mistakes=(
            "dividing in the wrong order, so you find hours per mile when you wanted miles per hour",
            "comparing prices without putting them in the same unit first",
        ),
        hands_on=_HandsOn(
            name="Hallway speed trials",
            materials=("a tape measure", "stopwatches", "a recording table"),
            steps=(
                "Mark a 20-meter course in the hallway.",
                "Time each person walking, then speed-walking, the course.",
                "Find each speed as a unit rate in meters per second.",
                "Use your unit rate to predict how long you would take to walk 100 meters, then convert your "
                "speed to meters per minute.",
            ),
        ),
    ),
    _Topic(
        pattern=r"\bratios?\b",
        worked=_Worked(
            question="A recipe uses 2 cups of flour for every 3 eggs. How much flour goes with 12 eggs?",
            steps=(
                "Start a ratio table with the pair you know: 2 cups of flour, 3 eggs.",
                "Scale both quantities by the same factor: 12 eggs is 4 times 3 eggs, so multiply both by 4.",
                "2 × 4 = 8 cups of flour for 3 × 4 = 12 eggs.",
            ),
            answer="8 cups of flour.",
        ),
        try_it=(
            "The ratio of boys to girls in a class is 3:4, and there are 12 girls. How many boys are there?",
            "9 boys: 12 girls is 3 times 4, so there are 3 times 3 boys.",
        ),
        contexts={
            "cooking": "a pancake recipe that has to be scaled up to feed the whole class",
            "art": "mixing blue and yellow paint so every batch comes out the same green",
            "sports": "two players' free throws made compared with free throws attempted",
            "music": "the number of beats in each bar of a song",
        },
    ),
    _Topic(
        pattern=r"coordinate|ordered pairs|quadrant",
        worked=_Worked(
            question="How far apart are the points (−3, 4) and (5, 4)?",
            steps=(
                "Both points have y-coordinate 4, so they lie on the same horizontal line.",
                "The distance from −3 to 0 is |−3| = 3, and from 0 to 5 is 5.",
                "Add the two distances: 3 + 5 = 8.",
            ),
            answer="8 units.",
        ),
        try_it=("In which quadrant is the point (−2, −6)?", "Quadrant III: both coordinates are negative."),
        contexts={
            "games": "a treasure map drawn on a coordinate grid",
            "space": "locating stars on a sky chart",
            "sports": "the positions of players on a soccer field diagram",
        },
        mistakes=("plotting (3, 5) at 5 across and 3 up", "counting the axis lines instead of the spaces"),
        big_idea=(
            "Two number lines at right angles make a map: an ordered pair says exactly where a point is, and its "
            "signs say which quadrant it is in."
        ),
        approach=(
            "Find the origin, and check which axis is x (across) and which is y (up and down).",
            "Read each ordered pair as (across, up), paying attention to the signs.",
            "Plot the points and label them.",
            "Use the coordinates to answer the question, such as a distance along a grid line, and check it on the "
            "graph.",
        ),
        hands_on=_HandsOn(
            name="Floor-grid treasure hunt",
            materials=("masking tape for axes on the floor", "index cards", "a recording sheet"),
            steps=(
                "Tape an x-axis and a y-axis on the floor and mark whole numbers from −5 to 5 on each.",
                "One partner hides a 'treasure' card at a point and writes its ordered pair.",
                "The other partner walks to the point using only the ordered pair, then names its quadrant.",
                "Find the distance between two treasures that share an x- or y-coordinate, and explain how you "
                "used the coordinates.",
            ),
        ),
    ),
    _Topic(
        pattern=r"inequalit",
        contexts={
            "money": "staying under a $30 budget at the school store",
            "sports": "the fewest points a team needs to make the playoffs",
            "games": "the score you must beat to unlock the next level",
        },
        mistakes=(
            "forgetting that an inequality can have many solutions, not just one",
            "using an open circle where the value is included (≤ or ≥)",
        ),
        big_idea=(
            "An inequality such as x > 4 represents a condition or a constraint. It has infinitely many "
            "solutions, which you can show on a number line diagram with an open or closed circle and an arrow."
        ),
        approach=(
            "Read the condition and decide its direction: at least (≥), at most (≤), more than (>), less than (<).",
            "Write the inequality with a variable, such as x ≤ 30.",
            "Solve it as you would an equation, keeping track of the inequality sign.",
            "Show the solutions on a number line, and test one value that should work and one that should not.",
        ),
    ),
    _Topic(
        pattern=r"equation",
        contexts={},
        big_idea=(
            "An equation says that two expressions are equal, and solving it means finding the values of the "
            "variable that make it true: one solution, no solution, or infinitely many solutions. You find them "
            "by undoing what was done to the variable, one step at a time, on both sides."
        ),
        approach=(
            "Write the equation with a letter for the unknown, in a form such as x + p = q, px = q or px + q = r.",
            "Undo the operations on the variable, doing the same thing to both sides: subtract to undo adding, "
            "divide to undo multiplying.",
            "Simplify each side as you go; a linear equation can end with one solution, no solution or "
            "infinitely many solutions.",
            "Substitute the solution into the original equation to check it.",
        ),
        mistakes=(
            "doing an operation to one side of an equation but not the other",
            "dividing only one term of a side by the coefficient",
            "reading 0 = 5 as the solution x = 0 instead of 'no solution'",
        ),
    ),
    _Topic(
        pattern=r"expression|variable|properties of operations",
        contexts={},
        big_idea=(
            "An expression is a recipe for a number, written with numbers, variables (letters that stand for "
            "numbers) and operations, and rewriting it in an equivalent form can show something new about the "
            "quantities in it. Properties of operations do the rewriting: 4(x + 3) = 4x + 12, and a + 0.05a = "
            "1.05a shows that adding 5% is multiplying by 1.05."
        ),
        approach=(
            "Read the expression in words: which operations, in what order, on which letters?",
            "Evaluate it by substituting a value for each letter, or rewrite it with a property of operations "
            "(distributive, commutative or associative).",
            "Combine like terms, and test a value to check that the new expression is equivalent.",
            "Say what the new form shows in the context, such as 1.05a meaning 'increase by 5%'.",
        ),
    ),
    _Topic(
        pattern=r"fraction",
        big_idea=(
            "Division by a fraction asks how many of that fraction fit: 6 ÷ 3/4 asks how many 3/4s are in 6. The "
            "quotient can be found with a model, with a common denominator, or by multiplying by the reciprocal, "
            "and multiplication checks it."
        ),
        approach=(
            "Say the division as a question: how many 3/4s are in 6, or how much is in one group?",
            "Draw a model: a number line, a tape diagram or an area model.",
            "Compute: rename with a common denominator and divide the numerators, or multiply by the reciprocal.",
            "Check by multiplying the quotient by the divisor, and interpret the answer in the word problem.",
        ),
        worked=_Worked(
            question="How many 3/4-cup servings are in 6 cups of trail mix?",
            steps=(
                "Write the division: 6 ÷ 3/4.",
                "Each cup is 4 fourths, so 6 cups is 24 fourths.",
                "24 fourths ÷ 3 fourths = 8.",
                "Check by multiplying: 8 × 3/4 = 24/4 = 6.",
            ),
            answer="8 servings.",
        ),
        try_it=("Find 2/3 ÷ 1/6.", "4: 2/3 is 4/6, and there are 4 sixths in 4/6."),
        contexts={
            "cooking": "how many ¾-cup servings are in 6 cups of trail mix",
            "building": "how many ¾-foot shelves can be cut from a 10½-foot board",
            "art": "how many ⅔-yard ribbons can be cut from 4 yards",
        },
        mistakes=("flipping the wrong fraction when dividing", "expecting division always to give a smaller number"),
        hands_on=_HandsOn(
            name="Fraction strip division",
            materials=("fraction strips", "grid paper", "colored pencils"),
            steps=(
                "Lay out 2 whole strips and ask: how many ¾ strips fit along them?",
                "Count the whole ¾ pieces, then decide what fraction of a ¾ piece the leftover is.",
                "Record the division as an equation and check it by multiplying.",
                "Make up a problem about sharing food that uses the same division.",
            ),
        ),
    ),
    _Topic(
        pattern=r"factor|multiple",
        worked=_Worked(
            question="What is the greatest common factor of 24 and 36?",
            steps=(
                "List the factors of 24: 1, 2, 3, 4, 6, 8, 12, 24.",
                "List the factors of 36: 1, 2, 3, 4, 6, 9, 12, 18, 36.",
                "Circle the common factors: 1, 2, 3, 4, 6 and 12. The greatest is 12.",
            ),
            answer="12: 24 cookies and 36 brownies fill 12 identical bags of 2 cookies and 3 brownies.",
        ),
        try_it=("What is the least common multiple of 4 and 6?", "12."),
        contexts={
            "cooking": "packing 24 cookies and 36 brownies into identical bags with nothing left over",
            "music": "two drum patterns that repeat every 4 and every 6 beats",
            "sports": "splitting 18 girls and 24 boys into equal teams",
        },
        mistakes=(
            "mixing up the greatest common factor and the least common multiple",
            "stopping at a common factor that is not the greatest one",
        ),
        big_idea=(
            "Factors and multiples describe how whole numbers are built from each other: the greatest common "
            "factor splits things into equal groups, and the least common multiple finds when patterns line up."
        ),
        approach=(
            "List the factors (or the first several multiples) of each number.",
            "Circle the ones the lists share.",
            "Pick the greatest common factor or the least common multiple, whichever the question needs.",
            "Check by dividing (or multiplying), and say what the number means in the situation.",
        ),
        hands_on=_HandsOn(
            name="Arrays and packaging",
            materials=("square tiles", "grid paper", "a hundred chart"),
            steps=(
                "Build every rectangle you can with 24 tiles, then with 36 tiles, and record the side lengths.",
                "Which side lengths appear in both lists? The largest one is the greatest common factor.",
                "On the hundred chart, circle multiples of 4 in one color and of 6 in another; find the first "
                "number circled in both.",
                "Explain which of the two ideas answers 'how many identical bags?' and which answers 'when do "
                "the patterns line up?'",
            ),
        ),
    ),
    _Topic(
        pattern=r"decimal|divide multi-digit|algorithm",
        big_idea=(
            "The standard algorithms for multi-digit numbers and decimals work place by place: line up place "
            "values to add and subtract, and to divide, repeat estimate, multiply, subtract and bring down until "
            "the quotient is complete."
        ),
        approach=(
            "Estimate the answer with rounded numbers first.",
            "Line up the digits by place value, with the decimal points under each other to add or subtract.",
            "Follow the standard algorithm step by step; for long division: divide, multiply, subtract, bring down "
            "the next digit.",
            "Check with the inverse operation, and compare with your estimate.",
        ),
        contexts={
            "money": "splitting a restaurant bill evenly among friends",
            "sports": "a softball player's batting average",
            "cooking": "the cost of 2.5 pounds of cheese at $6.40 a pound",
        },
        mistakes=(
            "lining up decimals by their last digit instead of by the decimal point",
            "losing track of zeros in the quotient when dividing",
        ),
        hands_on=_HandsOn(
            name="Menu math",
            materials=("printed restaurant menus", "order slips", "calculators for checking only"),
            steps=(
                "In a group of four, each person orders from the menu on an order slip.",
                "Add the bill by hand, lining up decimal points.",
                "Split the bill evenly by long division, then check with a calculator.",
                "Work out a 15% tip and each person's new share.",
            ),
        ),
    ),
    _Topic(
        pattern=r"negative|opposite|absolute value|rational number|integer|number line|additive inverse|order",
        contexts={
            "nature": "a week of winter temperatures above and below zero",
            "money": "a bank account with deposits and withdrawals",
            "sports": "yards gained and lost on the plays of a football drive",
            "space": "the temperature on the day side and the night side of the Moon",
        },
        mistakes=(
            "thinking −8 is greater than −3 because 8 is greater than 3",
            "believing that subtracting always makes a number smaller",
            "confusing the absolute value of a number with its opposite",
        ),
        # Standards of the EE domain that name rational numbers (7.EE.B.3) are about them, not about equations.
        big_idea=_DOMAINS["NS", "6-8"].big_idea,
        approach=_DOMAINS["NS", "6-8"].approach,
        hands_on=_DOMAINS["NS", "6-8"].hands_on,
    ),
)

# Kindergarten to grade 5. A topic that means different work at different grades (telling time to the hour
# in grade 1, time intervals in grade 3) is one `_Topic` per grade, the later ones `replace`d from the first
# so they share what stays the same.
_SHAPE_HUNT_K = _HandsOn(
    name="Build a shape",
    materials=("straws or craft sticks", "balls of clay or play dough", "a bag of solid shapes", "paper and crayons"),
    steps=(
        "Use sticks for the sides and clay balls for the corners. Build a triangle.",
        "Build a square and a rectangle. Count the sides and corners of each.",
        "Take a solid shape from the bag. Is it flat or solid? Does it roll, or stack?",
        "Draw the shapes you built. Turn your paper. Are they still the same shapes?",
    ),
)
_COUNT_ON_CHART = _HandsOn(
    name="Hundred-chart hop",
    materials=("a number chart (to 100 in kindergarten, to 120 in grade 1)", "a counter", "number cards", "a pencil"),
    steps=(
        "Pick a number card and put your counter on that number.",
        "Hop forward one number at a time and say each number out loud.",
        "Now hop by tens, straight down the chart. What do you notice about the numbers?",
        "Write the numbers you landed on.",
    ),
)
_COUNT_SEQUENCE = _Topic(
    pattern=r"count to 100|count forward",
    grades=("K",),
    contexts={
        "sports": "counting jumps on a jump rope",
        "games": "counting to 100 in hide-and-seek",
        "nature": "counting steps on a nature walk",
        "music": "counting claps in a clapping song",
    },
    big_idea=(
        "When we count forward, the numbers always come in the same order, the count sequence, and they follow a "
        "pattern: after a 9 comes a new ten. Counting by tens is a fast way to count: 10, 20, 30..."
    ),
    approach=(
        "Begin at the number you are given. You do not have to begin at 1.",
        "Count forward: say the next number, and the next. Use a number chart to check.",
        "When the ones get to 9, the next number starts a new ten: 29, 30.",
        "To count by tens, move straight down the number chart: 10, 20, 30.",
    ),
    mistakes=(
        "going from 29 back to 20 instead of on to 30",
        "skipping the teen numbers, or saying 'eleventy'",
        "writing numbers backwards, such as 21 for 12",
    ),
    hands_on=_COUNT_ON_CHART,
    worked=_Worked(
        question="Count forward from 27. What are the next four numbers?",
        steps=(
            "Start at 27. Do not go back to 1.",
            "Say the next number: 28. Then 29.",
            "After 29 the ones start again, and there is one more ten: 30.",
            "Then 31.",
        ),
        answer="28, 29, 30, 31.",
    ),
    try_it=("Start at 8 and count forward to 14. Write the numbers.", "8, 9, 10, 11, 12, 13, 14."),
)
_TELL_TIME = _Topic(
    pattern=r"\btime\b",
    grades=("1",),
    contexts={
        "sports": "the time soccer practice starts",
        "cooking": "the time lunch begins",
        "nature": "the time the sun sets",
        "music": "the time music class starts",
        "games": "the time recess ends",
    },
    big_idea=(
        "A clock shows the time. The short hand points to the hour. When the long hand points to 12, it is "
        "o'clock. When the long hand points to 6, it is half past the hour."
    ),
    approach=(
        "Find the short hand. Which number is it on, or just past?",
        "Find the long hand. Is it on 12 or on 6?",
        "Say the time: '3 o'clock' or 'half past 3'.",
        "Write it the way a digital clock shows it: 3:00 or 3:30.",
    ),
    mistakes=(
        "mixing up the hour hand and the minute hand",
        "at half past 3, reading the hour as 4 because the short hand is between 3 and 4",
        "writing half past 3 as 3:50",
    ),
    hands_on=_HandsOn(
        name="Make a paper clock",
        materials=("a paper plate", "a brass fastener", "two paper hands, one short and one long", "crayons"),
        steps=(
            "Write the numbers 1 to 12 around the plate, like a clock.",
            "Fasten the two hands in the middle.",
            "Show 7 o'clock, then half past 7. Which hand moved the most?",
            "Show the time you go to bed. Tell a partner, and write it the digital way.",
        ),
    ),
    worked=_Worked(
        question="The short hand is between 2 and 3. The long hand is on 6. What time is it?",
        steps=(
            "The short hand has passed 2 but not reached 3, so the hour is 2.",
            "The long hand is on 6, so it is half past.",
            "Say it: half past 2.",
        ),
        answer="It is half past 2, or 2:30.",
    ),
    try_it=("The short hand is on 9 and the long hand is on 12. What time is it?", "9 o'clock, or 9:00."),
)
_LINE_PLOT = _Topic(
    pattern=r"line plot|measurement data",
    grades=("2",),
    contexts={
        "nature": "the lengths of leaves collected on a walk",
        "sports": "the lengths of jumps in a standing long jump",
        "art": "the lengths of the crayons in a class box",
        "building": "the lengths of the pencils in a pencil cup",
    },
    big_idea=(
        "A line plot shows measurements on a number line: one X above the number for each measurement. Tall "
        "stacks of X's show the lengths that came up most."
    ),
    approach=(
        "Measure each object to the nearest whole unit, and write the measurements down.",
        "Draw a number line that goes from the smallest to the largest measurement, evenly spaced.",
        "Put one X above the number for each measurement.",
        "Read the plot: which length came up most? What are the longest and the shortest?",
    ),
    mistakes=(
        "skipping numbers on the scale that nobody measured",
        "putting two X's for one measurement, or missing one",
        "measuring from the end of the ruler instead of from 0",
    ),
    hands_on=_HandsOn(
        name="Measure our shoes",
        materials=("rulers in inches", "a long paper number line", "sticky notes", "markers"),
        steps=(
            "Measure your shoe to the nearest inch.",
            "Put a sticky note above that number on the class line plot.",
            "Which length has the most sticky notes?",
            "How much longer is the longest shoe than the shortest?",
        ),
    ),
    worked=_Worked(
        question="You measure 6 pencils: 5, 7, 6, 7, 4 and 7 inches. Make a line plot.",
        steps=(
            "Draw a number line from 4 to 7 inches, with the numbers evenly spaced.",
            "Put an X above 5, then 7, then 6, then 7, then 4, then 7.",
            "Count the X's: 6, one for each pencil.",
            "7 inches has 3 X's, the most.",
        ),
        answer="1 X at 4, 1 at 5, 1 at 6 and 3 at 7. Most of the pencils are 7 inches long.",
    ),
    try_it=(
        "On the same line plot, how much longer is the longest pencil than the shortest?",
        "3 inches: 7 − 4 = 3.",
    ),
)
_FRACTION_LINE_PLOT = replace(
    _LINE_PLOT,
    grades=("3",),
    big_idea=(
        "Measurements can land between whole inches, on halves and fourths. A line plot marked in fourths shows "
        "them all, one X for each measurement."
    ),
    approach=(
        "Measure each object to the nearest fourth of an inch: count the small marks after the last whole inch.",
        "Draw a number line marked in whole numbers, halves and fourths.",
        "Put one X above the mark for each measurement.",
        "Use the plot to answer questions about the data.",
    ),
    mistakes=(
        "counting the marks on the ruler instead of the spaces between them",
        "spacing the halves and fourths unevenly on the number line",
        "leaving out the marks that nobody measured",
    ),
    hands_on=_HandsOn(
        name="Measure to the fraction",
        materials=(
            "rulers marked in halves, fourths and eighths of an inch",
            "a bag of objects (pencils, leaves, crayons, shells)",
            "a long paper strip for the line plot",
            "sticky notes",
        ),
        steps=(
            "Measure each object to the nearest fourth of an inch (eighth, in grades 4 and 5).",
            "Mark a number line in the same fractions and put an X above it for each measurement.",
            "Find the longest and the shortest object and the difference between them.",
            "Write one more question your plot can answer and trade it with another group.",
        ),
    ),
    worked=_Worked(
        question="Four leaves measure 2 1/4, 2 1/2, 2 1/4 and 3 inches. Make a line plot.",
        steps=(
            "Draw a number line from 2 to 3, with marks at 2, 2 1/4, 2 1/2, 2 3/4 and 3.",
            "Put two X's above 2 1/4, one above 2 1/2 and one above 3.",
            "Check: 4 X's for 4 leaves.",
        ),
        answer="Two leaves are 2 1/4 inches long, and the longest is 3 inches.",
    ),
    try_it=("How many of the leaves are longer than 2 1/4 inches?", "2: the ones at 2 1/2 and at 3 inches."),
)
_CLASS_DATA = _Topic(
    pattern=r"data",
    grades=("1",),
    contexts={
        "cooking": "the class's favorite fruits",
        "nature": "the weather on each day of a week",
        "sports": "the games the class likes best at recess",
        "music": "the class's favorite instruments",
    },
    big_idea=(
        "Data is information we collect and organize into categories, such as each child's favorite fruit. We "
        "show it in a chart or graph, and then ask: How many in each category? How many in all? How many more?"
    ),
    approach=(
        "Ask a question and collect the answers.",
        "Organize the answers into categories, with a tally mark for each answer.",
        "Count each group and show the counts in a chart or a graph.",
        "Answer questions: how many in all, and how many more in one group than in another?",
    ),
    mistakes=(
        "counting a tally mark twice, or leaving one out",
        "answering 'how many more?' with the total",
        "drawing pictures of different sizes, so the rows are hard to compare",
    ),
    hands_on=_HandsOn(
        name="Class survey",
        materials=("sticky notes", "chart paper with three columns", "crayons"),
        steps=(
            "Choose a question with three answers, such as 'Which pet do you like best: cat, dog or fish?'",
            "Each child puts a sticky note in one column.",
            "Count each column and write the number at the bottom.",
            "Ask: How many children in all? How many more chose dog than fish?",
        ),
    ),
    worked=_Worked(
        question="In a class vote, 7 children like apples, 4 like bananas and 5 like grapes. How many more "
        "children like apples than bananas?",
        steps=(
            "Find apples: 7. Find bananas: 4.",
            "Draw the two rows and match them one to one.",
            "3 apples have no match: 7 − 4 = 3.",
        ),
        answer="3 more children like apples than bananas.",
    ),
    try_it=("In the same vote, how many children voted in all?", "16: 7 + 4 + 5 = 16."),
)
_EQUAL_SHARES = _Topic(
    pattern=r"partition circles",
    grades=("1",),
    contexts={
        "cooking": "a pizza shared by friends",
        "art": "a sheet of paper folded to make a card",
        "nature": "a round garden split into flower beds",
        "games": "a game board split between teams",
    },
    big_idea=(
        "A shape can be cut into equal shares. Two equal shares are halves. Four equal shares are fourths, also "
        "called quarters. The more equal shares you cut, the smaller each share is."
    ),
    approach=(
        "Draw the shape.",
        "Cut it into 2 or 4 parts that are the same size.",
        "Name each share: a half, or a fourth (a quarter).",
        "Say what the whole is: two halves, or four fourths.",
    ),
    mistakes=(
        "cutting parts that are not the same size and calling them halves",
        "thinking a fourth is bigger than a half because 4 is bigger than 2",
        "counting the lines instead of the shares",
    ),
    hands_on=_HandsOn(
        name="Fold and share",
        materials=("paper circles and rectangles", "scissors", "crayons"),
        steps=(
            "Fold a paper circle in half. Open it and color one half.",
            "Fold another circle in half, and in half again. How many equal shares? Color one fourth.",
            "Put a half next to a fourth. Which is bigger?",
            "Fold a rectangle into fourths in two different ways.",
        ),
    ),
    worked=_Worked(
        question="Two children share a sandwich equally. How much does each child get?",
        steps=(
            "Draw a rectangle for the sandwich.",
            "Draw a line down the middle, so the two parts are the same size.",
            "Each child gets one of the two equal shares.",
            "The whole sandwich is two halves.",
        ),
        answer="Each child gets half of the sandwich.",
    ),
    try_it=("4 friends share a pizza equally. What is each share called?", "A fourth, or a quarter, of the pizza."),
)
_EXPANDED_FORM = _Topic(
    pattern=r"expanded form",
    grades=("2",),
    contexts={
        "money": "the prices of three bikes in a store",
        "sports": "the number of seats in the school gym",
        "games": "the high scores in a board game",
        "nature": "the number of pages in a book about animals",
    },
    big_idea=(
        "A number can be written in three ways: with digits (352), with words (three hundred fifty-two), and in "
        "expanded form (300 + 50 + 2)."
    ),
    approach=(
        "Read the number from left to right: hundreds, then tens, then ones.",
        "Write the value of each digit.",
        "Join the values with + signs for expanded form.",
        "Write the number name the way you say it.",
    ),
    mistakes=(
        "writing three hundred five as 3005",
        "writing 352 in expanded form as 3 + 5 + 2",
        "leaving out a zero: 408 is 400 + 8, not 48",
    ),
    hands_on=_HandsOn(
        name="Three ways to write it",
        materials=(
            "base-ten blocks",
            "digit cards",
            "expanded-form arrow cards (hundreds, tens and ones)",
            "mini whiteboards",
        ),
        steps=(
            "Draw three digit cards and make a number.",
            "Build it with blocks.",
            "Lay the arrow cards on top of each other to show the number, then pull them apart for expanded form.",
            "Write the number name. Your partner reads it back to check.",
        ),
    ),
    worked=_Worked(
        question="Write 352 in expanded form and in words.",
        steps=(
            "3 is in the hundreds place: 300.",
            "5 is in the tens place: 50.",
            "2 is in the ones place: 2.",
            "Say it: three hundred fifty-two.",
        ),
        answer="352 = 300 + 50 + 2, three hundred fifty-two.",
    ),
    try_it=("Write 600 + 9 as a number.", "609."),
)
_TWO_STEP = _Topic(
    pattern=r"two-step word problems",
    grades=("3",),
    contexts={
        "sports": "buying shirts for a team",
        "cooking": "baking batches of cookies for a bake sale",
        "money": "saving pocket money for a new game",
        "nature": "planting rows of flowers in the school garden",
    },
    big_idea=(
        "A two-step problem needs two operations in the right order, and an equation with a letter for the "
        "unknown keeps track of them. An estimate with rounded numbers tells you whether the answer is "
        "reasonable."
    ),
    approach=(
        "Read the problem and find what it asks.",
        "Plan the two steps: what must you find first?",
        "Write an equation with a letter for the unknown, and solve one step at a time.",
        "Estimate with rounded numbers to check that the answer is reasonable.",
    ),
    mistakes=(
        "stopping after the first step",
        "doing the steps in the wrong order",
        "using every number in the problem, even one that is not needed",
    ),
    hands_on=_HandsOn(
        name="Problem planners",
        materials=("story problem cards", "paper strips for tape diagrams", "mini whiteboards", "markers"),
        steps=(
            "Read a story card with your group.",
            "Draw a tape diagram for each step.",
            "Write one equation with a letter for the unknown, and solve it.",
            "Estimate with rounded numbers and compare with your answer.",
        ),
    ),
    worked=_Worked(
        question="Maria buys 3 packs of 8 pencils. She gives away 5 pencils. How many pencils does she have left?",
        steps=(
            "First step: 3 × 8 = 24 pencils.",
            "Second step: 24 − 5 = 19.",
            "As one equation: p = 3 × 8 − 5.",
            "Estimate: about 25 pencils minus 5 is about 20, and 19 is close.",
        ),
        answer="19 pencils.",
    ),
    try_it=(
        "A class of 28 students splits into teams of 4. Each team gets 2 balls. How many balls are needed?",
        "14 balls: 28 ÷ 4 = 7 teams, and 7 × 2 = 14.",
    ),
)
_PATTERNS = _Topic(
    pattern=r"patterns",
    grades=("3",),
    contexts={
        "art": "a bead necklace with a repeating color pattern",
        "music": "a drum beat that repeats",
        "building": "a staircase built from blocks",
        "games": "the numbers on a hundred chart",
    },
    big_idea=(
        "Patterns in the addition and multiplication tables have reasons. 4 times any number is even, because "
        "4 × n is two equal parts: 2 × n + 2 × n."
    ),
    approach=(
        "Look along a row or column of the table and describe what you see.",
        "Test the pattern on a few more numbers.",
        "Explain why it works with a property of operations or a picture: equal groups, doubles, arrays.",
        "Say it as a rule that works for every number.",
    ),
    mistakes=(
        "checking one example and calling the pattern proved",
        "describing the pattern without explaining why it works",
        "reading across a row when the pattern runs down a column",
    ),
    hands_on=_HandsOn(
        name="Pattern machine",
        materials=("square tiles or counters", "a T-chart", "grid paper", "colored pencils"),
        steps=(
            "Choose a starting number and a rule. Build the first 5 terms with tiles.",
            "Record the terms in a T-chart.",
            "Describe something about the pattern that the rule does not say.",
            "Explain to your partner why it happens.",
        ),
    ),
    worked=_Worked(
        question="Why is 4 times a number always even?",
        steps=(
            "Try some: 4 × 7 = 28, 4 × 3 = 12, 4 × 5 = 20. All even.",
            "4 × 7 is 2 × 7 + 2 × 7: two equal addends.",
            "A number that is two equal addends can be split into two equal groups, so it is even.",
        ),
        answer="4 times a number is a double (2 × n + 2 × n), so it is always even.",
    ),
    try_it=(
        "In the addition table, why is every sum on the diagonal from 1 + 1 to 9 + 9 even?",
        "Each one is a double, n + n, which splits into two equal groups.",
    ),
)
_ROUNDING = _Topic(
    pattern=r"\bround",
    grades=("3",),
    contexts={
        "sports": "the number of fans at a game",
        "nature": "the height of a tree in feet",
        "money": "the price of a bike",
        "cooking": "the number of cookies sold at a bake sale",
    },
    big_idea=(
        "Rounding finds the nearest ten or hundred. On a number line, a number rounds to the ten or hundred it is "
        "closer to, and a number exactly halfway rounds up."
    ),
    approach=(
        "Find the two tens (or hundreds) the number is between.",
        "Mark them, and the halfway point, on a number line.",
        "Place the number. Which end is it closer to?",
        "If it is exactly halfway, round up.",
    ),
    mistakes=(
        "rounding 348 to the nearest hundred by looking at the ones digit (8) instead of the tens digit (4)",
        "rounding down at the halfway point",
        "changing the digits to the right of the rounding place to something other than zero",
    ),
    hands_on=_HandsOn(
        name="Rounding hills",
        materials=("number lines drawn as a hill between two tens", "a counter", "number cards"),
        steps=(
            "Draw a number card and find the two tens it is between.",
            "Put the counter on the hill at your number. Which way would it roll?",
            "Write the number rounded to the nearest ten and to the nearest hundred.",
            "Find three numbers that round to 400.",
        ),
    ),
    worked=_Worked(
        question="Round 368 to the nearest ten and to the nearest hundred.",
        steps=(
            "Nearest ten: 368 is between 360 and 370. Halfway is 365, and 368 is past it, so it rounds to 370.",
            "Nearest hundred: 368 is between 300 and 400. Halfway is 350, and 368 is past it, so it rounds to 400.",
        ),
        answer="370 to the nearest ten, and 400 to the nearest hundred.",
    ),
    try_it=("Round 245 to the nearest ten.", "250: it is exactly halfway between 240 and 250, so it rounds up."),
)
_EQUIVALENT_FRACTIONS = _Topic(
    pattern=r"equivalen",
    grades=("3",),
    contexts={},
    big_idea=(
        "Equivalent fractions name the same amount: 1/2 and 2/4 cover the same part of a whole and sit at the "
        "same point on the number line. Whole numbers can be written as fractions too: 3 = 3/1, and 4/4 = 1."
    ),
    approach=(
        "Draw two fraction models of the same whole, such as two strips of the same length.",
        "Shade each fraction.",
        "Compare: do they cover the same amount, or land on the same point of the number line?",
        "Write the equivalence, such as 1/2 = 2/4.",
    ),
    mistakes=(
        "thinking 2/4 is more than 1/2 because its numbers are bigger",
        "comparing fractions of wholes that are different sizes",
        "thinking 4/4 is more than 1",
    ),
    worked=_Worked(
        question="Show that 1/2 = 2/4.",
        steps=(
            "Draw two strips of the same length.",
            "Cut one into 2 equal parts and shade 1 part.",
            "Cut the other into 4 equal parts and shade 2 parts.",
            "The shaded lengths match.",
        ),
        answer="1/2 and 2/4 cover the same amount, so 1/2 = 2/4.",
    ),
    try_it=("Find a fraction with denominator 6 that is equivalent to 2/3.", "4/6."),
)
_COMPARE_FRACTIONS = _Topic(
    pattern=r"compare two fractions",
    grades=("3",),
    contexts={},
    big_idea=(
        "With the same denominator, the fraction with more parts is greater: 3/8 > 2/8. With the same numerator, "
        "the fraction with bigger parts is greater: 3/4 > 3/8. Both fractions must be of the same whole."
    ),
    approach=(
        "Check that the fractions are of the same whole.",
        "Same denominator? Compare the numerators.",
        "Same numerator? Compare the size of the parts: fewer parts in the whole means bigger parts.",
        "Write >, = or <, and explain with a fraction model.",
    ),
    mistakes=(
        "thinking 1/8 > 1/4 because 8 > 4",
        "comparing fractions of wholes that are different sizes",
        "pointing the < sign the wrong way",
    ),
    worked=_Worked(
        question="Compare 3/4 and 3/8.",
        steps=(
            "The numerators are the same: 3 parts each.",
            "Fourths are bigger parts than eighths, because fewer of them make the whole.",
            "3 big parts are more than 3 small parts.",
        ),
        answer="3/4 > 3/8.",
    ),
    try_it=("Compare 5/6 and 4/6.", "5/6 > 4/6: the parts are the same size, and 5 parts are more than 4."),
)
_PLACE_TIMES_TEN = _Topic(
    pattern=r"ten times",
    grades=("4",),
    contexts={},
    big_idea=(
        "In a whole number, each place is worth ten times the place to its right: the 7 in 700 is worth ten "
        "times the 7 in 70."
    ),
    approach=(
        "Write both numbers in a place-value chart.",
        "Find the digit in each number, and the place it is in.",
        "Count how many places it moved: each place to the left multiplies its value by 10.",
        "Check with division, such as 700 ÷ 70 = 10.",
    ),
    mistakes=(
        "thinking a digit is worth the same in any place",
        "thinking that one place to the left adds 10 instead of multiplying by 10",
        "dropping zeros when writing a digit's value",
    ),
    worked=_Worked(
        question="How many times as much is the 4 in 4,000 as the 4 in 400?",
        steps=(
            "4,000 is 4 thousands and 400 is 4 hundreds.",
            "The thousands place is one place to the left of the hundreds place.",
            "One place to the left is 10 times as much: 4,000 ÷ 400 = 10.",
        ),
        answer="10 times as much.",
    ),
    try_it=("Use place value to find 700 ÷ 70.", "10: 7 hundreds is 70 tens, and 70 tens ÷ 7 tens = 10."),
)
_ALGORITHM = _Topic(
    pattern=r"standard algorithm",
    grades=("4",),
    contexts={},
    big_idea=(
        "The standard algorithm adds or subtracts place by place, from right to left, regrouping when a place "
        "has 10 or more, or not enough. An estimate first tells you whether the answer makes sense."
    ),
    approach=(
        "Estimate by rounding.",
        "Line up the digits by place.",
        "Work from the ones to the left, regrouping 10 of a place as 1 of the next place (or the other way).",
        "Check with the inverse operation, and compare with your estimate.",
    ),
    mistakes=(
        "taking the smaller digit from the bigger one in each column",
        "forgetting the regrouped 1",
        "lining the digits up from the left",
    ),
    worked=_Worked(
        question="Find 5,003 − 2,478.",
        steps=(
            "Estimate: 5,000 − 2,500 = 2,500.",
            "3 − 8 needs regrouping, and the tens and hundreds are 0, so regroup from the thousands: 5,003 is 4 "
            "thousands, 9 hundreds, 9 tens and 13 ones.",
            "Subtract each place: 13 − 8 = 5, 9 − 7 = 2, 9 − 4 = 5, 4 − 2 = 2.",
            "Check: 2,525 + 2,478 = 5,003.",
        ),
        answer="2,525.",
    ),
    try_it=("Find 36,478 + 27,695.", "64,173."),
)
_LONG_DIVISION = _Topic(
    pattern=r"whole-number quotients",
    grades=("4",),
    contexts={
        "sports": "splitting the fans at a game into equal sections",
        "cooking": "packing cookies into boxes for a bake sale",
        "building": "cutting a long board into equal shelves",
        "money": "sharing the money raised by a class fair",
    },
    big_idea=(
        "Divide by place value: share the thousands, then the hundreds, tens and ones, and see what is left "
        "over. Multiplication checks it: quotient × divisor + remainder = dividend."
    ),
    approach=(
        "Estimate the quotient with a multiplication fact you know.",
        "Divide place by place, or take away easy multiples of the divisor (partial quotients).",
        "Write the remainder; it must be less than the divisor.",
        "Check: quotient × divisor + remainder = dividend.",
    ),
    mistakes=(
        "leaving a remainder that is bigger than the divisor",
        "forgetting a zero in the quotient (for 624 ÷ 6, writing 14 instead of 104)",
        "leaving out the remainder when checking",
    ),
    hands_on=_HandsOn(
        name="Share the blocks",
        materials=("base-ten blocks", "paper plates for the groups", "grid paper", "mini whiteboards"),
        steps=(
            "Build the dividend with blocks.",
            "Share the biggest blocks equally onto the plates first.",
            "Trade what is left for smaller blocks and keep sharing. Record each step.",
            "Count one plate (the quotient) and the leftovers (the remainder), and check by multiplying.",
        ),
    ),
    worked=_Worked(
        question="Find 437 ÷ 4.",
        steps=(
            "4 hundreds ÷ 4 = 1 hundred, with nothing left over.",
            "3 tens ÷ 4 = 0 tens, so the 3 tens are left: that is 30 ones, and 37 ones in all.",
            "37 ones ÷ 4 = 9 ones, with 1 left over.",
            "Check: 109 × 4 + 1 = 437.",
        ),
        answer="109 remainder 1.",
    ),
    try_it=("Find 1,250 ÷ 6.", "208 remainder 2."),
)
_COMPARE_DECIMALS = _Topic(
    pattern=r"compare two decimals",
    grades=("4",),
    contexts={
        "sports": "the times of two sprinters in seconds",
        "money": "the prices of two snacks",
        "nature": "the rainfall on two days, in inches",
        "space": "the masses of two moon rocks, in kilograms",
    },
    big_idea=(
        "To compare decimals, compare the same places: tenths with tenths, then hundredths. 0.5 is more than "
        "0.45 because 5 tenths is more than 4 tenths. Both decimals must refer to the same whole."
    ),
    approach=(
        "Line up the decimal points.",
        "Write both numbers with the same number of places: 0.50 and 0.45.",
        "Compare from the left, place by place.",
        "Record the result with >, = or <, and check with a model.",
    ),
    mistakes=(
        "thinking 0.45 > 0.5 because 45 > 5",
        "comparing decimals of different wholes",
        "ignoring the zero in 0.05",
    ),
    hands_on=_HandsOn(
        name="Hundred-grid decimals",
        materials=("10 × 10 grids", "colored pencils", "a meter stick", "decimal cards"),
        steps=(
            "Shade a 10 × 10 grid to show a decimal card, such as 0.45.",
            "Shade another grid for a second card, such as 0.5.",
            "Compare the shaded areas, and write the comparison with >, = or <.",
            "Find both decimals on a meter stick as parts of a meter.",
        ),
    ),
    worked=_Worked(
        question="Compare 0.5 and 0.45.",
        steps=(
            "Write 0.5 as 0.50, so both have hundredths.",
            "Compare the tenths: 5 and 4. 5 tenths is more.",
        ),
        answer="0.5 > 0.45.",
    ),
    try_it=("Compare 0.07 and 0.7.", "0.07 < 0.7: 7 hundredths is less than 7 tenths."),
)
_CONVERT_UNITS = _Topic(
    pattern=r"measurement units|convert",
    grades=("4",),
    contexts={
        "sports": "the length of a race in meters and centimeters",
        "cooking": "a recipe measured in liters and milliliters",
        "nature": "the length of a snake in feet and inches",
        "space": "the time an astronaut spends outside, in hours and minutes",
    },
    big_idea=(
        "Units in one system have fixed sizes: 1 foot is 12 inches, 1 meter is 100 centimeters, 1 kilogram is "
        "1,000 grams and 1 hour is 60 minutes. To change a larger unit into a smaller one, multiply."
    ),
    approach=(
        "Find how many small units make one large unit.",
        "Make a two-column table of large units and small units.",
        "Multiply to convert from the larger unit to the smaller one.",
        "Check that the number of small units is bigger than the number of large units.",
    ),
    mistakes=(
        "dividing when converting to a smaller unit",
        "using 100 for every conversion, as in 1 hour = 100 minutes",
        "forgetting to change the unit's name",
    ),
    hands_on=_HandsOn(
        name="Conversion tables",
        materials=("rulers, yardsticks and meter sticks", "a kitchen scale", "a measuring jug", "a recording sheet"),
        steps=(
            "Measure something in a large unit, such as the room in meters.",
            "Measure it again in a smaller unit, such as centimeters.",
            "Make a two-column table of large and small units, such as (1, 100), (2, 200), (3, 300).",
            "Use the table to convert three more measurements.",
        ),
    ),
    worked=_Worked(
        question="A snake is 4 feet long. How long is it in inches?",
        steps=(
            "1 foot is 12 inches.",
            "Make a table: (1, 12), (2, 24), (3, 36), (4, 48).",
            "Or multiply: 4 × 12 = 48.",
        ),
        answer="48 inches.",
    ),
    try_it=("How many grams are in 3 kilograms?", "3,000 grams."),
)
_PERIMETER = _Topic(
    pattern=r"perimeter",
    grades=("3",),
    contexts={
        "building": "a fence around a garden",
        "art": "a frame around a painting",
        "sports": "running around the edge of a field",
        "games": "the border of a board game",
    },
    big_idea=(
        "Perimeter is the distance all the way around a shape: add the lengths of all its sides. Two rectangles "
        "can have the same area but different perimeters."
    ),
    approach=(
        "Label every side length, and find any missing ones from the sides you know.",
        "Add all the side lengths.",
        "Write the perimeter in units, not square units.",
        "To find a missing side, subtract the known sides from the perimeter.",
    ),
    mistakes=(
        "mixing up perimeter and area",
        "forgetting a side whose length is not written",
        "giving the perimeter in square units",
    ),
    hands_on=_HandsOn(
        name="Fence the garden",
        materials=("square tiles", "grid paper", "string or yarn", "rulers"),
        steps=(
            "Make a rectangle with 12 tiles. Find its area and its perimeter.",
            "Make a different rectangle with 12 tiles. Is the area the same? Is the perimeter?",
            "Use a 20-cm piece of string as a fence. Make rectangles with a perimeter of 20 cm and find their areas.",
            "Which fenced garden has the most space inside?",
        ),
    ),
    worked=_Worked(
        question="A rectangle is 6 cm long and 4 cm wide. What is its perimeter?",
        steps=(
            "The sides are 6, 4, 6 and 4 cm.",
            "Add them: 6 + 4 + 6 + 4 = 20.",
        ),
        answer="20 cm.",
    ),
    try_it=("A square has a perimeter of 24 inches. How long is each side?", "6 inches: 24 ÷ 4 = 6."),
)
_ELEMENTARY_TOPICS = (
    _Topic(
        pattern=r"greater than, less than|compare two numbers between",
        grades=("K",),
        contexts={
            "cooking": "the grapes on two snack plates",
            "games": "the toy cars in two garages",
            "nature": "the ducks on two ponds",
            "sports": "the balls in two baskets",
        },
        big_idea=(
            "To compare two groups, or two written numerals, match the objects one to one, or count: the number "
            "you say later when you count is greater. The group with objects left over has more. If none are left "
            "over, the groups are equal."
        ),
        approach=(
            "To compare, line up the two groups side by side, or find the two numerals on a number path.",
            "Match the objects one to one, or count each group.",
            "The group with some left over is greater, and so is the numeral that comes later. If the counts are "
            "the same, they are equal.",
            "Say it: '7 is greater than 5.'",
        ),
        mistakes=(
            "deciding by which line is longer, not by matching or counting",
            "thinking the group with bigger objects has more",
            "mixing up 'greater than' and 'less than'",
        ),
        hands_on=_HandsOn(
            name="Which has more?",
            materials=("two paper plates", "counting bears or cubes", "number cards 1 to 10"),
            steps=(
                "Put some bears on each plate. Guess: which plate has more?",
                "Line the bears up in two rows, one bear across from another.",
                "Does any bear have no partner? That plate has more.",
                "Count each plate and find its number card. Say: '__ is greater than __.'",
            ),
        ),
        worked=_Worked(
            question="There are 6 red cubes and 4 blue cubes. Are there more red cubes or blue cubes?",
            steps=(
                "Make a row of the 6 red cubes.",
                "Put one blue cube under each red cube, until the blue cubes run out.",
                "Look: 2 red cubes have no blue cube under them.",
            ),
            answer="There are more red cubes. 6 is greater than 4.",
        ),
        try_it=("Which number is greater, 3 or 8? Show each one with your fingers.", "8 is greater than 3."),
    ),
    _Topic(
        pattern=r"cardinality|numbers and quantities|number names?|how many\?|count out",
        grades=("K",),
        contexts={
            "nature": "the ladybugs on a leaf",
            "cooking": "the strawberries in a bowl",
            "games": "the dots on a number cube",
            "sports": "the children in line for the slide",
            "music": "the drums in the music corner",
        },
        big_idea=(
            "Counting connects numbers to quantities: you say one number name for each thing, and the last number "
            "name you say tells how many there are (grown-ups call this cardinality). Each next number name means "
            "a quantity one larger. It does not matter how the things are arranged, or which one you count first."
        ),
        approach=(
            "Touch or point to each object once.",
            "Say the number names in order, one name for each touch: one, two, three...",
            "Keep track. Move each thing aside, or mark the one you started with.",
            "The last number name you say tells how many. Say: 'There are 9.'",
        ),
        mistakes=(
            "counting one thing twice, or skipping one",
            "saying the numbers without touching, so the words run ahead of the things",
            "counting again from 1 when asked 'how many?' instead of saying the last number",
            "losing track of the first one when the things are in a circle",
        ),
        hands_on=_HandsOn(
            name="Count and check",
            materials=(
                "a cup of 10 to 20 small objects (buttons, blocks, shells)",
                "a ten-frame",
                "a paper plate",
                "number cards 1 to 20",
            ),
            steps=(
                "Spill the cup onto the plate. Count the objects, moving each one as you count it.",
                "Put them in a line and count again. Put them in a circle and count again. Is it the same number?",
                "Put them on the ten-frame, one in each box. Count again.",
                "Pick a number card. Count out that many objects for your partner to check.",
            ),
        ),
        worked=_Worked(
            question="7 apples sit in a circle on a plate. How many apples are there?",
            steps=(
                "Put a sticker by one apple. That is where you start.",
                "Touch each apple as you go around. Say one number for each: 1, 2, 3, 4, 5, 6, 7.",
                "Stop when you get back to the apple with the sticker.",
                "The last number you said was 7.",
            ),
            answer="There are 7 apples.",
        ),
        try_it=("How many dots? ● ● ● ● ● ● ● ●", "8 dots. The last number you say tells how many."),
    ),
    _Topic(
        pattern=r"write numbers",
        grades=("K",),
        contexts={
            "cooking": "the cookies on a plate",
            "nature": "the shells in a bucket",
            "art": "the crayons in a box",
            "games": "the dots on a domino",
        },
        big_idea=(
            "A numeral is how we write a number: 7 is the written numeral for seven. We write a numeral to "
            "represent how many objects we counted, and 0 represents a count of no objects at all."
        ),
        approach=(
            "Count the objects.",
            "Say the number you counted.",
            "Write the numeral for it. Check its shape on the number chart.",
            "Ask: does my numeral represent how many there are? An empty plate is written 0.",
        ),
        mistakes=(
            "writing a numeral backwards, such as 12 as 21",
            "mixing up the written numerals 6 and 9",
            "thinking 0 is not a number",
        ),
        hands_on=_HandsOn(
            name="Count and write",
            materials=("a tub of small objects", "paper plates", "paper and crayons", "a number chart from 0 to 20"),
            steps=(
                "Put some objects on a plate. Count them.",
                "Write the numeral on a paper next to the plate.",
                "Find the numeral on the number chart and trace it with your finger to check its shape.",
                "Make an empty plate. Which numeral represents it? Write 0.",
            ),
        ),
        worked=_Worked(
            question="There are 14 crayons. Write the numeral for how many there are.",
            steps=(
                "Count the crayons: 1, 2, 3 ... 14.",
                "Fourteen is ten and four, so the numeral starts with 1 and ends with 4.",
                "Write it: 14. Not 41.",
            ),
            answer="14.",
        ),
        try_it=("A plate has no cookies on it. What numeral represents the number of cookies?", "0."),
    ),
    _COUNT_SEQUENCE,
    replace(
        _COUNT_SEQUENCE,
        pattern=r"count to 120",
        big_idea=(
            "We count past 100 in the same pattern as before, and we read and write each numeral as we go: 101, "
            "102 and on up to 120. Each numeral is written the way we count: one hundred ten is 110."
        ),
        approach=(
            "Start at the number you are given, anywhere below 120.",
            "Count forward: say the next number, and the next. Use a number chart to check.",
            "After 99 comes 100; after 109 comes 110. Read and write each numeral as you say it.",
            "To count a pile of objects, count them and write the numeral that represents how many.",
        ),
        grades=("1",),
        worked=_Worked(
            question="Count forward from 97. Write the next five numbers.",
            steps=(
                "Start at 97. Say 98, then 99.",
                "After 99 comes 100: ten tens make one hundred.",
                "Keep going the way you did after 0: 101, then 102.",
            ),
            answer="98, 99, 100, 101, 102.",
        ),
        try_it=(
            "Count forward from 108 to 115 and write the numbers.",
            "108, 109, 110, 111, 112, 113, 114, 115.",
        ),
    ),
    _Topic(
        pattern=r"11 to 19",
        grades=("K",),
        contexts={
            "cooking": "eggs in a carton of 10, with a few more on the table",
            "art": "crayons in a box of 10 and a few loose ones",
            "nature": "shells collected at the beach",
            "sports": "players on a soccer team and the children waiting to play",
        },
        big_idea=(
            "The numbers 11 to 19 are composed of ten ones and some more ones: 14 is 10 and 4 more. You can "
            "decompose 14 into 10 + 4, and compose it again."
        ),
        approach=(
            "Count out the number with objects.",
            "Fill a ten-frame with ten of them.",
            "Count the ones left over.",
            "Say it and write it: 14 = 10 + 4.",
        ),
        mistakes=(
            "counting the extra ones before the ten-frame is full",
            "writing 14 as 41",
            "thinking the 1 in 14 means one thing, not ten",
        ),
        hands_on=_HandsOn(
            name="Ten and some more",
            materials=("two ten-frames", "counters", "number cards 11 to 19", "a pencil"),
            steps=(
                "Pick a number card from 11 to 19.",
                "Count out that many counters.",
                "Fill one ten-frame. Put the rest on the other ten-frame.",
                "Say it: '16 is 10 and 6 more.' Write 16 = 10 + 6.",
            ),
        ),
        worked=_Worked(
            question="Show 13 with a ten-frame.",
            steps=(
                "Count out 13 counters.",
                "Put 10 counters in the ten-frame, one in each box. It is full.",
                "3 counters are left over.",
            ),
            answer="13 is ten ones and 3 more ones: 13 = 10 + 3.",
        ),
        try_it=("How many ones are there after the ten in 18?", "8 ones: 18 = 10 + 8."),
    ),
    _Topic(
        pattern=r"makes 10",
        grades=("K",),
        contexts={
            "cooking": "eggs in a carton of 10",
            "games": "10 bowling pins, with some knocked down",
            "sports": "10 children, some on the swings and some on the slide",
            "nature": "10 birds, some in the tree and some on the ground",
        },
        big_idea=(
            "Every number from 1 to 9 has a partner to add to it to make 10, and each pair makes an equation: "
            "7 + 3 = 10, 6 + 4 = 10, 9 + 1 = 10. On a ten-frame, the partner is the empty boxes."
        ),
        approach=(
            "Put the number on a ten-frame, one counter in each box.",
            "Count the empty boxes: that is the partner.",
            "Add them to check: 7 + 3 = 10.",
            "Write the equation, or draw the ten-frame.",
        ),
        mistakes=(
            "counting the full boxes instead of the empty ones",
            "finding a partner that makes 9 or 11 instead of 10",
            "writing an equation that does not add up to 10",
        ),
        hands_on=_HandsOn(
            name="Ten-frame partners",
            materials=("a ten-frame", "counters", "number cards 1 to 9", "crayons"),
            steps=(
                "Pick a number card. Put that many counters on the ten-frame.",
                "Count the empty boxes.",
                "Add, and say the equation: '6 and 4 make 10.'",
                "Draw the ten-frame and write the equation: 6 + 4 = 10.",
            ),
        ),
        worked=_Worked(
            question="What number goes with 7 to make 10?",
            steps=(
                "Put 7 counters in a ten-frame.",
                "Look at the empty boxes.",
                "Count the empty boxes: 1, 2, 3.",
            ),
            answer="3. 7 + 3 = 10.",
        ),
        try_it=("What number do you add to 4 to make 10?", "6. 4 + 6 = 10."),
    ),
    _Topic(
        pattern=r"decompose numbers",
        grades=("K",),
        contexts={
            "cooking": "apples split between two baskets",
            "nature": "the spots on a ladybug's two wings",
            "games": "red and yellow counters in a shake-and-spill game",
            "art": "beads of two colors on a bracelet",
        },
        big_idea=(
            "You can decompose a number, or break it apart, into two parts in more than one way, and each way is "
            "an equation: 5 = 4 + 1 and 5 = 3 + 2. When you add the two parts, you get the number back."
        ),
        approach=(
            "Show the number with counters or fingers.",
            "Decompose it: split the counters into two groups.",
            "Count each group and write the equation: 5 = 3 + 2.",
            "Add the two parts to check, then move one counter to the other group to find another way.",
        ),
        mistakes=(
            "finding one pair and stopping",
            "writing a pair that does not add up to the number",
            "counting the whole again instead of the missing part",
        ),
        hands_on=_HandsOn(
            name="Shake and spill",
            materials=(
                "a cup",
                "10 two-color counters (red on one side, yellow on the other)",
                "a ten-frame",
                "a recording sheet",
            ),
            steps=(
                "Put the counters in the cup. Shake it and spill them.",
                "Count the red ones and the yellow ones. Write the pair: 10 = 6 + 4.",
                "Spill again. Did you get a new pair?",
                "Put the counters on a ten-frame and add the two parts, to check that each pair makes 10.",
            ),
        ),
        worked=_Worked(
            question="Find three ways to decompose 5 into two parts.",
            steps=(
                "Show 5 with 5 counters.",
                "Push 1 counter to the side: 4 and 1. Write 5 = 4 + 1.",
                "Push 1 more: 3 and 2. Write 5 = 3 + 2.",
                "Push all 5 to the side: 0 and 5. Write 5 = 0 + 5.",
            ),
            answer="5 = 4 + 1, 5 = 3 + 2 and 5 = 0 + 5. (5 = 2 + 3 and 5 = 1 + 4 work too.)",
        ),
        try_it=(
            "Find two ways to decompose 6 into two parts.",
            "For example 6 = 5 + 1 and 6 = 4 + 2. 6 = 3 + 3 works too.",
        ),
    ),
    _Topic(
        pattern=r"addition and subtraction|add and subtract",
        grades=("K",),
        contexts={
            "nature": "frogs hopping on and off a log",
            "cooking": "cookies eaten at snack time",
            "games": "blocks added to a tower",
            "sports": "children joining a game of tag",
            "music": "bells ringing in a song",
        },
        big_idea=(
            "Addition puts things together and subtraction takes some away: you can represent a story with "
            "objects, fingers, a drawing, claps or an equation, and then count. With practice, you add and "
            "subtract small numbers fluently: you just know them."
        ),
        approach=(
            "Listen to the story. Do you add (put together) or subtract (take away)?",
            "Represent it: act it out, use fingers or objects, make a drawing, or clap the numbers.",
            "Count how many there are now.",
            "Say the answer, and write the equation, such as 3 + 2 = 5.",
        ),
        mistakes=(
            "adding when the story takes some away",
            "forgetting to count the ones that were there at the start",
            "counting the ones taken away instead of the ones that are left",
        ),
        hands_on=_HandsOn(
            name="Act it out",
            materials=("a story mat (a pond or a farm)", "counters or small toy animals", "number cards 0 to 10"),
            steps=(
                "Your partner tells a story: '3 ducks are in the pond. 2 more come.'",
                "Put toys on the mat to act it out.",
                "Count how many ducks there are now. Find the number card.",
                "Tell a take-away story: '5 ducks. 1 flies away.' Act it out and count.",
            ),
        ),
        worked=_Worked(
            question="5 frogs sit on a log. 2 frogs hop away. How many frogs are on the log now?",
            steps=(
                "Draw 5 circles for the 5 frogs.",
                "2 frogs hop away. Cross out 2 circles.",
                "Count the circles that are not crossed out: 1, 2, 3.",
            ),
            answer="3 frogs are on the log. 5 − 2 = 3.",
        ),
        try_it=(
            "4 birds sit on a fence. 3 more come. How many birds are there now? Use your fingers.",
            "7 birds. 4 + 3 = 7.",
        ),
    ),
    _Topic(
        pattern=r"measurable attribute",
        grades=("K",),
        contexts={
            "nature": "two sticks found on the playground",
            "cooking": "a carrot and a banana in a lunch box",
            "building": "two block towers",
            "sports": "two children standing back to back",
            "art": "two pieces of ribbon",
        },
        big_idea=(
            "An object has attributes we can measure: its length (how long), its height (how tall) and its weight "
            "(how heavy). To compare two objects, put them side by side with their ends lined up."
        ),
        approach=(
            "Say which attribute you are comparing: length, height or weight.",
            "Line the two things up at the same starting point, or hold one in each hand.",
            "Look: which one goes past the other? Which one feels heavier?",
            "Say it: 'The pencil is longer than the crayon.'",
        ),
        mistakes=(
            "not lining up the ends before comparing",
            "thinking the taller thing must be the heavier one",
            "saying 'bigger' when the question asks which is longer or heavier",
        ),
        hands_on=_HandsOn(
            name="Longer or shorter?",
            materials=(
                "a string as long as your arm",
                "classroom objects",
                "a bucket balance",
                "a mat marked 'longer' and 'shorter'",
            ),
            steps=(
                "Hold your string next to an object, with the ends lined up.",
                "Put the object on the 'longer' side or the 'shorter' side of the mat.",
                "Hold one object in each hand. Which is heavier? Check with the balance.",
                "Tell a partner about one object: 'It is long. It is light.'",
            ),
        ),
        worked=_Worked(
            question="Which is longer, the pencil or the crayon?",
            steps=(
                "Put the pencil and the crayon side by side on the table.",
                "Line up one end of each at the edge of the table.",
                "Look at the other ends. The pencil goes past the crayon.",
            ),
            answer="The pencil is longer. The crayon is shorter.",
        ),
        try_it=(
            "Stand back to back with a friend, feet on the same floor. Who is taller? How do you know?",
            "The one whose head is higher is taller, because your feet start at the same place.",
        ),
    ),
    _Topic(
        pattern=r"classify objects|categor",
        grades=("K",),
        contexts={
            "art": "a box of crayons",
            "games": "a pile of toy cars",
            "nature": "leaves found on a walk",
            "cooking": "a bowl of mixed fruit",
            "building": "a pile of blocks",
        },
        big_idea=(
            "We can sort things into groups by color, shape or size. Then we count each group and see which "
            "group has the most."
        ),
        approach=(
            "Decide how to sort: by color, shape or size.",
            "Put each thing in its group.",
            "Count each group.",
            "Put the groups in order, from the most to the fewest.",
        ),
        mistakes=(
            "putting one thing in two groups",
            "changing the sorting rule halfway",
            "counting a group twice",
        ),
        hands_on=_HandsOn(
            name="Sort it out",
            materials=(
                "a tub of buttons or blocks in different colors and sizes",
                "sorting hoops or paper plates",
                "sticky notes",
                "a crayon",
            ),
            steps=(
                "Sort the buttons into groups by color.",
                "Count each group. Write the number on a sticky note.",
                "Put the groups in order from the most to the fewest.",
                "Mix them up. Sort them by size and count again.",
            ),
        ),
        worked=_Worked(
            question="Sort the fruit: 3 apples, 5 bananas and 2 pears. Which group has the most?",
            steps=(
                "Put the apples in one pile, the bananas in another and the pears in a third.",
                "Count each pile: apples 3, bananas 5, pears 2.",
                "Put the piles in order: 5, then 3, then 2.",
            ),
            answer="The bananas have the most (5). The pears have the fewest (2).",
        ),
        try_it=(
            "There are 4 red blocks, 6 blue blocks and 1 green block. Which color has the most? Which has the fewest?",
            "Blue has the most (6). Green has the fewest (1).",
        ),
    ),
    _Topic(
        pattern=r"relative positions",
        grades=("K",),
        contexts={
            "nature": "the things on the playground",
            "building": "the doors and windows of the school",
            "cooking": "the food on a lunch tray",
            "games": "the toys on a shelf",
            "art": "a picture of a town",
        },
        big_idea=(
            "We use shape names to talk about things around us, and position words to say where they are: "
            "above, below, beside, in front of, behind, next to."
        ),
        approach=(
            "Look at the object. What shape does it look like?",
            "Say the shape name: 'The clock is a circle.'",
            "Look at what is near it.",
            "Use a position word: 'The clock is above the door.'",
        ),
        mistakes=(
            "mixing up 'in front of' and 'behind'",
            "saying 'next to' for something that is above",
            "naming a solid object by a flat shape, such as calling a ball a circle",
        ),
        hands_on=_HandsOn(
            name="I spy shapes",
            materials=(
                "shape cards (circle, square, triangle, rectangle, hexagon)",
                "a toy bear",
                "a box",
                "paper and crayons",
            ),
            steps=(
                "Play 'I spy': 'I spy a circle above the board.' Your partner finds it.",
                "Put the bear above, below, beside, in front of and behind the box. Say where it is each time.",
                "Hold up a shape card. Find something in the room with that shape.",
                "Draw your desk and the things on it. Tell where each thing is.",
            ),
        ),
        worked=_Worked(
            question="Tell about the clock in our classroom.",
            steps=(
                "Look at the clock. It is round, like a circle.",
                "Look at what is near it. The door is under it.",
                "Put it together with a position word.",
            ),
            answer="The clock is a circle. It is above the door.",
        ),
        try_it=(
            "A ball is under a table, and a box is next to the ball. Draw it. Where is the table?",
            "The table is above the ball.",
        ),
    ),
    _Topic(
        pattern=r"compose (?:simple|two-dimensional)|composite shape",
        grades=("K", "1"),
        contexts={
            "art": "a picture made of pattern blocks",
            "building": "a wall made of blocks",
            "games": "a tangram puzzle",
            "cooking": "sandwich halves put back together",
            "nature": "a honeycomb made of hexagons",
        },
        big_idea=(
            "Small shapes can be put together to make bigger shapes. Two triangles can make a square, two "
            "squares can make a rectangle, and the big shape can be used to make new shapes."
        ),
        approach=(
            "Pick the shapes you will use.",
            "Slide, turn or flip them so that whole sides touch.",
            "Look at the outline of the new shape, and name it.",
            "Try another way to make the same shape.",
        ),
        mistakes=(
            "leaving gaps, or putting one piece on top of another",
            "touching corner to corner instead of side to side",
            "thinking there is only one way to make a shape",
        ),
        hands_on=_HandsOn(
            name="Pattern block puzzles",
            materials=("pattern blocks", "outline puzzles to fill", "paper and crayons"),
            steps=(
                "Cover a hexagon with other blocks. How many ways can you do it?",
                "Fill an outline puzzle with blocks, with no gaps.",
                "Trace your blocks to make a picture. Count each shape you used.",
                "Make a big shape and ask your partner to copy it.",
            ),
        ),
        worked=_Worked(
            question="Can you join two triangles, with full sides touching, to make a rectangle?",
            steps=(
                "Cut a paper rectangle from one corner to the opposite corner. Now you have two triangles.",
                "Turn one triangle so its long side faces the long side of the other.",
                "Slide them together so the long sides touch all the way along.",
                "Look at the outline: 4 sides and 4 square corners.",
            ),
            answer="Yes. Two triangles with their long sides touching make a rectangle.",
        ),
        try_it=("How many green triangle blocks cover one yellow hexagon block?", "6 triangles."),
    ),
    _Topic(
        pattern=r"shapes?",
        grades=("K",),
        contexts={},
        big_idea=(
            "A shape keeps its name when it is turned, or made bigger or smaller. Flat shapes (2-D) lie on "
            "paper. Solid shapes (3-D) you can hold. Shapes have sides and corners you can count, and you can "
            "build a shape from sticks and clay, or draw it."
        ),
        approach=(
            "Look at the shape from different sides.",
            "Count the sides and the corners.",
            "Is it flat or solid?",
            "Build it from sticks and clay balls, or draw it, and name it. A triangle has 3 sides and 3 corners, "
            "whichever way it is turned.",
        ),
        mistakes=(
            "thinking a turned triangle is not a triangle",
            "calling a flat square a cube, or a ball a circle",
            "thinking a long, thin triangle is not a real triangle",
        ),
        hands_on=_SHAPE_HUNT_K,
        worked=_Worked(
            question="A shape stands on one corner. It has 3 straight sides and 3 corners. Is it a triangle?",
            steps=(
                "Count the sides: 1, 2, 3.",
                "Count the corners: 1, 2, 3.",
                "Check that the sides are straight and meet to close the shape.",
                "Turn your paper so a side is at the bottom. It still has 3 sides.",
            ),
            answer="Yes. It is a triangle, even when it is turned.",
        ),
        try_it=("How many sides and how many corners does a square have?", "4 sides and 4 corners."),
    ),
    _Topic(
        pattern=r"word problems",
        grades=("1",),
        contexts={
            "nature": "ducks on a pond, with some swimming away",
            "sports": "goals scored by two teams",
            "cooking": "muffins baked for a class party",
            "games": "stickers in a sticker book",
            "music": "children in the class choir",
        },
        big_idea=(
            "Story problems are about adding to, taking from, putting together, taking apart or comparing. A "
            "drawing, or an equation with a box for the missing number, shows what is happening, even when the "
            "missing number comes first."
        ),
        approach=(
            "Read the story. What do you know? What is missing?",
            "Draw it, or use objects, to show the story.",
            "Write an equation with a symbol, such as a box, for the unknown number: 9 + □ = 13.",
            "Solve it. Read the story again with your answer to check.",
        ),
        mistakes=(
            "adding the two numbers in the story without thinking about what is missing",
            "adding whenever the story says 'more', even in a 'how many more?' question",
            "answering with the total when the question asks for one part",
        ),
        hands_on=_HandsOn(
            name="Story problem theater",
            materials=("counters or cubes", "a part-part-whole mat", "mini whiteboards", "story cards"),
            steps=(
                "Read a story card with your partner.",
                "Act it out with cubes on the part-part-whole mat.",
                "Write the equation with a box for the missing number.",
                "Solve it, then read the story again with the answer.",
            ),
        ),
        worked=_Worked(
            question="Maya had some stickers. She got 5 more. Now she has 12. How many stickers did she have at "
            "the start?",
            steps=(
                "The start is missing. Write □ + 5 = 12.",
                "Draw 12 circles. Circle the last 5: they are the new stickers.",
                "Count the circles that are not circled: 7.",
                "Check: 7 + 5 = 12.",
            ),
            answer="Maya had 7 stickers at the start.",
        ),
        try_it=(
            "Ben has 8 toy cars. Ana has 11. How many more cars does Ana have than Ben?",
            "3 more. 8 + 3 = 11, so 11 − 8 = 3.",
        ),
    ),
    _Topic(
        pattern=r"within 20|relate counting|strategies to add",
        grades=("1", "2"),
        contexts={
            "games": "the dots rolled on two number cubes",
            "sports": "baskets scored in the two halves of a game",
            "cooking": "eggs in two cartons",
            "nature": "birds at two bird feeders",
            "music": "the beats in two bars of a song",
        },
        big_idea=(
            "Facts to 20 are quick to find with a strategy: count on from the bigger number, make a ten, use a "
            "double, or use an addition fact to subtract. With practice, you know them by heart."
        ),
        approach=(
            "Look at the numbers. Is one close to 10? Are they doubles, or nearly doubles?",
            "Pick a strategy: count on, make a ten, use a double, or think of addition to subtract.",
            "Do it in steps and write each step: 8 + 6 = 8 + 2 + 4.",
            "Check with a different strategy.",
        ),
        mistakes=(
            "counting the starting number again when counting on",
            "splitting the wrong number when making a ten",
            "taking the smaller digit from the bigger one in 13 − 4 (4 − 3 = 1) instead of taking 4 from 13",
        ),
        hands_on=_HandsOn(
            name="Make-a-ten frames",
            materials=("two ten-frames", "counters in two colors", "number cards 1 to 10", "mini whiteboards"),
            steps=(
                "Draw two number cards, such as 8 and 6. Show 8 red counters and 6 yellow counters on the ten-frames.",
                "Move yellow counters to fill the first frame. How many did you move? How many are left?",
                "Write it: 8 + 6 = 8 + 2 + 4 = 10 + 4 = 14.",
                "Now take 6 away from 14 on the frames. Write the subtraction fact.",
            ),
        ),
        worked=_Worked(
            question="Find 8 + 6 by making a ten.",
            steps=(
                "8 needs 2 more to make 10.",
                "Split 6 into 2 and 4.",
                "8 + 2 = 10.",
                "10 + 4 = 14.",
            ),
            answer="8 + 6 = 14.",
        ),
        try_it=("Find 13 − 4 by going back to 10 first.", "13 − 3 = 10, then 10 − 1 = 9. So 13 − 4 = 9."),
    ),
    _Topic(
        pattern=r"unknown-addend|unknown whole number in an addition",
        grades=("1",),
        contexts={
            "games": "a number puzzle with a hidden number",
            "cooking": "cookies in a jar, with some hidden under a napkin",
            "sports": "the runs a team needs to tie the game",
            "nature": "the seeds still to plant in a row",
        },
        big_idea=(
            "Subtraction can be solved as an unknown-addend problem: to find 10 − 8, ask '8 and what make 10?' "
            "The unknown number can be anywhere in an addition or subtraction equation."
        ),
        approach=(
            "Read the equation. Where is the unknown number?",
            "Say it as an addition question: '8 and what make 10?'",
            "Count on, or use an addition fact you know, to find it.",
            "Put the number in the box. Check that both sides match.",
        ),
        mistakes=(
            "adding the two numbers you see, as in 8 + □ = 11 giving 19",
            "thinking the missing number must come after the equal sign",
            "counting the starting number too when counting on",
        ),
        hands_on=_HandsOn(
            name="Hidden counters",
            materials=("a cup", "counters", "mini whiteboards", "number cards"),
            steps=(
                "Your partner shows 10 counters, then hides some under the cup.",
                "Count the counters you can see. How many are hidden?",
                "Write the equation, such as 6 + □ = 10, and solve it.",
                "Lift the cup to check. Then swap roles.",
            ),
        ),
        worked=_Worked(
            question="Find 10 − 8 by adding.",
            steps=(
                "Think: 8 + □ = 10.",
                "Start at 8 and count on to 10: 9, 10. That is 2 counts.",
                "So 8 + 2 = 10.",
            ),
            answer="10 − 8 = 2.",
        ),
        try_it=("Find the missing number: 5 = □ − 3.", "8, because 8 − 3 = 5."),
    ),
    _Topic(
        pattern=r"equal sign",
        grades=("1",),
        contexts={
            "games": "toys balanced on a seesaw",
            "cooking": "snacks shared fairly between two plates",
            "sports": "two teams with the same score",
        },
        big_idea=(
            "The equal sign means 'is the same amount as'. An equation is true when both sides are worth the "
            "same, even when the sum is on the right: 7 = 8 − 1 is true."
        ),
        approach=(
            "Find what the left side is worth.",
            "Find what the right side is worth.",
            "If they are the same, the equation is true.",
            "If they are not the same, it is false.",
        ),
        mistakes=(
            "thinking the equal sign means 'the answer comes next'",
            "calling 7 = 8 − 1 false because the answer is on the left",
            "checking only the left side of 4 + 1 = 5 + 2 and calling it true",
        ),
        hands_on=_HandsOn(
            name="Balance it",
            materials=("a pan balance", "cubes", "equation cards", "mini whiteboards"),
            steps=(
                "Put 5 + 2 cubes on one side and 2 + 5 cubes on the other. Does it balance?",
                "Put 4 + 1 cubes on one side and 5 + 2 on the other. What happens?",
                "Sort the equation cards into 'true' and 'false'.",
                "Write a true equation with a sum on both sides.",
            ),
        ),
        worked=_Worked(
            question="Is 4 + 1 = 5 + 2 true or false?",
            steps=(
                "Left side: 4 + 1 = 5.",
                "Right side: 5 + 2 = 7.",
                "5 and 7 are not the same.",
            ),
            answer="False. 4 + 1 is 5, but 5 + 2 is 7.",
        ),
        try_it=("Is 7 = 8 − 1 true or false?", "True. 8 − 1 is 7, so both sides are 7."),
    ),
    _Topic(
        pattern=r"compare two two-digit",
        grades=("1",),
        contexts={
            "sports": "the points two teams scored",
            "games": "two players' scores in a board game",
            "money": "the prices of two toys in cents",
            "cooking": "the jelly beans in two jars",
        },
        big_idea=(
            "To compare two numbers, look at the biggest place first. The number with more tens is greater. "
            "Only when the tens are the same do you look at the ones."
        ),
        approach=(
            "Write or build both numbers.",
            "Compare the tens first.",
            "If the tens are the same, compare the ones.",
            "Write >, = or <. The open side faces the greater number.",
        ),
        mistakes=(
            "looking at the ones first, as in thinking 29 > 31 because 9 > 1",
            "pointing the < and > signs the wrong way",
            "thinking a number is bigger because its digits are bigger, without looking at their places",
        ),
        hands_on=_HandsOn(
            name="Place-value war",
            materials=(
                "digit cards 0 to 9",
                "tens and ones blocks",
                "a mat with the signs >, = and <",
                "a recording sheet",
            ),
            steps=(
                "Each player draws two digit cards and makes the biggest number they can.",
                "Build your number with blocks.",
                "Compare the tens first, then the ones. Put the right sign between the numbers.",
                "Read it out, '52 is greater than 48', and write it down.",
            ),
        ),
        worked=_Worked(
            question="Which is greater, 42 or 38?",
            steps=(
                "Compare the tens: 42 has 4 tens, 38 has 3 tens.",
                "4 tens is more than 3 tens, so you do not need to look at the ones.",
                "Write it with the sign: 42 > 38.",
            ),
            answer="42 is greater than 38: 42 > 38.",
        ),
        try_it=("Put >, = or < between 56 and 59.", "56 < 59: the tens are the same, and 6 ones is less than 9 ones."),
    ),
    _Topic(
        pattern=r"compare two three-digit",
        grades=("2",),
        contexts={
            "sports": "the fans at two school games",
            "games": "two players' scores in a pinball game",
            "money": "the prices of two bikes",
            "nature": "the heights of two hills in feet",
        },
        big_idea=(
            "To compare three-digit numbers, start with the hundreds. Look at the tens only if the hundreds are "
            "the same, and at the ones only if the tens are the same too."
        ),
        approach=(
            "Write the numbers one above the other, lining up hundreds, tens and ones.",
            "Compare the hundreds first.",
            "If they are the same, compare the tens, then the ones.",
            "Record the result with >, = or <.",
        ),
        mistakes=(
            "comparing the ones first",
            "pointing the < and > signs the wrong way",
            "thinking 608 > 680 because 8 ones is more than 0 ones",
        ),
        hands_on=_HandsOn(
            name="Three-digit showdown",
            materials=(
                "digit cards 0 to 9",
                "base-ten blocks (flats, rods and cubes)",
                "a mat with the signs >, = and <",
            ),
            steps=(
                "Each player draws three digit cards and makes a three-digit number.",
                "Build both numbers with blocks.",
                "Compare the hundreds, then the tens, then the ones. Place the sign.",
                "Write the comparison, then swap one digit card and compare again.",
            ),
        ),
        worked=_Worked(
            question="Compare 472 and 427.",
            steps=(
                "Hundreds: both have 4 hundreds. They are the same.",
                "Tens: 472 has 7 tens, 427 has 2 tens.",
                "7 tens is more than 2 tens.",
            ),
            answer="472 > 427.",
        ),
        try_it=("Put >, = or < between 608 and 680.", "608 < 680: the hundreds match, and 0 tens is less than 8 tens."),
    ),
    _Topic(
        pattern=r"tens and ones|bundle of ten|ten and one",
        grades=("1",),
        contexts={},
        big_idea=(
            "A two-digit number is made of tens and ones. In 47, the 4 means 4 tens (40) and the 7 means 7 "
            "ones. Ten ones can be bundled into one ten."
        ),
        approach=(
            "Build the number with tens sticks and ones cubes.",
            "Count the tens, then the ones.",
            "Say it: '4 tens and 7 ones is 47.'",
            "Check: 40 + 7 = 47.",
        ),
        mistakes=(
            "thinking the 4 in 47 means 4, not 40",
            "writing forty-seven as 407",
            "not bundling 10 loose ones into a ten",
        ),
        worked=_Worked(
            question="How many tens and ones are in 36?",
            steps=(
                "Build 36 with 3 tens sticks and 6 ones cubes.",
                "Count the tens: 10, 20, 30. That is 3 tens.",
                "Count on the ones: 31, 32, 33, 34, 35, 36. That is 6 ones.",
            ),
            answer="36 is 3 tens and 6 ones: 30 + 6.",
        ),
        try_it=("What number is 5 tens and 2 ones?", "52."),
    ),
    _Topic(
        pattern=r"add within 100",
        grades=("1",),
        contexts={
            "sports": "points scored in the two halves of a game",
            "cooking": "crackers in two packs",
            "nature": "shells collected on two days",
            "money": "cents saved on two days",
        },
        big_idea=(
            "To add two-digit numbers, add tens to tens and ones to ones. If there are 10 or more ones, make a new ten."
        ),
        approach=(
            "Build or draw each number with tens sticks and ones dots.",
            "Put the tens together and the ones together.",
            "If there are 10 or more ones, bundle 10 of them into a new ten.",
            "Count the tens and the ones, and write the sum.",
        ),
        mistakes=(
            "adding tens to the ones, as in 34 + 20 = 36",
            "forgetting to make a new ten when the ones add to more than 9",
            "adding all the digits together, as in 34 + 20 = 9",
        ),
        hands_on=_HandsOn(
            name="Base-ten build",
            materials=("base-ten blocks (tens and ones)", "a tens-and-ones mat", "number cards", "mini whiteboards"),
            steps=(
                "Draw a two-digit card and a one-digit card.",
                "Build both numbers on the mat.",
                "Push the ones together. If you have 10 or more, trade 10 ones for a ten.",
                "Count and write the sum. Then try a two-digit number plus tens, such as 34 + 20.",
            ),
        ),
        worked=_Worked(
            question="Find 27 + 6.",
            steps=(
                "Draw 27 as 2 tens sticks and 7 dots.",
                "Add 6 dots. Now there are 13 dots.",
                "Circle 10 of the dots to make a new ten. Now there are 3 tens and 3 ones.",
                "3 tens and 3 ones is 33.",
            ),
            answer="27 + 6 = 33.",
        ),
        try_it=("Find 45 + 30.", "75: 4 tens and 3 tens are 7 tens, and the 5 ones stay the same."),
    ),
    _Topic(
        pattern=r"10 more",
        grades=("1",),
        contexts={
            "money": "adding a dime to a piggy bank",
            "games": "moving down one row on a hundred chart",
            "sports": "scoring 10 points in a bean-bag toss",
            "cooking": "adding a carton of 10 eggs",
        },
        big_idea=(
            "Adding 10 changes only the tens digit: 10 more than 47 is 57. Taking away 10 makes the tens digit "
            "one less. You do not have to count by ones."
        ),
        approach=(
            "Find the tens digit.",
            "For 10 more, make it one bigger. For 10 less, make it one smaller.",
            "Keep the ones digit the same.",
            "Check on a hundred chart: one row down is 10 more.",
        ),
        mistakes=(
            "changing the ones digit instead of the tens digit",
            "counting by ones all the way",
            "mixing up 10 more and 1 more",
        ),
        hands_on=_HandsOn(
            name="Hundred-chart jumps",
            materials=("a hundred chart", "a counter", "tens sticks and ones cubes", "number cards"),
            steps=(
                "Put your counter on the number on your card.",
                "Move down one row. What number is it? Say: '10 more than 34 is 44.'",
                "Move up one row for 10 less.",
                "Check with blocks: add or take away one tens stick.",
            ),
        ),
        worked=_Worked(
            question="What is 10 more than 46? What is 10 less?",
            steps=(
                "46 is 4 tens and 6 ones.",
                "10 more: 5 tens and 6 ones is 56.",
                "10 less: 3 tens and 6 ones is 36.",
            ),
            answer="10 more is 56. 10 less is 36.",
        ),
        try_it=("What is 10 less than 81?", "71."),
    ),
    _Topic(
        pattern=r"add 10 or 100",
        grades=("2",),
        contexts={
            "money": "adding $10 and $100 bills to savings",
            "games": "scoring 10 or 100 points in a game",
            "sports": "the crowd at a game growing by 100 people",
            "space": "a rocket climbing 100 meters at a time",
        },
        big_idea=(
            "You can add or subtract 10 or 100 mentally: adding 10 changes the tens digit, and adding 100 changes "
            "the hundreds digit. The other digits stay the same."
        ),
        approach=(
            "Find the digit that changes: tens for 10, hundreds for 100.",
            "Make it one bigger to add, or one smaller to subtract.",
            "Keep the other digits the same.",
            "If the tens digit is 9 and you add 10, it becomes 0 and the hundreds go up by one.",
        ),
        mistakes=(
            "changing the ones digit instead of the tens digit",
            "writing 6105 instead of 705 for 10 more than 695",
            "mixing up 10 more and 100 more",
        ),
        hands_on=_HandsOn(
            name="Mental math relay",
            materials=("base-ten blocks", "number cards 100 to 900", "cards saying +10, −10, +100 and −100"),
            steps=(
                "Turn over a number card and build the number with blocks.",
                "Turn over an action card. Say the new number in your head before you touch the blocks.",
                "Add or take away one rod or one flat to check.",
                "Pass the blocks to your partner for the next action card.",
            ),
        ),
        worked=_Worked(
            question="What is 100 more than 358? What is 10 less than 358?",
            steps=(
                "358 is 3 hundreds, 5 tens and 8 ones.",
                "100 more: the hundreds digit goes from 3 to 4, so 458.",
                "10 less: the tens digit goes from 5 to 4, so 348.",
            ),
            answer="100 more is 458. 10 less is 348.",
        ),
        try_it=("What is 10 more than 695?", "705: 9 tens and 1 more ten make a new hundred."),
    ),
    _Topic(
        pattern=r"subtract multiples of 10",
        grades=("1",),
        contexts={
            "money": "spending dimes from a purse",
            "cooking": "cartons of 10 eggs used for baking",
            "games": "points lost in a game, 10 at a time",
            "art": "packs of 10 stickers given away",
        },
        big_idea=(
            "Subtracting multiples of 10 is like subtracting ones: 70 − 40 is 7 tens take away 4 tens, which is 3 "
            "tens, or 30. Place value does the work."
        ),
        approach=(
            "Use place value: 70 is 7 tens and 40 is 4 tens.",
            "Subtract the tens: 7 tens − 4 tens = 3 tens.",
            "3 tens is 30.",
            "Check with addition: 30 + 40 = 70.",
        ),
        mistakes=(
            "writing 3 instead of 30",
            "taking the smaller number from the bigger one the wrong way round",
            "counting back by ones instead of by tens",
        ),
        hands_on=_HandsOn(
            name="Take away tens",
            materials=("tens sticks", "a hundred chart", "mini whiteboards"),
            steps=(
                "Build 80 with tens sticks.",
                "Take away 3 tens sticks. How many tens are left? What number is that?",
                "Check on the hundred chart: start at 80 and move up 3 rows.",
                "Write the subtraction, and an addition that checks it.",
            ),
        ),
        worked=_Worked(
            question="Find 90 − 60.",
            steps=(
                "90 is 9 tens. 60 is 6 tens.",
                "9 tens take away 6 tens is 3 tens.",
                "3 tens is 30.",
                "Check: 30 + 60 = 90.",
            ),
            answer="90 − 60 = 30.",
        ),
        try_it=("Find 50 − 20.", "30."),
    ),
    _Topic(
        pattern=r"order three objects by length",
        grades=("1",),
        contexts={
            "nature": "three sticks from the playground",
            "art": "three ribbons for a craft",
            "building": "a door and a bookshelf that cannot be moved next to each other",
            "cooking": "three carrots from the garden",
        },
        big_idea=(
            "To compare lengths, line things up at one end. When two things cannot be put side by side, compare "
            "each one with a third thing, such as a string."
        ),
        approach=(
            "To compare two lengths, line up the ends of the objects.",
            "Look at the other ends: which is longest?",
            "If two objects cannot be put side by side, compare each one with a third object, such as a string.",
            "Put them in order by length: shortest, middle, longest.",
        ),
        mistakes=(
            "not lining up the ends",
            "thinking the thing that reaches higher is longer, even when it starts higher",
            "not seeing that if A is longer than B, and B is longer than C, then A is longer than C",
        ),
        hands_on=_HandsOn(
            name="String compare",
            materials=("string", "scissors", "classroom objects", "tape"),
            steps=(
                "Cut a string as long as your desk.",
                "Hold the string against the door, the rug and the board. Which are longer than the string? Which "
                "are shorter?",
                "Put three objects in order from shortest to longest.",
                "Tell your partner how the string helped you compare two things that could not touch.",
            ),
        ),
        worked=_Worked(
            question="The desk is longer than a string. The string is longer than the chair. Which is longer, the "
            "desk or the chair?",
            steps=(
                "Draw three lines: the desk, then the string a bit shorter, then the chair shorter still.",
                "The desk is longer than the string.",
                "The string is longer than the chair.",
                "So the desk is longer than the chair.",
            ),
            answer="The desk is longer than the chair.",
        ),
        try_it=(
            "A pencil is longer than a crayon. A marker is longer than the pencil. Put them in order from "
            "shortest to longest.",
            "Crayon, pencil, marker.",
        ),
    ),
    _Topic(
        pattern=r"length units",
        grades=("1",),
        contexts={
            "art": "a paintbrush",
            "nature": "a leaf from the garden",
            "building": "a block tower lying on its side",
            "sports": "a jump rope laid straight",
            "cooking": "a wooden spoon",
        },
        big_idea=(
            "To measure length, lay units of the same size end to end, with no gaps and no overlaps, and count "
            "them. The count is the length."
        ),
        approach=(
            "Pick a unit, such as a paper clip or a cube.",
            "Start at one end of the object.",
            "Lay the units end to end, with no gaps or overlaps.",
            "Count the units: 'The book is 8 cubes long.'",
        ),
        mistakes=(
            "leaving gaps between the units",
            "letting the units overlap",
            "mixing units of different sizes",
        ),
        hands_on=_HandsOn(
            name="Cube measuring",
            materials=("connecting cubes", "paper clips", "classroom objects", "a recording sheet"),
            steps=(
                "Measure a pencil with cubes laid end to end.",
                "Measure it again with paper clips.",
                "Write both numbers. Why are they different?",
                "Find something in the room that is 10 cubes long.",
            ),
        ),
        worked=_Worked(
            question="How long is the crayon, in cubes?",
            steps=(
                "Put the first cube at one end of the crayon.",
                "Add cubes end to end, with no gaps.",
                "Stop at the other end of the crayon.",
                "Count the cubes: 1, 2, 3, 4, 5.",
            ),
            answer="The crayon is 5 cubes long.",
        ),
        try_it=(
            "Sam lays 6 paper clips end to end along a book, with no gaps. How long is the book?",
            "6 paper clips long.",
        ),
    ),
    _TELL_TIME,
    replace(
        _TELL_TIME,
        grades=("2",),
        big_idea=(
            "On an analog clock, the short hand shows the hour and the long hand shows the minutes: count by 5s "
            "from the 12 to the number the long hand points to. A digital clock shows the same time in digits. "
            "Times from midnight to noon are a.m.; from noon to midnight, p.m."
        ),
        approach=(
            "Read the hour from the short hand: the number it has just passed.",
            "Count by 5s around the clock to the long hand: 5, 10, 15...",
            "Write the time: the hour, a colon, then the minutes.",
            "Decide: a.m. for the morning, p.m. for the afternoon and evening.",
        ),
        mistakes=(
            "reading the number the long hand points to as the minutes (3 instead of 15)",
            "using the next hour when the short hand has not reached it yet",
            "mixing up a.m. and p.m.",
        ),
        worked=_Worked(
            question="The short hand is just past 4. The long hand points to 7. It is after school. What time is it?",
            steps=(
                "The short hand has passed 4, so the hour is 4.",
                "Count by 5s to the 7: 5, 10, 15, 20, 25, 30, 35.",
                "After school is in the afternoon, so it is p.m.",
            ),
            answer="4:35 p.m.",
        ),
        try_it=(
            "The short hand is between 8 and 9 and the long hand points to 2. It is morning. What time is it?",
            "8:10 a.m.",
        ),
    ),
    replace(
        _TELL_TIME,
        grades=("3",),
        big_idea=(
            "Time can be told to the minute, and a time interval is how much time passes from a start to an end. "
            "A number line lets you jump from the start time to the end time, an hour or a few minutes at a time."
        ),
        approach=(
            "Write the start time, read to the minute.",
            "Draw a number line and mark the start time on it.",
            "Jump to the next hour, then jump the rest, writing the minutes above each jump.",
            "Add the jumps to find the time interval, or read the end time where you land.",
        ),
        mistakes=(
            "treating an hour as 100 minutes, as in 9:50 + 20 minutes = 9:70",
            "adding the jumps in the wrong units",
            "mixing up the start time and the end time",
        ),
        hands_on=_HandsOn(
            name="Number-line schedule",
            materials=("a long paper strip", "a geared practice clock", "the class schedule", "markers"),
            steps=(
                "Mark the hours from 8:00 to 3:00 along the strip, evenly spaced.",
                "Add each subject from the class schedule at its start time.",
                "Find how long each subject lasts by jumping along the number line.",
                "Set the clock to each start and end time to check.",
            ),
        ),
        worked=_Worked(
            question="Art class starts at 10:45 and lasts 35 minutes. When does it end?",
            steps=(
                "Mark 10:45 on a number line.",
                "Jump 15 minutes to 11:00.",
                "35 − 15 = 20 minutes are left. Jump 20 minutes to 11:20.",
            ),
            answer="Art class ends at 11:20.",
        ),
        try_it=(
            "A movie starts at 2:50 p.m. and ends at 4:05 p.m. How long is it?",
            "1 hour 15 minutes, or 75 minutes.",
        ),
    ),
    _LINE_PLOT,
    _FRACTION_LINE_PLOT,
    replace(
        _FRACTION_LINE_PLOT,
        grades=("4",),
        approach=(
            "Measure each object to the nearest half, fourth or eighth of a unit.",
            "Draw a number line marked in the same fractions, and put one X above it for each measurement.",
            "Rename the fractions with a common denominator where you need to.",
            "Add or subtract the fractions to answer the question, and check against the plot.",
        ),
        big_idea=(
            "A line plot can show measurements in halves, fourths and eighths of a unit; adding and subtracting "
            "fractions with like denominators answers questions about the data."
        ),
        mistakes=(
            "subtracting across the top and the bottom, as in 7/8 − 1/4 = 6/4",
            "placing 3/8 and 3/4 at the same point on the plot",
            "forgetting to count every X",
        ),
        worked=_Worked(
            question="A line plot shows the lengths of 5 insects: 1/4, 3/8, 3/8, 5/8 and 7/8 inch. What is the "
            "difference between the longest and the shortest?",
            steps=(
                "The longest is 7/8 inch and the shortest is 1/4 inch.",
                "Rename 1/4 as 2/8, so both are in eighths.",
                "Subtract: 7/8 − 2/8 = 5/8.",
            ),
            answer="5/8 inch.",
        ),
        try_it=("What is the total length of the two 3/8-inch insects?", "6/8 inch, which is 3/4 inch."),
    ),
    replace(
        _FRACTION_LINE_PLOT,
        grades=("5",),
        approach=(
            "Measure each object to the nearest half, fourth or eighth of a unit.",
            "Draw a number line marked in the same fractions, and put one X above it for each measurement.",
            "Rename the fractions with a common denominator where you need to.",
            "Add or subtract the fractions to answer the question, and check against the plot.",
        ),
        big_idea=(
            "A line plot can show measurements in fractions of a unit. Adding the fractions finds a total, and "
            "dividing the total shares it out equally."
        ),
        mistakes=(
            "adding the numerators and the denominators, as in 1/2 + 1/4 = 2/6",
            "counting each X once when several share the same value",
            "sharing the total among the wrong number of parts",
        ),
        worked=_Worked(
            question="Four identical beakers hold 1/2, 1/4, 3/4 and 1/2 liter of water. If the water were shared "
            "out equally, how much would each beaker hold?",
            steps=(
                "Rename everything in fourths: 2/4, 1/4, 3/4 and 2/4.",
                "Find the total: 2/4 + 1/4 + 3/4 + 2/4 = 8/4 = 2 liters.",
                "Share it among the 4 beakers: 2 ÷ 4 = 1/2.",
            ),
            answer="Each beaker would hold 1/2 liter.",
        ),
        try_it=(
            "What is the difference between the fullest and the emptiest beaker?",
            "1/2 liter: 3/4 − 1/4 = 2/4.",
        ),
    ),
    _CLASS_DATA,
    replace(
        _CLASS_DATA,
        pattern=r"graph",
        grades=("2",),
        big_idea=(
            "A picture graph and a bar graph show how many are in each group, so you can compare them at a "
            "glance. With a scale of 1, each picture or each square stands for one."
        ),
        approach=(
            "Count how many are in each category.",
            "Draw one picture, or shade one square of the bar, for each one.",
            "Label the categories and give the graph a title.",
            "Use the graph to put together, take apart and compare.",
        ),
        hands_on=_HandsOn(
            name="Graph our class",
            materials=("grid paper", "crayons", "sticky notes", "a ruler"),
            steps=(
                "Ask everyone a question with four answers, such as their favorite season.",
                "Draw a picture graph: one picture for each child.",
                "Draw a bar graph of the same data: one square for each child.",
                "Write two 'how many more' questions about your graph and answer them.",
            ),
        ),
        worked=_Worked(
            question="A bar graph shows favorite pets: dog 8, cat 5, fish 3 and bird 4. How many more children "
            "chose dog than cat?",
            steps=(
                "Find the top of the dog bar: 8.",
                "Find the top of the cat bar: 5.",
                "Subtract: 8 − 5 = 3.",
            ),
            answer="3 more children chose dog.",
        ),
        try_it=("On the same graph, how many children chose fish or bird?", "7: 3 + 4 = 7."),
    ),
    replace(
        _CLASS_DATA,
        pattern=r"graph",
        grades=("3",),
        contexts={
            "nature": "the pets of the students in a class",
            "sports": "the goals scored by each player in a season",
            "art": "the books each student read this month",
            "cooking": "the lunches ordered each day of a week",
        },
        big_idea=(
            "In a scaled graph, each picture or square stands for more than one: with a scale of 5, a bar 4 "
            "squares tall shows 20. Read the key first."
        ),
        approach=(
            "Read the key or the scale: what does one picture or one square stand for?",
            "Multiply to find each category's count.",
            "Add or subtract the counts to answer 'how many more' or 'how many less'.",
            "Check that your answer fits the graph.",
        ),
        mistakes=(
            "counting each picture as 1 when the key says it stands for 2 or 5",
            "reading half a picture as a whole one",
            "adding when the question asks 'how many more?'",
        ),
        hands_on=_HandsOn(
            name="Scaled graph",
            materials=("grid paper", "a class data set (such as books read this month)", "colored pencils", "a ruler"),
            steps=(
                "Look at the data. Pick a scale that fits on the paper, such as 1 square = 5 books.",
                "Draw the bars. Use half a square for half the scale.",
                "Write the key.",
                "Write and answer two 'how many more' or 'how many less' questions.",
            ),
        ),
        worked=_Worked(
            question="In a bar graph, each square stands for 5 pets. The dog bar is 6 squares tall and the cat bar "
            "is 4 squares tall. How many more dogs are there than cats?",
            steps=(
                "Read the key: 1 square = 5 pets.",
                "Dogs: 6 × 5 = 30. Cats: 4 × 5 = 20.",
                "Subtract: 30 − 20 = 10.",
            ),
            answer="There are 10 more dogs than cats.",
        ),
        try_it=(
            "In a picture graph, each book picture stands for 2 books. Lena's row has 5 pictures. How many "
            "books did she read?",
            "10 books: 5 × 2 = 10.",
        ),
    ),
    _Topic(
        pattern=r"defining attributes",
        grades=("1",),
        contexts={},
        big_idea=(
            "Some attributes make a shape what it is: a triangle is closed and has 3 straight sides. Other "
            "attributes, such as color, size or which way it is turned, do not change its name."
        ),
        approach=(
            "Count the sides and the corners.",
            "Check that the sides are straight and the shape is closed.",
            "Do not look at color, size or which way it is turned.",
            "Name the shape by the attributes that define it.",
        ),
        mistakes=(
            "saying a shape is not a triangle because it is upside down",
            "thinking color or size is part of what makes a shape a square",
            "calling a shape with 3 sides that do not meet a triangle",
        ),
        hands_on=_HandsOn(
            name="Does it count?",
            materials=("attribute blocks in different colors and sizes", "sorting hoops", "geoboards and rubber bands"),
            steps=(
                "Sort the blocks by shape.",
                "Now sort them by color. Does a red triangle stop being a triangle?",
                "Make a triangle on the geoboard. Make a triangle that looks very different.",
                "Tell what all your triangles have in common.",
            ),
        ),
        worked=_Worked(
            question="A shape is big, blue and turned on its point. It has 3 straight sides, and it is closed. Is "
            "it a triangle?",
            steps=(
                "Color does not matter. Size does not matter. Turning does not matter.",
                "Count the sides: 3 straight sides.",
                "Check that it is closed: yes.",
            ),
            answer="Yes. It is a triangle: it is closed and has 3 straight sides.",
        ),
        try_it=(
            "A red shape has 4 straight sides, all the same length, and 4 square corners. What is it?",
            "A square. Being red does not matter.",
        ),
    ),
    _EQUAL_SHARES,
    replace(
        _EQUAL_SHARES,
        grades=("2",),
        big_idea=(
            "A whole can be cut into 2, 3 or 4 equal shares: halves, thirds or fourths. Equal shares of the same "
            "whole do not have to be the same shape, as long as they are the same size."
        ),
        approach=(
            "Draw the shape.",
            "Cut it into 2, 3 or 4 parts that are the same size.",
            "Name each share: a half, a third or a fourth.",
            "Say what the whole is: two halves, three thirds or four fourths.",
        ),
        mistakes=(
            "cutting parts that are not the same size and calling them thirds",
            "thinking equal shares must be the same shape",
            "thinking a third is bigger than a half because 3 is bigger than 2",
        ),
        worked=_Worked(
            question="Split a rectangle into three equal shares.",
            steps=(
                "Draw a rectangle.",
                "Draw two lines across it, so the three parts are the same size.",
                "Each part is a third of the rectangle.",
            ),
            answer="Each share is one third, and three thirds make the whole rectangle.",
        ),
        try_it=(
            "A square is cut in half corner to corner, and another square of the same size is cut in half "
            "straight across. Are the halves the same size?",
            "Yes. They are all halves of the same-size square, even though some are triangles and some are rectangles.",
        ),
    ),
    replace(
        _EQUAL_SHARES,
        pattern=r"partition shapes",
        grades=("3",),
        big_idea=(
            "When a shape is cut into parts with equal area, each part is a unit fraction of the whole: 4 parts "
            "with equal area means each part is 1/4 of the area."
        ),
        approach=(
            "Draw the shape and decide how many equal parts you need.",
            "Cut it so that each part has the same area; count grid squares to check.",
            "Name each part as a unit fraction, such as 1/4.",
            "Check that the parts together make the whole shape.",
        ),
        mistakes=(
            "cutting parts of different sizes and calling each one 1/4",
            "thinking the parts must be the same shape to have equal area",
            "naming the part by the number of lines drawn instead of the number of parts",
        ),
        worked=_Worked(
            question="A rectangle 4 squares long and 2 squares wide is cut into 4 parts with equal area. What "
            "fraction of the rectangle is each part?",
            steps=(
                "The rectangle covers 4 × 2 = 8 squares.",
                "4 parts with equal area: 8 ÷ 4 = 2 squares each.",
                "Each part is 1 of 4 equal parts.",
            ),
            answer="Each part is 1/4 of the rectangle's area.",
        ),
        try_it=(
            "A hexagon is cut into 6 triangles with equal area. What fraction of the hexagon is one triangle?",
            "1/6.",
        ),
    ),
    _Topic(
        pattern=r"rows and columns",
        grades=("2",),
        contexts={
            "art": "a quilt made of square patches",
            "cooking": "a pan of brownies cut into squares",
            "building": "a floor covered in square tiles",
            "games": "a checkerboard",
        },
        big_idea=(
            "A rectangle can be split into rows and columns of squares that are all the same size. Count the "
            "squares by rows: 3 rows of 4 is 4 + 4 + 4 = 12."
        ),
        approach=(
            "Draw the rectangle.",
            "Draw lines across to make rows, and lines down to make columns, all the same size.",
            "Count the squares in one row.",
            "Add the rows: 4 + 4 + 4.",
        ),
        mistakes=(
            "drawing squares of different sizes",
            "counting a square twice",
            "counting the lines instead of the squares",
        ),
        hands_on=_HandsOn(
            name="Tile the rectangle",
            materials=("square tiles", "rectangles drawn on paper", "grid paper", "crayons"),
            steps=(
                "Cover a rectangle with square tiles, with no gaps.",
                "Count the rows, and the tiles in each row.",
                "Draw the rectangle on grid paper and color each row a different color.",
                "Add the rows to find the total.",
            ),
        ),
        worked=_Worked(
            question="A pan of brownies is cut into 3 rows, with 5 brownies in each row. How many brownies are there?",
            steps=(
                "Draw a rectangle. Split it into 3 rows.",
                "Split it into 5 columns.",
                "Count one row: 5.",
                "Add the rows: 5 + 5 + 5 = 15.",
            ),
            answer="15 brownies.",
        ),
        try_it=("A rectangle has 2 rows of 4 squares. How many squares are there?", "8: 4 + 4 = 8."),
    ),
    _Topic(
        pattern=r"two-step word problems",
        grades=("2",),
        contexts={
            "sports": "points scored over two games",
            "cooking": "cupcakes sold at a bake sale",
            "nature": "birds counted at a feeder",
            "money": "cents saved in a jar",
            "games": "cards collected and traded",
        },
        big_idea=(
            "Word problems within 100 can take one step or two. A drawing such as a tape diagram shows what is "
            "known and what is missing, and an equation with a symbol records it."
        ),
        approach=(
            "Read the problem. What do you know? What is the question?",
            "Draw a tape diagram or a picture, and mark the missing number with a ?.",
            "Write an equation for each step and solve it.",
            "Read the problem again with your answer. Does it make sense?",
        ),
        mistakes=(
            "adding every number in the problem without thinking about what happens",
            "answering only the first step of a two-step problem",
            "subtracting the wrong way round, the smaller number minus the bigger",
        ),
        hands_on=_HandsOn(
            name="Tape diagram stories",
            materials=("paper strips", "markers", "base-ten blocks", "story cards"),
            steps=(
                "Read a story card. Draw a tape diagram with a strip for each part.",
                "Label the parts you know and put a ? on the missing one.",
                "Solve with blocks or a number line. Write the equations.",
                "Write your own two-step story for a partner to solve.",
            ),
        ),
        worked=_Worked(
            question="45 children were on the playground. 18 went inside. Then 12 more came out. How many children "
            "are on the playground now?",
            steps=(
                "First step: 45 − 18. Take away 15 to get 30, then 3 more to get 27.",
                "Second step: 27 + 12. Add 10 to get 37, then 2 more to get 39.",
                "Check: more children went in than came out, so the answer should be less than 45. It is.",
            ),
            answer="39 children.",
        ),
        try_it=(
            "Lena has 34 stickers. She has 19 fewer than Omar. How many stickers does Omar have?",
            "53. Omar has more: 34 + 19 = 53.",
        ),
    ),
    _Topic(
        pattern=r"odd or even",
        grades=("2",),
        contexts={
            "sports": "children pairing up for a relay",
            "games": "cards dealt to two players",
            "music": "dancers in pairs",
            "cooking": "cookies shared by two friends",
        },
        big_idea=(
            "A number is even if its objects can be put in pairs with none left over, or split into two equal "
            "groups. If one is left over, the number is odd. An even number is a double: 8 = 4 + 4."
        ),
        approach=(
            "Show the number with counters.",
            "Put them in pairs.",
            "Is one left over? The number is odd. None left over? It is even.",
            "Write an even number as a double: 10 = 5 + 5.",
        ),
        mistakes=(
            "thinking a big number must be even",
            "looking at the tens digit instead of the ones digit",
            "writing 7 = 3 + 4 as if it were a double",
        ),
        hands_on=_HandsOn(
            name="Partner up",
            materials=("connecting cubes", "number cards 1 to 20", "mini whiteboards"),
            steps=(
                "Draw a number card. Count out that many cubes.",
                "Snap the cubes into pairs. Is one left over?",
                "Sort the number cards into 'odd' and 'even'.",
                "Write each even number as a double.",
            ),
        ),
        worked=_Worked(
            question="Is 14 odd or even?",
            steps=(
                "Count out 14 cubes.",
                "Snap them into pairs: 7 pairs.",
                "None are left over.",
            ),
            answer="14 is even. 14 = 7 + 7.",
        ),
        try_it=("Is 9 odd or even?", "Odd: 4 pairs and 1 left over."),
    ),
    _Topic(
        pattern=r"rectangular arrays",
        grades=("2",),
        contexts={
            "cooking": "muffins in a muffin pan",
            "nature": "seeds planted in rows",
            "building": "windows on the side of a building",
            "music": "chairs set out for the school band",
        },
        big_idea=(
            "An array is objects in equal rows and columns. Add the rows to find the total: 3 rows of 5 is "
            "5 + 5 + 5 = 15."
        ),
        approach=(
            "Count the rows.",
            "Count the objects in one row.",
            "Add that number once for each row.",
            "Write the equation as a sum of equal addends.",
        ),
        mistakes=(
            "counting one row and stopping",
            "adding the number of rows and the number of columns (3 + 5)",
            "counting an object twice",
        ),
        hands_on=_HandsOn(
            name="Array hunt",
            materials=("counters", "egg cartons and muffin pans", "grid paper", "crayons"),
            steps=(
                "Find arrays around the room: egg cartons, windows, floor tiles.",
                "Build an array of 4 rows of 3 counters.",
                "Write the sum: 3 + 3 + 3 + 3 = 12.",
                "Turn it to make 3 rows of 4. Is the total the same?",
            ),
        ),
        worked=_Worked(
            question="A muffin pan has 4 rows with 3 muffins in each row. How many muffins are there?",
            steps=(
                "Count the rows: 4.",
                "Count one row: 3.",
                "Add 3 four times: 3 + 3 + 3 + 3 = 12.",
            ),
            answer="12 muffins.",
        ),
        try_it=("Chairs are set out in 5 rows of 2. How many chairs are there?", "10: 2 + 2 + 2 + 2 + 2 = 10."),
    ),
    _Topic(
        pattern=r"word problems involving lengths",
        grades=("2",),
        contexts={
            "art": "a ribbon cut for a craft",
            "nature": "a snail crawling along a path",
            "sports": "the distance two paper airplanes flew",
            "building": "boards laid end to end for a shelf",
        },
        big_idea=(
            "Word problems about lengths are solved like any adding or taking-away problem, as long as the "
            "lengths are in the same unit. A drawing of a ruler or a tape shows the parts."
        ),
        approach=(
            "Read the problem and check that all the lengths use the same unit.",
            "Draw a ruler, a tape or a number line, and label the lengths you know.",
            "Write an equation with a ? for the unknown length.",
            "Solve, and answer with the unit.",
        ),
        mistakes=(
            "adding when the problem asks how much longer",
            "leaving the unit off the answer",
            "adding inches and feet as if they were the same unit",
        ),
        hands_on=_HandsOn(
            name="Ribbon problems",
            materials=("ribbons", "rulers and measuring tapes", "scissors", "story cards"),
            steps=(
                "Measure two ribbons and write their lengths.",
                "Lay them end to end. Find the total length with an equation, then measure to check.",
                "Cut a piece off one ribbon. Find the length left with an equation, then measure to check.",
                "Write a length story for your partner.",
            ),
        ),
        worked=_Worked(
            question="A ribbon is 64 centimeters long. Lila cuts off 28 centimeters. How long is the ribbon now?",
            steps=(
                "Draw a tape 64 long, and mark a piece of 28 cut off.",
                "Write 64 − 28 = ?.",
                "64 − 20 = 44, and 44 − 8 = 36.",
            ),
            answer="36 centimeters.",
        ),
        try_it=(
            "A snail crawls 35 inches in the morning and 47 inches in the afternoon. How far does it crawl in all?",
            "82 inches.",
        ),
    ),
    _Topic(
        pattern=r"number line diagram",
        grades=("2",),
        contexts={
            "sports": "the yards run on a football field",
            "nature": "a frog hopping along a path",
            "games": "the track on a board game",
            "building": "the marks on a tape measure",
        },
        big_idea=(
            "A number line shows numbers as lengths from 0, with equal spaces between the numbers. Adding is a "
            "jump to the right; subtracting is a jump to the left."
        ),
        approach=(
            "Draw a line with equal spaces, and label 0 and a few numbers.",
            "Find the starting number.",
            "Jump right to add or left to subtract, by tens and then by ones.",
            "The number you land on is the answer.",
        ),
        mistakes=(
            "spacing the numbers unevenly",
            "counting the starting point as a jump",
            "jumping the wrong way when subtracting",
        ),
        hands_on=_HandsOn(
            name="Floor number line",
            materials=("masking tape", "number cards 0 to 100 by tens", "a bean bag", "mini whiteboards"),
            steps=(
                "Tape a long line on the floor and put the number cards on it, evenly spaced.",
                "Toss the bean bag. Stand at the number where it lands.",
                "Your partner says 'add 20' or 'take away 30'. Walk the jumps and say where you land.",
                "Draw the jumps on your whiteboard number line and write the equation.",
            ),
        ),
        worked=_Worked(
            question="Use a number line to find 38 + 25.",
            steps=(
                "Start at 38.",
                "Jump 10 to 48, then 10 more to 58.",
                "Jump 2 to 60, then 3 more to 63.",
            ),
            answer="38 + 25 = 63.",
        ),
        try_it=("Start at 72 and jump back 30 on a number line. Where do you land?", "42."),
    ),
    _Topic(
        pattern=r"hundreds|three-digit number",
        grades=("2",),
        contexts={
            "art": "sheets of paper in packs of 100",
            "money": "dollar bills in stacks of 100 and 10",
            "sports": "the seats in a stadium",
            "games": "the points in a pinball game",
        },
        big_idea=(
            "A three-digit number is made of hundreds, tens and ones. Ten tens make a hundred. In 706, the 7 "
            "means 7 hundreds, the 0 means no tens, and the 6 means 6 ones."
        ),
        approach=(
            "Build the number with hundred flats, ten rods and one cubes.",
            "Count the hundreds, the tens and the ones.",
            "Say the value of each digit: 7 hundreds is 700.",
            "Check: 700 + 0 + 6 = 706.",
        ),
        mistakes=(
            "writing seven hundred six as 7006 or 76",
            "thinking the 0 in 706 can be left out",
            "reading 350 as 3 tens and 5 ones",
        ),
        hands_on=_HandsOn(
            name="Build it with blocks",
            materials=("base-ten blocks (flats, rods and cubes)", "a hundreds-tens-ones mat", "digit cards"),
            steps=(
                "Draw three digit cards and make a number.",
                "Build it on the mat.",
                "Trade 10 rods for a flat. What does the flat show?",
                "Write the number in three ways: 427, 400 + 20 + 7, and four hundred twenty-seven.",
            ),
        ),
        worked=_Worked(
            question="What do the digits of 706 mean?",
            steps=(
                "7 is in the hundreds place: 7 hundreds, or 700.",
                "0 is in the tens place: no tens.",
                "6 is in the ones place: 6 ones.",
            ),
            answer="706 is 7 hundreds, 0 tens and 6 ones: 700 + 0 + 6.",
        ),
        try_it=("How many tens make 300?", "30 tens: each hundred is 10 tens, so 3 hundreds is 30 tens."),
    ),
    _Topic(
        pattern=r"skip-count|count within 1000",
        grades=("2",),
        contexts={
            "money": "counting nickels, dimes and $100 bills",
            "sports": "counting the fans at a game in groups of 10",
            "music": "counting beats by 5s",
            "games": "scoring 100 points for each level of a game",
        },
        big_idea=(
            "Skip-counting by 5s, 10s and 100s is faster than counting by ones, and it makes patterns: counting "
            "by 10s changes the tens digit, and counting by 100s changes the hundreds digit."
        ),
        approach=(
            "Find the starting number.",
            "Decide how big each skip is: 5, 10 or 100.",
            "Add the jump each time and say the number.",
            "Watch the digits: when the tens go past 9, the hundreds go up by one.",
        ),
        mistakes=(
            "going from 190 to 1000 instead of 200 when counting by tens",
            "skipping a number when counting by 5s, such as going from 35 to 45",
            "starting again at 1 instead of at the given number",
        ),
        hands_on=_HandsOn(
            name="Skip-count trail",
            materials=("a paper strip number line from 0 to 1000", "sticky notes", "markers"),
            steps=(
                "Mark 0, 100, 200 and on to 1000 along the strip.",
                "Start at 350 and jump by 10s to 420, putting a sticky note on each number.",
                "Start at 0 and count by 5s to 100. What pattern do the ones digits make?",
                "Count by 100s from 270. Which digits stay the same?",
            ),
        ),
        worked=_Worked(
            question="Count by 10s from 470 to 530.",
            steps=(
                "Start at 470.",
                "Add 10 each time: 480, 490.",
                "After 490 the tens go past 9, so the hundreds go up: 500.",
                "Keep going: 510, 520, 530.",
            ),
            answer="470, 480, 490, 500, 510, 520, 530.",
        ),
        try_it=("Count by 5s from 85 to 110.", "85, 90, 95, 100, 105, 110."),
    ),
    _EXPANDED_FORM,
    replace(
        _EXPANDED_FORM,
        grades=("4",),
        contexts={
            "space": "the distances from the Sun to the planets, in millions of miles",
            "sports": "the crowds at two stadiums",
            "nature": "the populations of two towns",
            "technology": "the numbers of downloads of two apps",
        },
        big_idea=(
            "Each place is worth ten times the place to its right, and large numbers are read in groups of three "
            "digits: thousands, then ones. To compare, line up the places and look at the greatest place first."
        ),
        approach=(
            "Write the number in a place-value chart, in groups of three digits.",
            "Read each group with its name: thousands, then ones.",
            "For expanded form, write each digit's value.",
            "To compare, line up the places and find the greatest place where the digits differ.",
        ),
        mistakes=(
            "reading 40,506 as 'four thousand five hundred six'",
            "comparing numbers with different numbers of digits by their first digits",
            "leaving out a zero in expanded form or in the numeral",
        ),
        hands_on=_HandsOn(
            name="Big-number place-value chart",
            materials=(
                "a place-value chart to the hundred thousands",
                "digit cards",
                "comma cards",
                "mini whiteboards",
            ),
            steps=(
                "Draw six digit cards and make the largest number you can on the chart.",
                "Read it aloud in groups of three, and write its number name.",
                "Write it in expanded form.",
                "Make a second number and compare the two with >, = or <, explaining which place decided it.",
            ),
        ),
        worked=_Worked(
            question="Compare 45,209 and 45,290.",
            steps=(
                "Line up the places: both have 4 ten thousands, 5 thousands and 2 hundreds.",
                "The tens are different: 0 tens and 9 tens.",
                "9 tens is more, so 45,290 is the greater number.",
            ),
            answer="45,209 < 45,290.",
        ),
        try_it=("Write 307,040 in expanded form.", "300,000 + 7,000 + 40."),
    ),
    _Topic(
        pattern=r"within 100\b|two-digit numbers|strategies work",
        grades=("2",),
        contexts={
            "sports": "points scored in two basketball games",
            "money": "cents spent at the school store",
            "nature": "apples picked on two days",
            "cooking": "cups of lemonade sold at a stand",
        },
        big_idea=(
            "Add and subtract within 100 with place value: tens with tens, ones with ones. Break numbers apart, "
            "make a ten, or use a nearby easy number, and check subtraction with addition."
        ),
        approach=(
            "Look at the numbers. Is one of them close to a ten?",
            "Choose a strategy: add the tens and then the ones, make a ten, or count up to subtract.",
            "Write each step.",
            "Check with the opposite operation: if 63 − 28 = 35, then 35 + 28 = 63.",
        ),
        mistakes=(
            "taking the smaller digit from the larger in each place, as in 63 − 28 = 45",
            "forgetting to add the new ten after making one",
            "adding tens to ones",
        ),
        hands_on=_HandsOn(
            name="Number-line jumps",
            materials=("open number lines on mini whiteboards", "base-ten blocks", "number cards", "markers"),
            steps=(
                "Draw number cards to make two two-digit numbers.",
                "Add them with blocks, trading 10 ones for a ten when you need to.",
                "Show the same sum on an open number line: jump the tens, then the ones.",
                "Subtract the smaller number from the bigger one, then check by adding.",
            ),
        ),
        worked=_Worked(
            question="Find 63 − 28.",
            steps=(
                "Count up from 28 to 30: that is 2.",
                "From 30 to 60: that is 30.",
                "From 60 to 63: that is 3.",
                "Add the jumps: 2 + 30 + 3 = 35.",
            ),
            answer="63 − 28 = 35. Check: 35 + 28 = 63.",
        ),
        try_it=("Find 47 + 36.", "83: 40 + 30 = 70, 7 + 6 = 13, and 70 + 13 = 83."),
    ),
    _Topic(
        pattern=r"within 1000",
        grades=("2", "3"),
        contexts={
            "sports": "the fans at two school games",
            "nature": "the birds counted in a spring and a fall bird count",
            "money": "saving $325 toward a $500 bike",
            "space": "the heights two model rockets reached, in feet",
        },
        big_idea=(
            "To add or subtract three-digit numbers, work place by place: hundreds with hundreds, tens with tens, "
            "ones with ones. Sometimes you compose a new ten or hundred, or break one apart."
        ),
        approach=(
            "Estimate by rounding each number to the nearest hundred.",
            "Line up the numbers by place, or build them with blocks.",
            "Add or subtract each place, starting with the ones; regroup a ten as 10 ones (or 10 ones as a ten) "
            "when you need to.",
            "Compare with your estimate, and check with the opposite operation.",
        ),
        mistakes=(
            "taking the smaller digit from the larger in every place, as in 403 − 158 = 355",
            "forgetting to write down a regrouped ten or hundred",
            "lining up the digits from the left",
        ),
        hands_on=_HandsOn(
            name="Base-ten trading",
            materials=("base-ten blocks", "a hundreds-tens-ones mat", "digit cards", "mini whiteboards"),
            steps=(
                "Build the first number on the mat.",
                "Add or take away the second number place by place, starting with the ones.",
                "When you cannot take away, trade a ten for 10 ones, or a hundred for 10 tens.",
                "Write every trade in the written method beside the blocks.",
            ),
        ),
        worked=_Worked(
            question="Find 403 − 158.",
            steps=(
                "Estimate: 400 − 160 is about 240.",
                "3 − 8 does not work and there are no tens, so break a hundred into 10 tens: 3 hundreds, 10 tens, "
                "3 ones.",
                "Break a ten into 10 ones: 3 hundreds, 9 tens, 13 ones.",
                "Subtract each place: 13 − 8 = 5, 9 − 5 = 4, 3 − 1 = 2.",
            ),
            answer="403 − 158 = 245. Check: 245 + 158 = 403.",
        ),
        try_it=("Find 276 + 148.", "424."),
    ),
    _Topic(
        pattern=r"twice",
        grades=("2",),
        contexts={
            "building": "a desk measured in inches and in centimeters",
            "sports": "a jump rope measured in feet and in inches",
            "art": "a poster measured with big and small paper clips",
            "nature": "a garden path measured in meters and in feet",
        },
        big_idea=(
            "The same length can be measured in different units. The smaller the unit, the more of them you "
            "need: a desk might be 60 centimeters long but only about 24 inches."
        ),
        approach=(
            "Measure the object with one unit.",
            "Measure it again with a different unit.",
            "Compare the two numbers.",
            "Explain: the bigger unit gives the smaller number.",
        ),
        mistakes=(
            "thinking the object got longer because the number got bigger",
            "thinking bigger units give bigger numbers",
            "writing the numbers without saying which unit each one is in",
        ),
        hands_on=_HandsOn(
            name="Two units, one length",
            materials=("inch rulers", "centimeter rulers", "large and small paper clips", "a recording sheet"),
            steps=(
                "Measure your book with large paper clips, then with small ones.",
                "Measure it with an inch ruler, then with a centimeter ruler.",
                "Write each length with its unit.",
                "Which unit needed more? Why?",
            ),
        ),
        worked=_Worked(
            question="A book is 10 inches long. Is its length in centimeters more than 10, or less than 10?",
            steps=(
                "A centimeter is shorter than an inch.",
                "Shorter units fit along the same book more times.",
                "So the number of centimeters is bigger than 10. (It is about 25 centimeters.)",
            ),
            answer="More than 10: about 25 centimeters.",
        ),
        try_it=(
            "A rug is 3 meters long. Measured in feet, is the number more than 3 or fewer?",
            "More: a foot is shorter than a meter, so more feet fit. It is about 10 feet.",
        ),
    ),
    _Topic(
        pattern=r"measure|estimate lengths",
        grades=("2",),
        contexts={
            "sports": "how far a paper airplane flies",
            "nature": "the length of a caterpillar",
            "building": "the width of the classroom door",
            "art": "the size of a poster",
        },
        big_idea=(
            "Rulers, yardsticks, meter sticks and measuring tapes measure length in standard units: inches, "
            "feet, centimeters and meters. Start at 0, read the number at the other end, and say the unit."
        ),
        approach=(
            "Choose a tool and a unit that fit the object: a ruler for a pencil, a meter stick for a door.",
            "Estimate the length first.",
            "Line up the 0 mark with one end and read the number at the other end.",
            "Write the length with its unit, and compare it with your estimate.",
        ),
        mistakes=(
            "starting at the end of the ruler, or at 1, instead of at 0",
            "forgetting to write the unit",
            "mixing up inches and centimeters",
        ),
        hands_on=_HandsOn(
            name="Estimate and measure",
            materials=(
                "rulers (inches and centimeters)",
                "a yardstick and a meter stick",
                "a measuring tape",
                "a recording sheet",
            ),
            steps=(
                "Choose 4 things in the room. Estimate the length of each one.",
                "Pick the best tool for each, and measure it.",
                "Write your estimate and the measurement, each with its unit.",
                "Find how much longer the longest thing is than the shortest.",
            ),
        ),
        worked=_Worked(
            question="A pencil measures 7 inches and a crayon measures 4 inches. How much longer is the pencil?",
            steps=(
                "Line up each one with the 0 on the ruler and read the number at its end: 7 and 4.",
                "Subtract: 7 − 4 = 3.",
                "Say the unit: inches.",
            ),
            answer="The pencil is 3 inches longer than the crayon.",
        ),
        try_it=(
            "Which unit would you use to measure a school bus: inches or feet?",
            "Feet (or meters). Inches are too small for something that long.",
        ),
    ),
    _Topic(
        pattern=r"dollar bills|coins",
        grades=("2",),
        contexts={
            "money": "buying a snack at the school store",
            "cooking": "selling lemonade at a stand",
            "games": "the coins in a piggy bank",
            "art": "buying stickers and markers for a project",
        },
        big_idea=(
            "Each coin has a value: a penny is 1¢, a nickel 5¢, a dime 10¢ and a quarter 25¢. A dollar is 100¢. "
            "To count money, start with the coins worth the most and count on."
        ),
        approach=(
            "Sort the coins from the most valuable to the least.",
            "Count on: quarters by 25s, dimes by 10s, nickels by 5s, pennies by 1s.",
            "Write the total with the ¢ sign, or with $ and a dot for dollars and cents.",
            "For word problems, add or subtract the amounts.",
        ),
        mistakes=(
            "counting each coin as 1 cent",
            "thinking a nickel is worth more than a dime because it is bigger",
            "writing 75¢ as $75",
        ),
        hands_on=_HandsOn(
            name="Class store",
            materials=(
                "play coins and dollar bills",
                "price tags up to $1",
                "small items to sell",
                "a recording sheet",
            ),
            steps=(
                "Choose an item with a price tag.",
                "Pay for it with coins. Find another way to pay the same amount.",
                "The shopkeeper counts the money, biggest coins first.",
                "Buy two items. How much did you spend in all?",
            ),
        ),
        worked=_Worked(
            question="You have 2 dimes and 3 pennies. How many cents do you have?",
            steps=(
                "Start with the dimes: 10, 20.",
                "Count on the pennies: 21, 22, 23.",
            ),
            answer="23¢.",
        ),
        try_it=("You have 1 quarter, 1 dime and 2 nickels. How much money is that?", "45¢: 25, 35, 40, 45."),
    ),
    _Topic(
        pattern=r"specified attributes",
        grades=("2",),
        contexts={},
        big_idea=(
            "Shapes are named by their attributes. A triangle has 3 angles, a quadrilateral 4, a pentagon 5 and a "
            "hexagon 6. A cube has 6 faces that are all equal squares."
        ),
        approach=(
            "Count the sides and the angles (corners).",
            "For a solid shape, count the faces.",
            "Use the counts to name the shape.",
            "To draw a shape with given attributes, draw it, then count to check.",
        ),
        mistakes=(
            "counting a corner twice",
            "thinking a hexagon must look like the yellow pattern block",
            "calling every four-sided shape a square",
        ),
        hands_on=_HandsOn(
            name="Geoboard shapes",
            materials=("geoboards and rubber bands", "dot paper", "a cube", "attribute cards"),
            steps=(
                "Pick a card, such as 'a shape with 5 angles'.",
                "Make it on the geoboard.",
                "Make a different-looking shape with the same attributes.",
                "Draw both on dot paper and name them.",
            ),
        ),
        worked=_Worked(
            question="Draw a shape with 6 sides. What is it called?",
            steps=(
                "Put 6 dots on your paper, spread out in a ring.",
                "Join them in order with straight lines.",
                "Count the sides: 6. Count the angles: 6.",
            ),
            answer="A hexagon.",
        ),
        try_it=("How many faces does a cube have, and what shape is each face?", "6 faces, each one a square."),
    ),
    _Topic(
        pattern=r"products of whole numbers",
        grades=("3",),
        contexts={
            "cooking": "packs of juice boxes",
            "sports": "teams with the same number of players",
            "nature": "the legs on a group of spiders",
            "art": "boxes of crayons",
            "building": "the wheels on a row of toy cars",
        },
        big_idea=(
            "Multiplication counts equal groups: the product 5 × 7 means 5 groups of 7, and the total is 35. "
            "The first number tells how many groups, and the second how many are in each group."
        ),
        approach=(
            "Find the number of groups and the number in each group.",
            "Draw the groups, or an array with one row for each group.",
            "Write the product: number of groups × number in each group.",
            "Find the total by skip-counting or with a fact you know.",
        ),
        mistakes=(
            "adding the two numbers instead of multiplying them (5 + 7)",
            "mixing up the number of groups and the number in each group",
            "drawing groups of different sizes",
        ),
        worked=_Worked(
            question="Describe a situation for 5 × 7, and find the total.",
            steps=(
                "5 × 7 means 5 groups of 7.",
                "A situation: 5 boxes with 7 crayons in each box.",
                "Skip-count by 7 five times: 7, 14, 21, 28, 35.",
            ),
            answer="5 × 7 = 35: 35 crayons in all.",
        ),
        try_it=("A spider has 8 legs. How many legs do 4 spiders have?", "32 legs: 4 × 8 = 32."),
    ),
    _Topic(
        pattern=r"quotients of whole numbers",
        grades=("3",),
        contexts={
            "cooking": "sharing cookies equally among friends",
            "sports": "making teams of the same size",
            "games": "dealing cards to the players",
            "nature": "planting seeds in pots",
        },
        big_idea=(
            "Division splits a total into equal groups. 56 ÷ 8 can mean 'share 56 into 8 groups: how many in "
            "each?' or 'make groups of 8: how many groups?'"
        ),
        approach=(
            "Find the total.",
            "Decide: do you know the number of groups, or the size of each group?",
            "Share out or group the objects, or draw them.",
            "Write the division equation, and check it with multiplication.",
        ),
        mistakes=(
            "dividing the smaller number by the larger one (8 ÷ 56)",
            "mixing up the two kinds of division story",
            "leaving some objects unshared",
        ),
        worked=_Worked(
            question="24 apples are put into bags of 6. How many bags are there?",
            steps=(
                "The total is 24, and each group has 6.",
                "Make groups of 6 until all 24 are used: 6, 12, 18, 24.",
                "Count the groups: 4.",
            ),
            answer="4 bags. 24 ÷ 6 = 4, because 4 × 6 = 24.",
        ),
        try_it=(
            "15 stickers are shared equally by 3 friends. How many does each friend get?",
            "5 stickers: 15 ÷ 3 = 5.",
        ),
    ),
    _Topic(
        pattern=r"multiplication and division within 100",
        grades=("3",),
        contexts={},
        big_idea=(
            "Word problems about equal groups, arrays and measurements are solved by multiplying or dividing. A "
            "drawing and an equation with a symbol for the unknown show which one the problem needs."
        ),
        approach=(
            "Decide whether the problem is about equal groups, an array, or a measurement.",
            "Draw it, and write an equation with a symbol for the unknown number.",
            "Multiply if you know the groups and the size of each; divide if you know the total.",
            "Check that the answer fits the story.",
        ),
        worked=_Worked(
            question="A garden has 6 rows of carrots with 9 carrots in each row. How many carrots are there?",
            steps=(
                "This is an array: 6 rows, with 9 in each row.",
                "Write 6 × 9 = ?.",
                "5 × 9 = 45, and one more 9 is 54.",
            ),
            answer="54 carrots.",
        ),
        try_it=("42 students sit at tables of 7. How many tables do they need?", "6 tables: 42 ÷ 7 = 6."),
    ),
    _Topic(
        pattern=r"unknown whole number in a multiplication|unknown-factor",
        grades=("3",),
        contexts={},
        big_idea=(
            "Multiplication and division are connected: 32 ÷ 8 asks 'what times 8 makes 32?' The unknown number "
            "can be anywhere in the equation."
        ),
        approach=(
            "Read the equation and find the unknown.",
            "Turn it into a multiplication question with an unknown factor: ? × 8 = 32.",
            "Use a fact you know to find it.",
            "Put it back into the equation to check.",
        ),
        mistakes=(
            "adding or subtracting instead of multiplying",
            "dividing 5 by 3 to solve 5 = ? ÷ 3, instead of multiplying",
            "forgetting which number is the total",
        ),
        worked=_Worked(
            question="Find 32 ÷ 8 by finding the number that makes 32 when multiplied by 8.",
            steps=(
                "Write ? × 8 = 32.",
                "Count by 8s: 8, 16, 24, 32. That is 4 eights.",
            ),
            answer="4. 32 ÷ 8 = 4, because 4 × 8 = 32.",
        ),
        try_it=("Find the unknown number: 8 × ? = 48.", "6."),
    ),
    _Topic(
        pattern=r"strategies to multiply",
        grades=("3",),
        contexts={},
        big_idea=(
            "Properties of operations turn a hard fact into easier ones when you multiply and divide: swap the "
            "factors (6 × 4 = 4 × 6, the commutative property), group three factors differently (the associative "
            "property), or split one factor into parts (8 × 7 = 8 × 5 + 8 × 2, the distributive property)."
        ),
        approach=(
            "Look at the factors. Is there a fact you already know nearby?",
            "Swap the factors, or group three factors in an easier order.",
            "Or split a factor into two easier parts and multiply each part.",
            "Add the parts, and check.",
        ),
        mistakes=(
            "splitting a factor but multiplying only one part",
            "adding the factors instead of multiplying them",
            "thinking 4 × 6 and 6 × 4 give different products",
        ),
        worked=_Worked(
            question="Find 8 × 7 from 8 × 5 and 8 × 2.",
            steps=(
                "Split 7 into 5 + 2.",
                "8 × 5 = 40.",
                "8 × 2 = 16.",
                "40 + 16 = 56.",
            ),
            answer="8 × 7 = 56.",
        ),
        try_it=("Find 3 × 5 × 2 by doing 5 × 2 first.", "5 × 2 = 10, and 3 × 10 = 30."),
    ),
    _Topic(
        pattern=r"multiply and divide within 100",
        grades=("3",),
        contexts={},
        big_idea=(
            "To multiply and divide fluently, know every one-digit multiplication fact by heart: each one gives a "
            "division fact too, as 8 × 5 = 40 gives 40 ÷ 5 = 8. Then every product of two one-digit numbers is "
            "quick to find."
        ),
        approach=(
            "Start from a fact you know: doubles, 5s, 10s.",
            "Build the new fact from it: 6 × 7 is 5 × 7 and one more 7.",
            "Use the multiplication fact to find the division fact.",
            "Practice a few facts every day until they come quickly.",
        ),
        mistakes=(
            "mixing up neighboring facts, such as 6 × 8 and 7 × 8",
            "losing your place when skip-counting",
            "forgetting that 0 times any number is 0",
        ),
        hands_on=_HandsOn(
            name="Fact-family arrays",
            materials=("two number cubes", "grid paper", "colored pencils", "a multiplication chart"),
            steps=(
                "Roll two number cubes and draw an array for the product on grid paper.",
                "Write the fact family: two multiplication facts and two division facts.",
                "Cut out the array and turn it. Does the product change?",
                "Color the fact on the multiplication chart. Which facts are still blank?",
            ),
        ),
        worked=_Worked(
            question="Find 6 × 7, then use it to find 42 ÷ 7.",
            steps=(
                "Start from a fact you know: 5 × 7 = 35.",
                "Add one more 7: 35 + 7 = 42, so 6 × 7 = 42.",
                "Since 6 × 7 = 42, 42 ÷ 7 = 6.",
            ),
            answer="6 × 7 = 42 and 42 ÷ 7 = 6.",
        ),
        try_it=("Find 9 × 8.", "72: 10 × 8 = 80, and one 8 less is 72."),
    ),
    _TWO_STEP,
    replace(
        _TWO_STEP,
        pattern=r"multistep word problems",
        grades=("4",),
        big_idea=(
            "Multistep problems can use all four operations. When a division leaves a remainder, the story "
            "decides what it means: round up, leave it out, or report it."
        ),
        mistakes=(
            "dropping a remainder that means one more bus or box is needed",
            "writing a remainder as a decimal digit, as in 4.5 buses",
            "stopping after the first step",
        ),
        worked=_Worked(
            question="125 students go on a trip, and each bus holds 30 students. How many buses are needed?",
            steps=(
                "Divide: 125 ÷ 30 = 4, remainder 5.",
                "4 buses hold 120 students, so 5 students are left.",
                "They need a bus too, so round up.",
            ),
            answer="5 buses.",
        ),
        try_it=(
            "You have $50. You buy 3 books at $12 each. How much money is left?",
            "$14: 3 × 12 = 36, and 50 − 36 = 14.",
        ),
    ),
    _Topic(
        pattern=r"powers of 10",
        grades=("5",),
        contexts={
            "space": "the distances between planets",
            "money": "prices multiplied for a whole school order",
            "nature": "the sizes of tiny living things under a microscope",
            "technology": "the storage sizes of files",
        },
        big_idea=(
            "Multiplying by 10 shifts every digit one place to the left; dividing by 10 shifts every digit one "
            "place to the right. An exponent counts the tens: 10³ = 10 × 10 × 10 = 1,000."
        ),
        approach=(
            "Read the exponent, or count the zeros in the power of 10.",
            "To multiply, shift each digit that many places left: the decimal point moves right.",
            "To divide, shift each digit that many places right.",
            "Check with an estimate: multiplying by 10 makes a number bigger.",
        ),
        mistakes=(
            "just adding a zero to a decimal, as in 2.5 × 10 = 2.50",
            "moving the decimal point the wrong way",
            "reading 10³ as 30",
        ),
        hands_on=_HandsOn(
            name="Place-value slide",
            materials=(
                "a place-value chart strip from thousands to thousandths",
                "digit cards",
                "a decimal-point card",
            ),
            steps=(
                "Put the digit cards for 3.47 on the chart.",
                "Multiply by 10: slide every card one place left. Read the new number.",
                "Multiply by 10 again. How many zeros does 10² have, and how far did the digits move?",
                "Divide by 10 three times, writing each result, and describe the pattern.",
            ),
        ),
        worked=_Worked(
            question="Find 3.47 × 10² and 3.47 ÷ 10.",
            steps=(
                "10² = 100, so the digits shift two places.",
                "3.47 × 100: each digit moves two places left, giving 347.",
                "3.47 ÷ 10: each digit moves one place right, giving 0.347.",
            ),
            answer="3.47 × 10² = 347 and 3.47 ÷ 10 = 0.347.",
        ),
        try_it=("Write 6 × 10⁴ as a whole number.", "60,000."),
    ),
    _PATTERNS,
    replace(
        _PATTERNS,
        pattern=r"pattern",
        grades=("4",),
        big_idea=(
            "A rule such as 'add 3' makes a pattern, and the pattern often has features the rule does not say, "
            "such as odd and even numbers taking turns."
        ),
        approach=(
            "Start at the given number and apply the rule to make several terms.",
            "Look for a feature the rule does not mention: odd and even, ones digits, growth.",
            "Test the feature on more terms.",
            "Explain informally why it keeps happening.",
        ),
        worked=_Worked(
            question="Start at 1 and use the rule 'add 3'. Write the first 6 terms. What do you notice?",
            steps=(
                "The terms are 1, 4, 7, 10, 13, 16.",
                "They go odd, even, odd, even.",
                "Adding 3, an odd number, turns an odd number even and an even number odd.",
            ),
            answer="The terms take turns being odd and even, because adding an odd number switches between them.",
        ),
        try_it=(
            "Start at 5 and use the rule 'add 4'. Will 42 ever be a term?",
            "No: adding an even number keeps an odd number odd, so every term is odd.",
        ),
    ),
    replace(
        _PATTERNS,
        grades=("5",),
        big_idea=(
            "Two rules make two numerical patterns. Pairing the terms in order, first with first and second with "
            "second, shows a relationship, and graphing the pairs as points makes it visible."
        ),
        approach=(
            "Write the terms of each pattern in a table, side by side.",
            "Form ordered pairs from the corresponding terms.",
            "Look for a relationship: is one term always a multiple of the other?",
            "Graph the ordered pairs on a coordinate plane and explain why the relationship holds.",
        ),
        worked=_Worked(
            question="Rule A starts at 0 and adds 3. Rule B starts at 0 and adds 6. Compare the terms.",
            steps=(
                "A: 0, 3, 6, 9, 12.",
                "B: 0, 6, 12, 18, 24.",
                "Pair them: (0, 0), (3, 6), (6, 12), (9, 18), (12, 24).",
                "Each B term is twice the A term, because B adds twice as much each time.",
            ),
            answer="Each term of B is 2 times the matching term of A, and the ordered pairs lie on a line.",
        ),
        try_it=(
            "Rule A starts at 0 and adds 2; rule B starts at 0 and adds 8. What is the B term when the A term is 10?",
            "40: each B term is 4 times the A term.",
        ),
    ),
    _ROUNDING,
    replace(
        _ROUNDING,
        grades=("4",),
        big_idea=(
            "Round a multi-digit number to any place by finding the two numbers at that place it lies between, "
            "and seeing which one it is closer to; the digit just to the right decides."
        ),
        approach=(
            "Underline the digit in the place you are rounding to.",
            "Find the two numbers at that place the number lies between.",
            "Look at the digit just to the right: 5 or more rounds up, less than 5 rounds down.",
            "Write zeros in every place to the right.",
        ),
        worked=_Worked(
            question="Round 46,718 to the nearest thousand.",
            steps=(
                "46,718 is between 46,000 and 47,000.",
                "The digit to the right of the thousands place is 7 (hundreds).",
                "7 is 5 or more, so round up.",
            ),
            answer="47,000.",
        ),
        try_it=("Round 253,490 to the nearest ten thousand.", "250,000."),
    ),
    replace(
        _ROUNDING,
        grades=("5",),
        contexts={
            "sports": "race times in seconds",
            "money": "prices in dollars and cents",
            "nature": "the rainfall in a month, in inches",
            "cooking": "ingredient weights in kilograms",
        },
        big_idea=(
            "Decimals round the same way as whole numbers: find the two numbers at the place you want that the "
            "decimal lies between, and see which is closer."
        ),
        approach=(
            "Underline the digit in the place you are rounding to.",
            "Find the two numbers at that place the decimal lies between.",
            "Look at the digit just to the right: 5 or more rounds up.",
            "Drop the digits after the rounding place.",
        ),
        mistakes=(
            "rounding one digit at a time from the right (3.847 to 3.85 to 3.9)",
            "dropping a needed zero, as in writing 12.2 when the hundredths place was asked for",
            "rounding to the wrong place",
        ),
        worked=_Worked(
            question="Round 3.847 to the nearest tenth.",
            steps=(
                "3.847 is between 3.8 and 3.9.",
                "Halfway is 3.85, and 3.847 is less than 3.85.",
                "So it is closer to 3.8.",
            ),
            answer="3.8.",
        ),
        try_it=("Round 12.195 to the nearest hundredth.", "12.20: it is exactly halfway, so it rounds up."),
    ),
    _Topic(
        pattern=r"multiples of 10",
        grades=("3",),
        contexts={
            "money": "paying with $10 bills",
            "sports": "rows of 40 seats in the bleachers",
            "cooking": "boxes of 20 granola bars",
            "building": "stacks of 30 bricks",
        },
        big_idea=(
            "9 × 80 is 9 × 8 tens, which is 72 tens, or 720. Multiply the one-digit fact, then remember the "
            "answer counts tens."
        ),
        approach=(
            "Rewrite the multiple of 10 as tens: 80 is 8 tens.",
            "Multiply the one-digit fact: 9 × 8 = 72.",
            "The answer is that many tens: 72 tens is 720.",
            "Check with an array or an estimate.",
        ),
        mistakes=(
            "writing 9 × 80 = 72",
            "adding a zero for every factor, as in 5 × 60 = 3,000",
            "thinking the extra zero in 5 × 60 = 300 is a mistake",
        ),
        hands_on=_HandsOn(
            name="Ten-rod arrays",
            materials=("base-ten rods", "grid paper", "number cards"),
            steps=(
                "Build 4 × 30 as 4 rows of 3 rods.",
                "Count the rods: 12 rods. How many units is that?",
                "Draw the array on grid paper and write 4 × 30 = 12 tens = 120.",
                "Do the same for two cards you draw, such as 6 × 50.",
            ),
        ),
        worked=_Worked(
            question="Find 5 × 60.",
            steps=(
                "60 is 6 tens.",
                "5 × 6 = 30.",
                "30 tens is 300.",
            ),
            answer="5 × 60 = 300.",
        ),
        try_it=("Find 9 × 80.", "720."),
    ),
    _Topic(
        pattern=r"denominators? 10|decimal notation",
        grades=("4",),
        contexts={
            "money": "dimes and pennies as parts of a dollar",
            "sports": "race distances in tenths and hundredths of a meter",
            "nature": "rainfall measured in hundredths of an inch",
            "building": "lengths marked on a meter stick",
        },
        big_idea=(
            "Tenths and hundredths are connected: 1 tenth is 10 hundredths, so 3/10 = 30/100. Decimals are "
            "another way to write them: 3/10 is 0.3 and 62/100 is 0.62."
        ),
        approach=(
            "Change tenths to hundredths by multiplying the numerator and the denominator by 10.",
            "Add the fractions once both are in hundredths.",
            "Write hundredths as a decimal: 62/100 = 0.62.",
            "Check on a hundred grid or a number line.",
        ),
        mistakes=(
            "writing 3/10 + 4/100 = 7/110",
            "writing 62/100 as 6.2",
            "writing 5/100 as 0.5",
        ),
        hands_on=_HandsOn(
            name="Hundred-grid decimals",
            materials=("10 × 10 grids", "colored pencils", "a meter stick", "decimal cards"),
            steps=(
                "Shade 3 columns of a 10 × 10 grid. Write the amount as tenths, as hundredths and as a decimal.",
                "Shade 4 more single squares. Write the new total as a fraction and as a decimal.",
                "Find 0.62 on the meter stick. How many centimeters is it?",
                "Trade decimal cards with a partner and shade each other's numbers.",
            ),
        ),
        worked=_Worked(
            question="Find 3/10 + 4/100.",
            steps=(
                "Rename 3/10 as hundredths: 3/10 = 30/100.",
                "Add: 30/100 + 4/100 = 34/100.",
                "Write it as a decimal: 0.34.",
            ),
            answer="34/100, or 0.34.",
        ),
        try_it=(
            "Write 0.62 as a fraction, and say what 0.62 meters is in centimeters.",
            "62/100; 0.62 meters is 62 centimeters.",
        ),
    ),
    _EQUIVALENT_FRACTIONS,
    replace(
        _EQUIVALENT_FRACTIONS,
        grades=("4",),
        big_idea=(
            "Multiplying the numerator and the denominator by the same number n cuts each part into n smaller "
            "parts: there are n times as many parts, each 1/n the size, so the amount stays the same: "
            "a/b = (n × a)/(n × b)."
        ),
        approach=(
            "Draw a fraction model of a/b.",
            "Cut every part into n equal pieces.",
            "Count: there are n times as many parts in all, and n times as many shaded.",
            "Write a/b = (n × a)/(n × b), and check that the shaded amount did not change.",
        ),
        mistakes=(
            "multiplying only the numerator, or only the denominator",
            "adding the same number to the top and the bottom (1/2 = 2/3)",
            "thinking smaller parts mean a smaller amount",
        ),
        worked=_Worked(
            question="Show that 2/3 = 8/12.",
            steps=(
                "Draw a bar cut into 3 equal parts, and shade 2 of them.",
                "Cut each part into 4 equal pieces: now there are 12 pieces in all.",
                "The shaded part is now 8 pieces.",
                "So 2/3 = (4 × 2)/(4 × 3) = 8/12.",
            ),
            answer="2/3 = 8/12: the same amount, cut into 4 times as many parts.",
        ),
        try_it=("Is 3/5 equivalent to 6/10?", "Yes: 3/5 = (2 × 3)/(2 × 5) = 6/10."),
    ),
    _COMPARE_FRACTIONS,
    replace(
        _COMPARE_FRACTIONS,
        grades=("4",),
        big_idea=(
            "To compare fractions with different numerators and denominators, give them a common denominator "
            "(or numerator), or compare each with a benchmark such as 1/2. Both must be of the same whole."
        ),
        approach=(
            "Check that both fractions are of the same whole.",
            "Compare each with 1/2 or with 1, if that settles it.",
            "Otherwise rewrite them with a common denominator.",
            "Compare, record with >, = or <, and justify with a fraction model.",
        ),
        mistakes=(
            "comparing only the denominators",
            "finding a common denominator but changing only one numerator",
            "forgetting that a comparison needs the same whole",
        ),
        worked=_Worked(
            question="Compare 5/8 and 2/3.",
            steps=(
                "Use the common denominator 24: 5/8 = 15/24 and 2/3 = 16/24.",
                "16/24 is more than 15/24.",
            ),
            answer="2/3 > 5/8.",
        ),
        try_it=("Use 1/2 to compare 3/8 and 4/6.", "3/8 < 1/2 and 4/6 > 1/2, so 3/8 < 4/6."),
    ),
    _Topic(
        pattern=r"number line",
        grades=("3",),
        contexts={
            "sports": "a running track marked in fractions of a mile",
            "nature": "a trail with markers every quarter mile",
            "music": "a beat split into equal parts",
            "building": "a ruler marked in halves and fourths of an inch",
        },
        big_idea=(
            "A fraction is a number with its own place on the number line. Split the space from 0 to 1 into b "
            "equal parts; each part is 1/b long, and a/b is a of those parts counted from 0."
        ),
        approach=(
            "Draw a number line and mark 0 and 1.",
            "Split the space from 0 to 1 into equal parts: the denominator says how many.",
            "Count parts from 0: the numerator says how many.",
            "Mark the point and label it.",
        ),
        mistakes=(
            "counting the tick marks instead of the spaces",
            "making the parts different sizes",
            "starting to count at 1 instead of at 0",
        ),
        hands_on=_HandsOn(
            name="Fraction number line",
            materials=(
                "paper strips the same length as the space from 0 to 1",
                "a long number line on the board",
                "markers",
                "fraction cards",
            ),
            steps=(
                "Fold a strip into 4 equal parts and lay it on the number line from 0 to 1.",
                "Mark 1/4, 2/4 and 3/4 at the folds.",
                "Do the same with strips folded into 3, 6 and 8 equal parts.",
                "Place the fraction cards on the class number line and explain each spot.",
            ),
        ),
        worked=_Worked(
            question="Mark 1/4 and 3/4 on a number line.",
            steps=(
                "Draw a line and mark 0 and 1. The space from 0 to 1 is the whole.",
                "Split it into 4 equal parts, with 3 tick marks between 0 and 1.",
                "The first part, from 0 to the first tick mark, has size 1/4; its endpoint is the number 1/4.",
                "Mark off 3 lengths of 1/4 from 0: that endpoint is the number 3/4.",
            ),
            answer="1/4 is at the end of the first part, and 3/4 at the end of the third, one part before 1.",
        ),
        try_it=(
            "The space from 0 to 1 is split into 6 equal parts. What number is at the second tick mark after 0?",
            "2/6.",
        ),
    ),
    _Topic(
        pattern=r"fraction 1/b",
        grades=("3",),
        contexts={},
        big_idea=(
            "When a whole is cut into b equal parts, each part is 1/b. A fraction a/b is a of those parts: 3/4 is "
            "3 parts of size 1/4."
        ),
        approach=(
            "Decide what the whole is.",
            "Split it into equal parts; the number of parts is the denominator.",
            "Each part is a unit fraction: 1/4 if there are 4 parts.",
            "Count the parts you have: that is the numerator.",
        ),
        mistakes=(
            "counting parts that are not equal",
            "writing the shaded parts over the unshaded parts (3/1 instead of 3/4)",
            "thinking 1/6 is bigger than 1/3 because 6 is bigger than 3",
        ),
        worked=_Worked(
            question="A sandwich is cut into 4 equal parts, and Sam eats 3 of them. What fraction of the sandwich "
            "did Sam eat?",
            steps=(
                "The whole is the sandwich, cut into 4 equal parts.",
                "Each part is 1/4 of the sandwich.",
                "Sam ate 3 parts of size 1/4.",
            ),
            answer="Sam ate 3/4 of the sandwich.",
        ),
        try_it=(
            "A ribbon is cut into 6 equal pieces. What fraction of the ribbon is one piece? Two pieces?",
            "1/6 and 2/6.",
        ),
    ),
    _Topic(
        pattern=r"liquid volumes",
        grades=("3",),
        contexts={
            "cooking": "flour and water for a bread recipe",
            "nature": "rain collected in a rain gauge",
            "sports": "water bottles for a team",
            "space": "moon rocks weighed in a museum",
        },
        big_idea=(
            "Mass is how heavy something is, measured in grams (g) and kilograms (kg). Liquid volume is how much "
            "a container holds, measured in liters (l). Read the scale, then add, subtract, multiply or divide."
        ),
        approach=(
            "Decide: is it a mass or a liquid volume?",
            "Read the scale or the beaker carefully, working out what each mark between the numbers is worth.",
            "Draw the problem, such as a beaker with a scale.",
            "Solve, and answer with the unit: g, kg or l.",
        ),
        mistakes=(
            "mixing up grams and kilograms",
            "counting each mark on a scale as 1 when each mark is worth 2 or 5",
            "thinking a bigger object always has more mass",
        ),
        hands_on=_HandsOn(
            name="Mass and volume stations",
            materials=(
                "a balance scale with gram weights",
                "a 1-liter jug and cups",
                "objects to weigh",
                "a recording sheet",
            ),
            steps=(
                "Estimate the mass of three objects, then weigh them in grams.",
                "Fill cups from the 1-liter jug. How many cups make a liter?",
                "Write a word problem that uses your measurements.",
                "Swap problems with another group and solve theirs.",
            ),
        ),
        worked=_Worked(
            question="A bucket holds 9 liters. How many times must you pour a full 3-liter jug into it to fill it?",
            steps=(
                "Draw the bucket, marked 9 l.",
                "Each jug adds 3 l: 3, 6, 9.",
                "That is 3 jugs: 9 ÷ 3 = 3.",
            ),
            answer="3 jugs.",
        ),
        try_it=(
            "A bag of apples has a mass of 850 g and a bag of oranges 600 g. How much heavier are the apples?",
            "250 g.",
        ),
    ),
    _Topic(
        pattern=r"b \+ c",
        grades=("3",),
        contexts={},
        big_idea=(
            "A rectangle can be split into two smaller rectangles, and its area is the sum of their areas: "
            "6 × 7 = 6 × 5 + 6 × 2. That is the distributive property."
        ),
        approach=(
            "Draw the rectangle and label its side lengths.",
            "Split the long side into two easier parts, such as 7 = 5 + 2.",
            "Find the area of each smaller rectangle.",
            "Add the two areas.",
        ),
        mistakes=(
            "splitting one side but multiplying only one part",
            "adding the side lengths instead of the areas",
            "splitting the side into parts that do not add up to it",
        ),
        hands_on=_HandsOn(
            name="Split the rectangle",
            materials=("grid paper", "scissors", "colored pencils"),
            steps=(
                "Draw a 6 by 7 rectangle on grid paper.",
                "Cut it into a 6 by 5 and a 6 by 2 rectangle.",
                "Find the area of each piece, and add them.",
                "Split the same rectangle a different way. Do you get the same total?",
            ),
        ),
        worked=_Worked(
            question="Find the area of a 6 by 7 rectangle by splitting it.",
            steps=(
                "Split the side of 7 into 5 and 2.",
                "The smaller rectangles have areas 6 × 5 = 30 and 6 × 2 = 12.",
                "Add: 30 + 12 = 42.",
                "So 6 × (5 + 2) = 6 × 5 + 6 × 2 = 42.",
            ),
            answer="42 square units.",
        ),
        try_it=("Use 4 × 10 and 4 × 3 to find 4 × 13.", "40 + 12 = 52."),
    ),
    _Topic(
        pattern=r"area as additive|rectilinear",
        grades=("3",),
        contexts={
            "building": "the floor of an L-shaped room",
            "nature": "a garden with two rectangular beds",
            "art": "a mural made of two rectangular panels",
            "sports": "a playground made of two rectangles",
        },
        big_idea=(
            "Area adds up: an L-shaped floor can be split into two rectangles that do not overlap, and its area "
            "is the sum of their areas."
        ),
        approach=(
            "Draw the figure and label every side length you know.",
            "Split it into rectangles that do not overlap.",
            "Find the area of each rectangle.",
            "Add the areas.",
        ),
        mistakes=(
            "counting the overlap twice",
            "using a side length that belongs to the other rectangle",
            "forgetting to work out a missing side length first",
        ),
        hands_on=_HandsOn(
            name="Design a room",
            materials=("grid paper", "rulers", "colored pencils"),
            steps=(
                "Draw an L-shaped room on grid paper, along the grid lines.",
                "Split it into two rectangles and color them differently.",
                "Find each rectangle's area, and add them.",
                "Split it the other way, and check that the total is the same.",
            ),
        ),
        worked=_Worked(
            question="An L-shaped room is made of a 4 m by 5 m part and a 2 m by 3 m part. What is its area?",
            steps=(
                "First rectangle: 4 × 5 = 20 square meters.",
                "Second rectangle: 2 × 3 = 6 square meters.",
                "Add: 20 + 6 = 26.",
            ),
            answer="26 square meters.",
        ),
        try_it=(
            "A figure is made of a 3 by 3 square and a 2 by 5 rectangle, side by side. What is its area?",
            "19 square units: 9 + 10 = 19.",
        ),
    ),
    _Topic(
        pattern=r"area of a rectangle|multiply side lengths|relate area",
        grades=("3",),
        contexts={
            "building": "a rug for the reading corner",
            "nature": "a vegetable garden",
            "art": "a poster for the hallway",
            "sports": "a basketball court drawn on grid paper",
        },
        big_idea=(
            "The area of a rectangle is rows times columns: a rectangle 4 units wide and 6 units long holds 4 "
            "rows of 6 unit squares, so its area is 4 × 6 = 24 square units. Multiplication is a fast way to do "
            "the addition 6 + 6 + 6 + 6."
        ),
        approach=(
            "Find the side lengths.",
            "Picture the rows of unit squares: one side gives the number of rows, the other the squares in each.",
            "Multiply the side lengths: multiplication adds up all the rows at once.",
            "Write the area in square units, and check by counting, or by addition of the rows.",
        ),
        mistakes=(
            "adding the side lengths instead of multiplying them",
            "giving the area in units instead of square units",
            "multiplying all four side lengths",
        ),
        hands_on=_HandsOn(
            name="Tile, then multiply",
            materials=("square tiles", "grid paper", "rulers", "rectangle cards with side lengths"),
            steps=(
                "Build a 3 by 5 rectangle with tiles.",
                "Count the tiles, then multiply 3 × 5. Do you get the same number?",
                "Draw three more rectangles on grid paper and find each area both ways.",
                "Find two different rectangles with an area of 24 square units.",
            ),
        ),
        worked=_Worked(
            question="A rug is 4 feet wide and 7 feet long. What is its area?",
            steps=(
                "Picture it tiled with square feet: 4 rows of 7 squares.",
                "Multiply the side lengths: 4 × 7 = 28.",
                "Check by skip-counting the rows: 7, 14, 21, 28.",
            ),
            answer="28 square feet.",
        ),
        try_it=("A garden is 6 meters by 9 meters. What is its area?", "54 square meters."),
    ),
    _PERIMETER,
    replace(
        _PERIMETER,
        grades=("4",),
        big_idea=(
            "For a rectangle, area = length × width and perimeter = 2 × length + 2 × width. Seeing a formula as an "
            "equation with an unknown lets you find a missing side."
        ),
        approach=(
            "Sketch the rectangle and label what you know.",
            "Write the formula the question needs: area or perimeter.",
            "Put in the values and solve for the unknown, such as a missing width.",
            "Answer with the right units: square units for area, units for perimeter.",
        ),
        mistakes=(
            "using the perimeter formula when the area is asked for",
            "subtracting instead of dividing to find a missing side from the area",
            "giving the perimeter in square units",
        ),
        worked=_Worked(
            question="A rectangular room has 48 square feet of flooring and is 8 feet long. How wide is it? What is "
            "its perimeter?",
            steps=(
                "Area: 8 × w = 48, so w = 48 ÷ 8 = 6 feet.",
                "Perimeter: 2 × 8 + 2 × 6 = 16 + 12 = 28 feet.",
            ),
            answer="The room is 6 feet wide, and its perimeter is 28 feet.",
        ),
        try_it=(
            "A garden is 12 m long and 5 m wide. What are its area and perimeter?",
            "60 square meters and 34 meters.",
        ),
    ),
    _Topic(
        pattern=r"\barea",
        grades=("3",),
        contexts={
            "building": "tiling a bathroom floor",
            "art": "a mosaic made of square tiles",
            "games": "a game board made of squares",
            "nature": "a garden bed",
        },
        big_idea=(
            "Area is an attribute of a plane figure: how much flat space it covers. Its measurement is in square "
            "units: a unit square is 1 unit on each side, and a figure covered by 12 unit squares, with no gaps or "
            "overlaps, has an area of 12 square units."
        ),
        approach=(
            "Choose a unit square to measure with: a square centimeter, a square inch, or a square tile.",
            "Cover the plane figure with unit squares, with no gaps or overlaps.",
            "Count the squares.",
            "Write the area in square units.",
        ),
        mistakes=(
            "counting the squares along the edge instead of all the squares inside",
            "leaving gaps between the tiles, or overlapping them",
            "writing the area in units instead of square units",
        ),
        hands_on=_HandsOn(
            name="Tile it",
            materials=("1-inch square tiles", "centimeter grid paper", "shapes cut from card", "colored pencils"),
            steps=(
                "Cover a card shape with tiles, with no gaps or overlaps.",
                "Count the tiles: that is the area in square inches.",
                "Trace the shape on centimeter grid paper and count the squares.",
                "Why are the two counts different? Which unit square is bigger?",
            ),
        ),
        worked=_Worked(
            question="A shape is covered, with no gaps, by rows of 4, 4 and 2 unit squares. What is its area?",
            steps=(
                "Count the squares in each row: 4, 4 and 2.",
                "Add: 4 + 4 + 2 = 10.",
                "Each square is 1 square unit.",
            ),
            answer="10 square units.",
        ),
        try_it=("A rectangle is covered by 3 rows of 5 square inches. What is its area?", "15 square inches."),
    ),
    _Topic(
        pattern=r"categor|quadrilateral",
        grades=("3",),
        contexts={},
        big_idea=(
            "Shapes in different categories can share attributes: rhombuses, rectangles and squares all have "
            "four sides, so they are all quadrilaterals. A square is both a rhombus and a rectangle."
        ),
        approach=(
            "Count the sides: four sides make a quadrilateral.",
            "Check the sides: are all four the same length (a rhombus)?",
            "Check the angles: are all four square corners (a rectangle)?",
            "Name every category the shape belongs to.",
        ),
        mistakes=(
            "thinking a square is not a rectangle",
            "thinking a shape can have only one name",
            "calling a shape a rhombus just because it is tilted",
        ),
        worked=_Worked(
            question="A shape has 4 equal sides and 4 square corners. Which categories does it belong to?",
            steps=(
                "It has 4 sides, so it is a quadrilateral.",
                "Its 4 sides are equal, so it is a rhombus.",
                "It has 4 square corners, so it is a rectangle.",
                "A rhombus that is also a rectangle is a square.",
            ),
            answer="It is a square, a rhombus, a rectangle and a quadrilateral.",
        ),
        try_it=(
            "Describe a quadrilateral that is not a rhombus, a rectangle or a square.",
            "Any four-sided shape with sides of different lengths and no square corners, such as a kite shape.",
        ),
    ),
    _Topic(
        pattern=r"comparison",
        grades=("4",),
        contexts={
            "sports": "one team scoring 3 times as many points as another",
            "nature": "a tree 4 times as tall as a bush",
            "money": "a bike that costs 5 times as much as a helmet",
            "cooking": "a recipe with twice as much flour as sugar",
        },
        big_idea=(
            "Multiplication can compare: 35 = 5 × 7 says that 35 is 5 times as many as 7. 'Times as many' "
            "multiplies; 'more than' adds."
        ),
        approach=(
            "Find the two amounts being compared, and which one is 'times as many'.",
            "Draw a bar for the smaller amount, and that many copies of it for the larger.",
            "Write a multiplication or division equation with a symbol for the unknown.",
            "Solve, and check: is it 'times as many' (multiply) or 'more than' (add)?",
        ),
        mistakes=(
            "adding when the problem says 'times as many'",
            "multiplying when the problem says 'more than'",
            "dividing the wrong way round",
        ),
        hands_on=_HandsOn(
            name="Bar-model comparisons",
            materials=("paper strips", "connecting cubes", "mini whiteboards"),
            steps=(
                "Build a tower of 4 cubes. Build a tower 3 times as tall.",
                "Draw both towers as bar models and write the equation: 3 × 4 = 12.",
                "Build a tower 3 cubes taller than the first. Write that equation: 4 + 3 = 7.",
                "Write one 'times as many' and one 'more than' story for your towers.",
            ),
        ),
        worked=_Worked(
            question="A red scarf costs $6. A blue scarf costs 3 times as much. How much is the blue scarf?",
            steps=(
                "Draw one bar for the red scarf: $6.",
                "Draw 3 bars of $6 for the blue scarf.",
                "Write b = 3 × 6.",
                "b = 18.",
            ),
            answer="The blue scarf costs $18: 3 times as much, not $3 more.",
        ),
        try_it=(
            "Write 35 = 5 × 7 as two 'times as many' sentences.",
            "35 is 5 times as many as 7, and 35 is 7 times as many as 5.",
        ),
    ),
    _Topic(
        pattern=r"factor pairs|prime",
        grades=("4",),
        contexts={
            "sports": "arranging players in equal rows for a team photo",
            "cooking": "arranging cookies in a rectangular box",
            "building": "building rectangles from square tiles",
            "games": "dealing cards into equal piles",
        },
        big_idea=(
            "Factor pairs of a number are two whole numbers that multiply to make it: 24 = 1 × 24 = 2 × 12 = "
            "3 × 8 = 4 × 6. A number with only one factor pair (1 and itself) is prime; with more, it is composite."
        ),
        approach=(
            "Start with 1 × the number.",
            "Try 2, 3, 4 and so on, in order: does each divide evenly?",
            "Stop when the factors start to repeat.",
            "Count the pairs: one pair means prime, more than one means composite.",
        ),
        mistakes=(
            "missing a factor pair by skipping a number",
            "thinking 1 is a prime number",
            "thinking every odd number is prime (9 = 3 × 3)",
        ),
        hands_on=_HandsOn(
            name="Rectangle factor hunt",
            materials=("square tiles", "grid paper", "a hundred chart"),
            steps=(
                "Build every rectangle you can with 12 tiles. Record the side lengths.",
                "Do the same with 13 tiles. What is different?",
                "Shade the prime numbers up to 30 on the hundred chart.",
                "Is 1 prime? Explain with tiles.",
            ),
        ),
        worked=_Worked(
            question="Find all the factor pairs of 24. Is 24 prime or composite?",
            steps=(
                "1 × 24.",
                "2 × 12.",
                "3 × 8.",
                "4 × 6. 5 does not divide 24, and 6 is already in a pair, so stop.",
            ),
            answer="1 × 24, 2 × 12, 3 × 8 and 4 × 6. 24 is composite.",
        ),
        try_it=("Is 17 prime or composite?", "Prime: its only factor pair is 1 × 17."),
    ),
    _PLACE_TIMES_TEN,
    replace(
        _PLACE_TIMES_TEN,
        pattern=r"10 times",
        grades=("5",),
        big_idea=(
            "A digit is worth 10 times what the same digit is worth one place to the right, and 1/10 of what it is "
            "worth one place to the left, on both sides of the decimal point: 3 is 10 times 0.3, and 0.3 is 1/10 "
            "of 3."
        ),
        approach=(
            "Write both numbers in a place-value chart, lining up the decimal points.",
            "Find the digit in each number, and the place it is in.",
            "Each place to the left is 10 times as much; each place to the right is 1/10 as much.",
            "Check by multiplying or dividing by 10.",
        ),
        mistakes=(
            "thinking one place to the right is worth 10 less, not 1/10 as much",
            "thinking 0.5 is bigger than 5 because it has more digits",
            "putting the decimal point in the wrong place",
        ),
        worked=_Worked(
            question="Compare the value of the 5 in 5.2 with the value of the 5 in 0.52.",
            steps=(
                "In 5.2, the 5 is in the ones place: it is worth 5.",
                "In 0.52, the 5 is in the tenths place: it is worth 0.5.",
                "5 is 10 times 0.5, and 0.5 is 1/10 of 5.",
            ),
            answer="The 5 in 5.2 is worth 10 times the 5 in 0.52.",
        ),
        try_it=("What is 1/10 of 30?", "3."),
    ),
    _COMPARE_DECIMALS,
    replace(
        _COMPARE_DECIMALS,
        grades=("5",),
        big_idea=(
            "To compare decimals to thousandths, line up the decimal points and compare place by place from the "
            "left: the first place where the digits differ decides."
        ),
        worked=_Worked(
            question="Compare 2.406 and 2.46.",
            steps=(
                "Line them up, with a zero to fill the thousandths: 2.406 and 2.460.",
                "Ones: 2 and 2. Tenths: 4 and 4.",
                "Hundredths: 0 and 6. 6 is more.",
            ),
            answer="2.406 < 2.46.",
        ),
        try_it=("Order 0.3, 0.305 and 0.035 from least to greatest.", "0.035, 0.3, 0.305."),
    ),
    _ALGORITHM,
    replace(
        _ALGORITHM,
        grades=("5",),
        big_idea=(
            "The standard algorithm for multiplying works with one digit of one factor at a time, writes each "
            "partial product in its place, and adds them."
        ),
        approach=(
            "Estimate the product by rounding.",
            "Multiply by the ones digit, regrouping as you go.",
            "Multiply by the tens digit, starting with a 0 in the ones place.",
            "Add the partial products, and compare with your estimate.",
        ),
        mistakes=(
            "forgetting the 0 when multiplying by the tens digit",
            "adding a regrouped digit before multiplying instead of after",
            "lining up the partial products in the wrong places",
        ),
        worked=_Worked(
            question="Find 327 × 24.",
            steps=(
                "Estimate: 300 × 25 = 7,500.",
                "Multiply by 4: 327 × 4 = 1,308.",
                "Multiply by 20: write a 0 in the ones place, then 327 × 2 = 654, giving 6,540.",
                "Add: 1,308 + 6,540 = 7,848.",
            ),
            answer="327 × 24 = 7,848.",
        ),
        try_it=("Find 1,206 × 35.", "42,210."),
    ),
    _Topic(
        pattern=r"multiply a whole number",
        grades=("4",),
        contexts={
            "sports": "the seats in a stadium with equal sections",
            "cooking": "the eggs needed for many batches of a recipe",
            "money": "the cost of tickets for a whole grade",
            "building": "the bricks in a wall with equal rows",
        },
        big_idea=(
            "Break big products into place-value parts: 4 × 236 = 4 × 200 + 4 × 30 + 4 × 6. An area model shows "
            "each part as a rectangle."
        ),
        approach=(
            "Break each factor into hundreds, tens and ones.",
            "Draw an area model with a box for each pair of parts.",
            "Multiply to fill each box.",
            "Add the partial products, and compare with an estimate.",
        ),
        mistakes=(
            "multiplying only tens by tens and ones by ones (23 × 14 = 20 × 10 + 3 × 4)",
            "leaving out one of the partial products",
            "dropping the zeros in a product such as 20 × 10",
        ),
        hands_on=_HandsOn(
            name="Area-model posters",
            materials=("grid paper", "base-ten blocks", "markers", "number cards"),
            steps=(
                "Build 13 × 12 with base-ten blocks as a rectangle.",
                "Draw it on grid paper and split it into tens and ones parts.",
                "Find the area of each part and add them.",
                "Draw number cards for a new product and make an area-model poster for it.",
            ),
        ),
        worked=_Worked(
            question="Find 23 × 14 with an area model.",
            steps=(
                "Split the factors: 23 = 20 + 3 and 14 = 10 + 4.",
                "Fill the boxes: 20 × 10 = 200, 20 × 4 = 80, 3 × 10 = 30 and 3 × 4 = 12.",
                "Add: 200 + 80 + 30 + 12 = 322.",
            ),
            answer="23 × 14 = 322.",
        ),
        try_it=("Find 6 × 1,243.", "7,458."),
    ),
    _LONG_DIVISION,
    replace(
        _LONG_DIVISION,
        grades=("5",),
        big_idea=(
            "Dividing by a two-digit number works by place value too: estimate with multiples of the divisor, "
            "take them away (partial quotients), and add up the parts. Multiplication checks the answer."
        ),
        worked=_Worked(
            question="Find 2,184 ÷ 24.",
            steps=(
                "Estimate: 2,400 ÷ 24 = 100, so the quotient is a little less than 100.",
                "Take away 80 groups of 24: 80 × 24 = 1,920, and 2,184 − 1,920 = 264.",
                "Take away 11 groups of 24: 11 × 24 = 264, and nothing is left.",
                "Add the parts: 80 + 11 = 91. Check: 91 × 24 = 2,184.",
            ),
            answer="2,184 ÷ 24 = 91.",
        ),
        try_it=("Find 1,575 ÷ 25.", "63."),
    ),
    _Topic(
        pattern=r"sum of fractions|joining and separating|decompose a fraction",
        grades=("4",),
        contexts={},
        big_idea=(
            "A fraction such as 3/8 is a sum of unit fractions: 1/8 + 1/8 + 1/8. Adding and subtracting "
            "fractions with the same denominator joins or separates parts of the same whole; the size of the "
            "parts stays the same."
        ),
        approach=(
            "Check that the fractions refer to the same whole and have the same denominator.",
            "Draw a fraction strip or a number line cut into that many parts.",
            "Join parts (add) or take parts away (subtract): count the numerators.",
            "Keep the denominator, because it names the size of the parts.",
        ),
        mistakes=(
            "adding the denominators, as in 1/8 + 2/8 = 3/16",
            "splitting a fraction into parts with different denominators by mistake",
            "forgetting that 8/8 is 1 whole",
        ),
        worked=_Worked(
            question="Write 5/8 as a sum of fractions in two ways.",
            steps=(
                "As unit fractions: 5/8 = 1/8 + 1/8 + 1/8 + 1/8 + 1/8.",
                "Group some of them: 5/8 = 2/8 + 3/8.",
                "Check: 2 eighths and 3 eighths make 5 eighths.",
            ),
            answer="5/8 = 1/8 + 1/8 + 1/8 + 1/8 + 1/8, and 5/8 = 2/8 + 3/8.",
        ),
        try_it=("Write 2 1/8 as a sum of fractions with denominator 8.", "8/8 + 8/8 + 1/8 = 17/8."),
    ),
    _Topic(
        pattern=r"mixed numbers with like|like denominators",
        grades=("4",),
        contexts={
            "cooking": "cups of flour in two batches of muffins",
            "sports": "the miles walked on a hiking trail",
            "building": "lengths of wood in feet",
            "nature": "the inches a plant grew in two weeks",
        },
        big_idea=(
            "Mixed numbers with like denominators add and subtract part by part: wholes with wholes and fractions "
            "with fractions, trading 1 whole for 4/4 (or 8/8) when you need more parts."
        ),
        approach=(
            "Check that the denominators are the same.",
            "Draw it: wholes as full bars, fractions as parts of a bar.",
            "Add or subtract the fractions, then the wholes; trade a whole for parts when you need to.",
            "Check that the answer is reasonable in the story.",
        ),
        mistakes=(
            "adding the denominators",
            "taking the smaller fraction from the larger one in 3 1/4 − 1 3/4 and getting 2 2/4",
            "leaving 5/4 in an answer instead of renaming it as 1 1/4",
        ),
        worked=_Worked(
            question="Find 3 1/4 − 1 3/4.",
            steps=(
                "1/4 is less than 3/4, so trade 1 whole for 4/4: 3 1/4 = 2 5/4.",
                "Subtract the fractions: 5/4 − 3/4 = 2/4.",
                "Subtract the wholes: 2 − 1 = 1.",
            ),
            answer="1 2/4, which is 1 1/2.",
        ),
        try_it=(
            "A trail is 2 3/8 miles long. Ana has walked 1 1/8 miles. How far does she have left?",
            "1 2/8 miles, which is 1 1/4 miles.",
        ),
    ),
    _Topic(
        pattern=r"multiple of|multiply a fraction by a whole|multiplication of a fraction by a whole",
        grades=("4",),
        contexts={
            "cooking": "the roast beef needed for a party",
            "sports": "the laps of a 3/4-mile track run over a week",
            "art": "ribbon for several gift bows",
            "nature": "the water a plant gets each day for a week",
        },
        big_idea=(
            "Multiplying a fraction by a whole number is repeated adding: 3 × (2/5) = 2/5 + 2/5 + 2/5 = 6/5. "
            "Multiply the numerator by the whole number and keep the denominator."
        ),
        approach=(
            "Write the product as equal groups of the fraction.",
            "Draw the groups on a fraction strip or a number line.",
            "Count the unit fractions: n × (a/b) = (n × a)/b.",
            "Rename it as a mixed number if it is more than 1, and say which two whole numbers it lies between.",
        ),
        mistakes=(
            "multiplying the denominator too, as in 3 × (2/5) = 6/15",
            "adding the whole number to the numerator",
            "losing track of what the whole is in a word problem",
        ),
        worked=_Worked(
            question="Each of 5 people at a party will eat 3/8 of a pound of roast beef. How many pounds are needed?",
            steps=(
                "5 groups of 3/8: 5 × (3/8).",
                "5 × 3 = 15 eighths: 15/8.",
                "15/8 = 8/8 + 7/8 = 1 7/8.",
                "So the answer lies between 1 and 2 pounds.",
            ),
            answer="15/8 pounds, which is 1 7/8 pounds.",
        ),
        try_it=("Find 4 × (2/3).", "8/3, which is 2 2/3."),
    ),
    _CONVERT_UNITS,
    replace(
        _CONVERT_UNITS,
        grades=("5",),
        big_idea=(
            "To convert within one measurement system, multiply or divide by the number of small units in one "
            "large unit. In the metric system that number is a power of 10, so the decimal point shifts."
        ),
        approach=(
            "Find how many small units make one large unit.",
            "Going to a smaller unit, multiply; going to a larger unit, divide.",
            "Convert each measurement before you add, subtract or compare.",
            "Check: a larger unit gives a smaller number.",
        ),
        mistakes=(
            "multiplying when converting to a larger unit",
            "moving the decimal point the wrong number of places",
            "mixing units from two different systems",
        ),
        worked=_Worked(
            question="Convert 5 cm to meters.",
            steps=(
                "1 m = 100 cm, so 1 cm = 0.01 m.",
                "5 × 0.01 = 0.05.",
                "Check: meters are larger, so the number should get smaller, and it did.",
            ),
            answer="5 cm = 0.05 m.",
        ),
        try_it=("A jug holds 2.5 liters. How many milliliters is that?", "2,500 milliliters."),
    ),
    _Topic(
        pattern=r"distances, intervals of time",
        grades=("4",),
        contexts={
            "sports": "the distances run at a track meet",
            "cooking": "the times and amounts in a recipe",
            "money": "shopping for a class party",
            "space": "the length of a rocket launch countdown",
        },
        big_idea=(
            "Measurement word problems use all four operations. Put the quantities into the same unit first, and "
            "draw a number line with a measurement scale to see the problem."
        ),
        approach=(
            "List the quantities and their units.",
            "Convert them to the same unit, usually the smaller one.",
            "Draw a number line or a diagram with a scale.",
            "Solve, and answer with the unit.",
        ),
        mistakes=(
            "leaving an answer as 1 hour 75 minutes instead of 2 hours 15 minutes",
            "mixing units in one calculation",
            "forgetting that money has two units, dollars and cents",
        ),
        worked=_Worked(
            question="A movie is 1 hour 50 minutes long and starts at 6:25 p.m. When does it end?",
            steps=(
                "1 hour 50 minutes is 110 minutes.",
                "From 6:25 to 7:00 is 35 minutes.",
                "110 − 35 = 75 minutes are left, which is 1 hour 15 minutes.",
                "7:00 plus 1 hour 15 minutes is 8:15.",
            ),
            answer="The movie ends at 8:15 p.m.",
        ),
        try_it=("Juice costs $1.25 a bottle. How much do 4 bottles cost?", "$5.00."),
    ),
    _Topic(
        pattern=r"additive",
        grades=("4",),
        contexts={
            "building": "the angles where boards meet in a frame",
            "sports": "the turns of a skateboarder",
            "art": "the angles in a pie-chart design",
            "games": "the turns of a spinner",
        },
        big_idea=(
            "Angle measure adds: when an angle is split into parts that do not overlap, the whole angle is the "
            "sum of the parts. That lets you find an unknown angle with an equation."
        ),
        approach=(
            "Find the whole angle and its parts on the diagram.",
            "Write an equation: part + part = whole, with a letter for the unknown.",
            "Solve by adding or subtracting.",
            "Check that the parts add up to the whole.",
        ),
        mistakes=(
            "adding when you need to subtract",
            "using 180° for a right angle",
            "leaving out one of the parts",
        ),
        hands_on=_HandsOn(
            name="Angle puzzles",
            materials=("protractors", "pattern blocks", "paper", "rulers"),
            steps=(
                "Put pattern blocks together around one point, so their corners touch.",
                "Measure each block's angle and the whole angle they make.",
                "Write an equation that adds the parts to make the whole.",
                "Cover one block, and ask a partner to find its angle from your equation.",
            ),
        ),
        worked=_Worked(
            question="A right angle is split into two angles. One is 35°. What is the other?",
            steps=(
                "A right angle is 90°.",
                "Write 35 + x = 90.",
                "x = 90 − 35 = 55.",
            ),
            answer="55°.",
        ),
        try_it=("Angles of 70° and 45° sit side by side. What is the whole angle?", "115°."),
    ),
    _Topic(
        pattern=r"line segments",
        grades=("4",),
        contexts={},
        big_idea=(
            "Geometry has its own parts: a point, a line (it goes on forever both ways), a line segment (two "
            "endpoints), a ray (one endpoint), angles (right, acute, obtuse), and parallel and perpendicular lines."
        ),
        approach=(
            "Find the points and the straight paths between them.",
            "Does the path end? No ends is a line, one end a ray, two ends a segment.",
            "Check each angle with a square corner: right, smaller (acute) or larger (obtuse).",
            "Check pairs of lines: never meeting (parallel) or meeting at a right angle (perpendicular).",
        ),
        mistakes=(
            "calling a line segment a line",
            "thinking lines must run across the page to be parallel",
            "calling any two crossing lines perpendicular",
        ),
        hands_on=_HandsOn(
            name="Geometry in the room",
            materials=("index cards to check right angles", "rulers", "straws and pipe cleaners", "a recording chart"),
            steps=(
                "Find and list examples in the room of parallel lines, perpendicular lines and right angles.",
                "Use the index card corner to sort angles into acute, right and obtuse.",
                "Build a ray, a segment and an angle from straws and pipe cleaners.",
                "Draw each one and label it with its name.",
            ),
        ),
        worked=_Worked(
            question="Look at a capital letter H. Which of its segments are parallel, and which are perpendicular?",
            steps=(
                "The two tall segments never meet: they are parallel.",
                "The middle segment meets each tall one at a square corner: it is perpendicular to both.",
                "Check the corners with an index card.",
            ),
            answer="The two sides of the H are parallel, and the crossbar is perpendicular to both.",
        ),
        try_it=(
            "A pizza is cut into 8 equal slices. Is the angle at the tip of a slice acute, right or obtuse?",
            "Acute: 360° ÷ 8 = 45°, less than a right angle.",
        ),
    ),
    _Topic(
        pattern=r"presence or absence",
        grades=("4",),
        contexts={},
        big_idea=(
            "Two-dimensional figures can be sorted by their sides and angles: do they have parallel sides, "
            "perpendicular sides, right angles? A right triangle is any triangle with one right angle."
        ),
        approach=(
            "Mark each pair of parallel sides and each right angle on the figure.",
            "Make a table of the attributes.",
            "Sort the figures by one attribute at a time.",
            "Name the groups, such as 'right triangles' or 'two pairs of parallel sides'.",
        ),
        mistakes=(
            "thinking a triangle can have two right angles",
            "missing parallel sides that do not run across the page",
            "deciding by how the figure looks instead of checking",
        ),
        worked=_Worked(
            question="A triangle has angles of 90°, 50° and 40°. Is it a right triangle?",
            steps=(
                "A right triangle has one right angle.",
                "90° is a right angle.",
            ),
            answer="Yes, it is a right triangle.",
        ),
        try_it=(
            "Does a trapezoid always have perpendicular sides?",
            "No. It has a pair of parallel sides, but its sides need not meet at right angles.",
        ),
    ),
    _Topic(
        pattern=r"symmetry",
        grades=("4",),
        contexts={
            "art": "designing a symmetric butterfly",
            "nature": "leaves and flowers with matching halves",
            "building": "the front of a house",
            "games": "the letters on a game board",
        },
        big_idea=(
            "A line of symmetry folds a figure into two matching halves. Some figures have none, some have one, "
            "and some have several: a square has 4."
        ),
        approach=(
            "Imagine folding the figure along a line.",
            "Check: do the two halves match exactly?",
            "Try other lines: across, up and down, corner to corner.",
            "Draw every line that works.",
        ),
        mistakes=(
            "thinking the diagonal of a rectangle is a line of symmetry",
            "finding one line of symmetry and stopping",
            "thinking every figure has a line of symmetry",
        ),
        hands_on=_HandsOn(
            name="Fold and check",
            materials=("paper shapes", "scissors", "small mirrors", "pattern blocks"),
            steps=(
                "Fold each paper shape in different ways. Mark every fold where the halves match.",
                "Hold a mirror along a line of a pattern block. Does the reflection complete the shape?",
                "Cut out a shape with exactly one line of symmetry.",
                "Make a design with 2 lines of symmetry, and check it by folding.",
            ),
        ),
        worked=_Worked(
            question="How many lines of symmetry does a rectangle that is not a square have?",
            steps=(
                "Fold it in half top to bottom: the halves match.",
                "Fold it in half side to side: the halves match.",
                "Fold it corner to corner: the halves do not match.",
            ),
            answer="2 lines of symmetry.",
        ),
        try_it=("How many lines of symmetry does a square have?", "4."),
    ),
    _Topic(
        pattern=r"angle",
        grades=("4",),
        contexts={
            "sports": "the turn of a skateboarder's spin",
            "building": "the corner of a ramp",
            "art": "the angles in a star design",
            "nature": "the angle between two branches",
        },
        big_idea=(
            "An angle is made by two rays that share an endpoint. Its measure is how far one ray turns from the "
            "other, as a part of a full circle: a full turn is 360 degrees, so 1/360 of a turn is 1 degree."
        ),
        approach=(
            "Find the vertex and the two rays.",
            "Estimate: is it less than a right angle (90°), about 90°, or more?",
            "Put the protractor's center on the vertex and its 0 line on one ray.",
            "Read the scale that starts at 0 on that ray, and check against your estimate.",
        ),
        mistakes=(
            "reading the wrong scale on the protractor",
            "thinking longer rays make a bigger angle",
            "not lining up the center of the protractor with the vertex",
        ),
        hands_on=_HandsOn(
            name="Paper-plate angles",
            materials=(
                "two paper plates of different colors, each cut along one radius",
                "protractors",
                "a recording sheet",
            ),
            steps=(
                "Slide the plates together so one color shows as a wedge: that is an angle.",
                "Make a quarter turn, a half turn and a three-quarter turn. Write each in degrees.",
                "Make an angle, estimate it, then measure it with a protractor.",
                "Sketch angles of 45°, 120° and 160°.",
            ),
        ),
        worked=_Worked(
            question="An angle turns through 1/4 of a circle. How many degrees is it?",
            steps=(
                "A full circle is 360 degrees.",
                "1/4 of 360 is 360 ÷ 4 = 90.",
                "A quarter turn is a right angle.",
            ),
            answer="90 degrees.",
        ),
        try_it=("An angle turns through 1/3 of a circle. What is its measure?", "120 degrees."),
    ),
    _Topic(
        pattern=r"parentheses",
        grades=("5",),
        contexts={},
        big_idea=(
            "Parentheses, brackets and braces say 'do this first'. Work from the inside out: "
            "2 × [3 + (8 − 2)] = 2 × [3 + 6] = 18."
        ),
        approach=(
            "Find the innermost grouping symbols.",
            "Do what is inside them first.",
            "Work outward, one set of symbols at a time.",
            "With no grouping symbols left, multiply and divide before you add and subtract.",
        ),
        mistakes=(
            "working from left to right and ignoring the parentheses",
            "dropping the brackets before finishing what is inside them",
            "adding before multiplying when no parentheses say so",
        ),
        worked=_Worked(
            question="Evaluate 2 × [3 + (8 − 2)].",
            steps=(
                "Innermost first: 8 − 2 = 6.",
                "Then the brackets: 3 + 6 = 9.",
                "Last: 2 × 9 = 18.",
            ),
            answer="18.",
        ),
        try_it=("Evaluate 20 − [4 × (1 + 2)].", "8."),
    ),
    _Topic(
        pattern=r"expressions",
        grades=("5",),
        contexts={},
        big_idea=(
            "An expression records a calculation: 'add 8 and 7, then multiply by 2' is 2 × (8 + 7). You can read "
            "what an expression means without working it out: 3 × (18932 + 921) is three times as large as "
            "18932 + 921."
        ),
        approach=(
            "Read the words and find the order of the steps.",
            "Write the first step in parentheses.",
            "Write the next step around it.",
            "Read the expression back in words to check that it says the same thing.",
        ),
        mistakes=(
            "writing 2 × 8 + 7 for 'add 8 and 7, then multiply by 2'",
            "calculating when the question asks you to compare without calculating",
            "reading 3 × (a + b) as 3 more than a + b",
        ),
        worked=_Worked(
            question="Write 'add 8 and 7, then multiply by 2' as an expression.",
            steps=(
                "The first step is adding: 8 + 7.",
                "Put it in parentheses so it happens first: (8 + 7).",
                "Then multiply by 2: 2 × (8 + 7).",
            ),
            answer="2 × (8 + 7), which is 30.",
        ),
        try_it=("Without calculating, how does 5 × (462 + 38) compare with 462 + 38?", "It is 5 times as large."),
    ),
    _Topic(
        pattern=r"decimals to thousandths",
        grades=("5",),
        contexts={
            "sports": "race times to the thousandth of a second",
            "space": "the masses of meteorite samples in kilograms",
            "nature": "the thickness of leaves in centimeters",
            "money": "gas prices to a tenth of a cent",
        },
        big_idea=(
            "Decimals continue place value to the right: tenths, hundredths and thousandths, each 1/10 of the "
            "place to its left. 347.392 = 3 × 100 + 4 × 10 + 7 × 1 + 3 × (1/10) + 9 × (1/100) + 2 × (1/1000)."
        ),
        approach=(
            "Write the number in a place-value chart.",
            "Read the whole-number part, say 'and' for the decimal point, then read the decimal part with the "
            "name of its last place.",
            "For expanded form, write each digit times the value of its place.",
            "To compare, line up the decimal points and compare place by place.",
        ),
        mistakes=(
            "reading 0.045 as 'forty-five tenths'",
            "thinking 0.125 > 0.5 because it has more digits",
            "writing 3 × (1/100) for a 3 in the tenths place",
        ),
        hands_on=_HandsOn(
            name="Decimal place-value chart",
            materials=(
                "a place-value chart to the thousandths",
                "digit cards",
                "a decimal-point card",
                "mini whiteboards",
            ),
            steps=(
                "Build a decimal with five digit cards and the decimal-point card.",
                "Read it aloud, and write its number name.",
                "Write it in expanded form.",
                "Make a second decimal and compare the two, explaining which place decided it.",
            ),
        ),
        worked=_Worked(
            question="Read 4.072 and write it in expanded form.",
            steps=(
                "4 is in the ones place, 0 in the tenths, 7 in the hundredths and 2 in the thousandths.",
                "Read it: four and seventy-two thousandths.",
                "Expanded form: 4 × 1 + 7 × (1/100) + 2 × (1/1000).",
            ),
            answer="4.072 = 4 × 1 + 7 × (1/100) + 2 × (1/1000): four and seventy-two thousandths.",
        ),
        try_it=("Write 'twelve and five hundredths' as a decimal.", "12.05."),
    ),
    _Topic(
        pattern=r"decimals to hundredths",
        grades=("5",),
        contexts={
            "money": "the total of a shopping bill",
            "sports": "the difference between two race times",
            "cooking": "the cost of 0.4 kilograms of cheese",
            "nature": "the rain that fell over three days",
        },
        big_idea=(
            "Decimals are computed with place value, like whole numbers: add tenths to tenths and hundredths to "
            "hundredths, and use an estimate to place the decimal point in a product or quotient."
        ),
        approach=(
            "Estimate with whole numbers first.",
            "To add or subtract, line up the decimal points; to multiply or divide, use a model or related whole "
            "numbers.",
            "Compute place by place.",
            "Use the estimate to check where the decimal point goes.",
        ),
        mistakes=(
            "lining up the last digits instead of the decimal points",
            "thinking multiplying always makes a number bigger (0.5 × 4 = 2)",
            "putting the decimal point in the wrong place in a product",
        ),
        hands_on=_HandsOn(
            name="Decimal grids",
            materials=("10 × 10 grids", "colored pencils", "price tags with decimals", "base-ten blocks"),
            steps=(
                "Shade 0.6 of a grid. Shade 0.25 more in another color. Write the sum.",
                "Shade 0.4 of the grid's rows and 0.3 of its columns. The overlap shows 0.4 × 0.3.",
                "Use the price tags to make up a shopping problem and solve it.",
                "Check each answer with an estimate.",
            ),
        ),
        worked=_Worked(
            question="Find 3.6 × 0.4.",
            steps=(
                "Estimate: 3.6 is about 4, and 4 × 0.4 = 1.6, so the answer is about 1.5.",
                "Multiply the whole numbers: 36 × 4 = 144.",
                "Tenths times tenths are hundredths, so the product is 1.44.",
            ),
            answer="3.6 × 0.4 = 1.44.",
        ),
        try_it=("Find 7.25 − 3.8.", "3.45."),
    ),
    _Topic(
        pattern=r"unlike denominators|addition and subtraction of fractions",
        grades=("5",),
        contexts={
            "cooking": "mixing 2/3 cup of juice and 1/4 cup of water",
            "sports": "the fractions of a mile run on two days",
            "building": "boards of 5/8 inch and 1/2 inch stacked together",
            "art": "the fractions of a canvas painted by two students",
        },
        big_idea=(
            "Fractions with different denominators cannot be added until their parts are the same size. Rename "
            "them as equivalent fractions with a common denominator, then add or subtract the numerators."
        ),
        approach=(
            "Estimate with benchmarks such as 0, 1/2 and 1.",
            "Find a common denominator, such as the product of the denominators.",
            "Rename each fraction as an equivalent fraction with that denominator.",
            "Add or subtract the numerators, and compare with your estimate.",
        ),
        mistakes=(
            "adding the numerators and the denominators, as in 2/5 + 1/2 = 3/7",
            "renaming the denominator but not the numerator",
            "forgetting the whole-number part of a mixed number",
        ),
        worked=_Worked(
            question="Find 2/3 + 5/4.",
            steps=(
                "Estimate: a bit less than 1 plus a bit more than 1 is about 2.",
                "Use the common denominator 12: 2/3 = 8/12 and 5/4 = 15/12.",
                "Add: 8/12 + 15/12 = 23/12.",
                "23/12 = 1 11/12, close to the estimate.",
            ),
            answer="23/12, or 1 11/12.",
        ),
        try_it=(
            "Is 2/5 + 1/2 = 3/7 right? Use 1/2 to decide.",
            "No: 3/7 is less than 1/2, but the sum must be more than 1/2. The sum is 9/10.",
        ),
    ),
    _Topic(
        pattern=r"fraction as division",
        grades=("5",),
        contexts={
            "cooking": "pizzas shared equally by friends",
            "sports": "a relay race split equally among runners",
            "nature": "a sack of rice shared equally",
            "art": "sheets of paper shared equally for a project",
        },
        big_idea=(
            "A fraction is a division: 3/4 = 3 ÷ 4. When 3 wholes are shared equally among 4 people, each person "
            "gets 3/4."
        ),
        approach=(
            "Find the total being shared and the number of shares.",
            "Write it as a division: total ÷ number of shares.",
            "Write the quotient as a fraction or a mixed number: total/shares.",
            "Check: one share times the number of shares is the total.",
        ),
        mistakes=(
            "writing 4/3 when 3 is shared among 4",
            "thinking a smaller number cannot be divided by a larger one",
            "dropping the remainder instead of writing it as a fraction",
        ),
        worked=_Worked(
            question="9 people share a 50-pound sack of rice equally. How many pounds does each person get?",
            steps=(
                "Write the division: 50 ÷ 9.",
                "As a fraction: 50/9.",
                "50 = 9 × 5 + 5, so 50/9 = 5 5/9.",
                "So each share is between 5 and 6 pounds.",
            ),
            answer="5 5/9 pounds each.",
        ),
        try_it=("4 friends share 3 pizzas equally. How much does each friend get?", "3/4 of a pizza."),
    ),
    _Topic(
        pattern=r"fractional side lengths",
        grades=("5",),
        contexts={
            "building": "a rug with fractional side lengths",
            "nature": "a small garden plot",
            "art": "a painting on a canvas measured in fractions of a meter",
            "cooking": "a baking tray",
        },
        big_idea=(
            "A rectangle with fractional sides can be tiled with small squares whose sides are unit fractions; its "
            "area is the same as the product of its side lengths."
        ),
        approach=(
            "Draw a unit square and split its sides to match the denominators.",
            "Find the area of one small piece as a fraction of the unit square.",
            "Count the pieces the rectangle covers.",
            "Check by multiplying the side lengths.",
        ),
        mistakes=(
            "adding the side lengths instead of multiplying",
            "finding the wrong size for the small pieces",
            "forgetting square units",
        ),
        hands_on=_HandsOn(
            name="Fraction rectangles",
            materials=("square sheets of paper (1 unit on each side)", "rulers", "colored pencils", "scissors"),
            steps=(
                "Fold a unit square into 4 columns and 3 rows. What fraction of the square is one small piece?",
                "Shade a rectangle 3/4 wide and 2/3 tall.",
                "Count the shaded pieces and write the area as a fraction.",
                "Multiply the side lengths and compare.",
            ),
        ),
        worked=_Worked(
            question="Find the area of a rectangle 3/4 m by 2/3 m.",
            steps=(
                "Split a 1 m square into 4 columns and 3 rows: 12 pieces, each 1/12 square meter.",
                "The rectangle covers 3 columns and 2 rows: 3 × 2 = 6 pieces.",
                "That is 6/12 square meter.",
                "Check: (3/4) × (2/3) = 6/12.",
            ),
            answer="6/12, or 1/2, square meter.",
        ),
        try_it=("A rug is 2 1/2 feet by 3 feet. What is its area?", "7 1/2 square feet."),
    ),
    _Topic(
        pattern=r"scaling|size of a product|multiplying a given number by a fraction",
        grades=("5",),
        contexts={
            "cooking": "making a recipe bigger or smaller",
            "art": "resizing a drawing",
            "building": "a scale model of a house",
            "technology": "zooming an image in and out",
        },
        big_idea=(
            "Multiplication is scaling (resizing): multiplying by a number greater than 1 gives a product greater "
            "than the number you started with; multiplying by a number less than 1 gives a smaller product; "
            "multiplying by 1 (such as 3/3) keeps it the same."
        ),
        approach=(
            "Look at the factor you multiply by: more than 1, less than 1, or equal to 1?",
            "Predict: greater, smaller or the same.",
            "Explain with a picture: stretch or shrink a bar.",
            "Check with a calculation if you need to.",
        ),
        mistakes=(
            "thinking multiplying always makes a number bigger",
            "comparing the two factors instead of comparing the product with one factor",
            "forgetting that a fraction such as 5/5 equals 1",
        ),
        hands_on=_HandsOn(
            name="Stretch and shrink",
            materials=(
                "paper strips",
                "rulers",
                "scissors",
                "cards with fractions less than, equal to and more than 1",
            ),
            steps=(
                "Cut a strip 12 cm long.",
                "Draw a fraction card. Predict whether the strip will grow or shrink when multiplied by it.",
                "Cut or tape a new strip to show the product, and measure it.",
                "Sort the cards into 'makes it bigger', 'makes it smaller' and 'keeps it the same'.",
            ),
        ),
        worked=_Worked(
            question="Without multiplying, is 3/4 × 250 more or less than 250?",
            steps=(
                "3/4 is less than 1.",
                "Taking 3/4 of something gives less than all of it.",
            ),
            answer="Less than 250.",
        ),
        try_it=("Is 5/4 × 12 more or less than 12?", "More: 5/4 is greater than 1."),
    ),
    _Topic(
        pattern=r"unit fractions? by|by (?:a )?unit fractions?",
        grades=("5",),
        contexts={
            "cooking": "1/3-cup servings of raisins",
            "sports": "a 1/2-mile track split into equal legs",
            "art": "ribbon cut into 1/4-yard pieces",
            "nature": "a 1/2-pound bag of bird seed shared among feeders",
        },
        big_idea=(
            "Dividing a unit fraction by a whole number shares it into smaller parts: (1/3) ÷ 4 = 1/12. Dividing "
            "a whole number by a unit fraction counts how many parts fit: 4 ÷ (1/5) = 20. Multiplication checks "
            "both."
        ),
        approach=(
            "Decide: are you sharing a fraction, or counting how many fractions fit in a whole number?",
            "Draw a fraction model of the situation.",
            "Find the quotient from the model.",
            "Check with multiplication: (1/12) × 4 = 1/3, and 20 × (1/5) = 4.",
        ),
        mistakes=(
            "thinking division always gives a smaller number (4 ÷ 1/5 is 20)",
            "writing 4/3 instead of 1/12 for (1/3) ÷ 4",
            "mixing up the two kinds of division",
        ),
        hands_on=_HandsOn(
            name="Fraction sharing",
            materials=("paper strips", "measuring cups (1 cup and 1/3 cup)", "dried beans or rice", "rulers"),
            steps=(
                "Fill 2 cups with beans using only the 1/3 cup. How many scoops did it take?",
                "Write the division: 2 ÷ (1/3) = 6.",
                "Fold a strip into thirds, then cut one third into 4 equal parts. What fraction of the strip is one "
                "part?",
                "Write the division: (1/3) ÷ 4 = 1/12, and check each equation by multiplying.",
            ),
        ),
        worked=_Worked(
            question="How many 1/3-cup servings are in 2 cups of raisins?",
            steps=(
                "Each cup holds 3 servings of 1/3 cup.",
                "2 cups hold 2 × 3 = 6 servings.",
                "So 2 ÷ (1/3) = 6.",
                "Check: 6 × (1/3) = 2.",
            ),
            answer="6 servings.",
        ),
        try_it=(
            "3 people share 1/2 pound of chocolate equally. How much does each person get?",
            "1/6 pound: (1/2) ÷ 3 = 1/6.",
        ),
    ),
    _Topic(
        pattern=r"multiply a fraction|product|multiplication of fractions",
        grades=("5",),
        contexts={
            "cooking": "2/3 of a recipe that uses 4 cups of flour",
            "nature": "3/4 of a garden planted with beans",
            "sports": "the fraction of a race run at a steady pace",
            "art": "2/3 of a 4/5-meter ribbon",
        },
        big_idea=(
            "To multiply a whole number or a fraction by a fraction, think of parts: (a/b) × q means a parts of q "
            "split into b equal parts, so (2/3) × 4 is 2 of the 3 equal parts of 4, which is 8/3. In general, "
            "(a/b) × (c/d) = (a × c)/(b × d)."
        ),
        approach=(
            "Draw a model of the whole amount q.",
            "Split it into b equal parts and take a of them.",
            "Or compute: multiply the numerators and multiply the denominators.",
            "Check with an estimate: multiplying by a fraction less than 1 gives a smaller amount.",
        ),
        mistakes=(
            "finding a common denominator first, which multiplying does not need",
            "multiplying the whole number by the denominator",
            "with mixed numbers, multiplying the wholes and the fractions separately",
        ),
        hands_on=_HandsOn(
            name="Fold a fraction of a fraction",
            materials=("square sheets of paper", "colored pencils", "rulers"),
            steps=(
                "Fold a square into fifths one way and shade 4/5.",
                "Fold it into thirds the other way and shade 2/3 of the shaded part in another color.",
                "Count the double-shaded parts and the parts in all: that is (2/3) × (4/5).",
                "Write the product and check it by multiplying the numerators and the denominators.",
            ),
        ),
        worked=_Worked(
            question="Find (2/3) × 4, and tell a story for it.",
            steps=(
                "A story: there are 4 cups of juice, and you drink 2/3 of it.",
                "Split the 4 cups into 3 equal parts: each part is 4/3 cups.",
                "Take 2 of the parts: 8/3 cups.",
                "Check: (2 × 4)/3 = 8/3 = 2 2/3.",
            ),
            answer="(2/3) × 4 = 8/3, which is 2 2/3.",
        ),
        try_it=("Find (2/3) × (4/5).", "8/15."),
    ),
    _Topic(
        pattern=r"volume as additive",
        grades=("5",),
        contexts={
            "building": "a building made of two box-shaped parts",
            "games": "a block castle built from two towers",
            "nature": "a fish tank with two sections",
            "space": "a space station made of two modules",
        },
        big_idea=(
            "Volume adds: a solid made of two rectangular prisms that do not overlap has a volume equal to the sum "
            "of the two prisms' volumes."
        ),
        approach=(
            "Split the solid into rectangular prisms that do not overlap.",
            "Label each prism's length, width and height.",
            "Find each volume: length × width × height.",
            "Add the volumes, and answer in cubic units.",
        ),
        mistakes=(
            "counting the part where the prisms meet twice",
            "using a length that belongs to the other prism",
            "adding the edge lengths instead of the volumes",
        ),
        hands_on=_HandsOn(
            name="Two-prism buildings",
            materials=("centimeter cubes", "grid paper", "rulers"),
            steps=(
                "Build an L-shaped building from two rectangular prisms of cubes.",
                "Find the volume of each prism by multiplying.",
                "Add them, then count the cubes to check.",
                "Split the building a different way and check that the total is the same.",
            ),
        ),
        worked=_Worked(
            question="A step is made of a 4 ft by 2 ft by 1 ft block with a 2 ft by 2 ft by 1 ft block on top. What "
            "is its volume?",
            steps=(
                "Bottom block: 4 × 2 × 1 = 8 cubic feet.",
                "Top block: 2 × 2 × 1 = 4 cubic feet.",
                "Add: 8 + 4 = 12.",
            ),
            answer="12 cubic feet.",
        ),
        try_it=(
            "A building has a 10 m by 8 m by 6 m part and a 4 m by 4 m by 6 m part. What is its total volume?",
            "576 cubic meters: 480 + 96.",
        ),
    ),
    _Topic(
        pattern=r"relate volume|prism",
        grades=("5",),
        contexts={
            "nature": "a fish tank",
            "building": "a sandbox",
            "cooking": "a cereal box",
            "space": "a cargo container on a rocket",
        },
        big_idea=(
            "The volume of a rectangular prism is length × width × height, which is the area of the base times the "
            "height: each layer is the base, and the height counts the layers."
        ),
        approach=(
            "Find the length, the width and the height.",
            "Find the area of the base: length × width. That is how many cubes fit in one layer.",
            "Multiply by the height, the number of layers.",
            "Write the answer in cubic units.",
        ),
        mistakes=(
            "adding the edge lengths instead of multiplying them",
            "multiplying only two of the three edge lengths",
            "writing the volume in square units",
        ),
        hands_on=_HandsOn(
            name="Layer by layer",
            materials=("centimeter cubes", "small open boxes", "rulers", "grid paper"),
            steps=(
                "Cover the bottom of a box with one layer of cubes. How many cubes?",
                "How many layers will fit? Predict the volume without filling it.",
                "Fill the box to check.",
                "Measure the box's edges and multiply them. Does it match?",
            ),
        ),
        worked=_Worked(
            question="A fish tank is 5 feet long, 2 feet wide and 3 feet tall. What is its volume?",
            steps=(
                "The base is 5 × 2 = 10 square feet, so 10 cubic feet fit in one layer.",
                "The height is 3 feet: 3 layers.",
                "10 × 3 = 30.",
            ),
            answer="30 cubic feet.",
        ),
        try_it=(
            "Show with a prism that (4 × 3) × 2 = 4 × (3 × 2).",
            "Both are 24 cubic units: a 4 by 3 base with 2 layers, or a 3 by 2 base with 4 layers.",
        ),
    ),
    _Topic(
        pattern=r"volume|unit cube",
        grades=("5",),
        contexts={
            "building": "packing boxes into a moving truck",
            "cooking": "a cereal box",
            "games": "a box of building blocks",
            "nature": "a fish tank",
            "space": "cargo packed into a rocket",
        },
        big_idea=(
            "Volume is how much space a solid takes up. A unit cube, 1 unit on every edge, has a volume of 1 "
            "cubic unit; a solid packed with n unit cubes, with no gaps or overlaps, has a volume of n cubic units."
        ),
        approach=(
            "Choose a unit cube: a cubic centimeter, a cubic inch, or a block.",
            "Pack the solid with unit cubes, with no gaps or overlaps.",
            "Count the cubes, layer by layer.",
            "Write the volume in cubic units.",
        ),
        mistakes=(
            "counting only the cubes you can see on the outside",
            "writing square units instead of cubic units",
            "leaving gaps when packing the cubes",
        ),
        hands_on=_HandsOn(
            name="Pack the box",
            materials=("centimeter cubes or 1-inch cubes", "small open boxes", "grid paper", "tape"),
            steps=(
                "Estimate how many cubes will fill a box.",
                "Pack one layer. How many cubes are in the layer?",
                "How many layers fit? Find the volume without filling the whole box.",
                "Fill the box to check.",
            ),
        ),
        worked=_Worked(
            question="A box holds 2 layers of unit cubes, with 6 cubes in each layer. What is its volume?",
            steps=(
                "One layer: 6 cubes.",
                "Two layers: 6 + 6 = 12 cubes.",
                "Each cube is 1 cubic unit.",
            ),
            answer="12 cubic units.",
        ),
        try_it=("A tower is built from 5 layers of 9 unit cubes. What is its volume?", "45 cubic units."),
    ),
    _Topic(
        pattern=r"coordinate|axes",
        grades=("5",),
        contexts={
            "games": "a treasure map drawn on a grid",
            "nature": "a plant's height each week, graphed as points",
            "sports": "the positions of players on a plan of the field",
            "building": "a town plan drawn on grid paper",
            "space": "the stars on a sky map",
        },
        big_idea=(
            "Two perpendicular number lines, the axes, make the coordinate plane. Each point is named by an "
            "ordered pair (x, y) of coordinates: from the origin, (0, 0), go x units along the x-axis, then y "
            "units up."
        ),
        approach=(
            "Start at the origin.",
            "Read the first number and move that many units across, along the x-axis.",
            "Read the second number and move that many units up.",
            "Mark and label the point; in a story, say what each coordinate means.",
        ),
        mistakes=(
            "plotting (3, 5) as 5 across and 3 up",
            "counting the grid lines from 1 instead of from 0",
            "starting from a point other than the origin",
        ),
        hands_on=_HandsOn(
            name="Grid treasure hunt",
            materials=("grid paper with x- and y-axes from 0 to 10", "colored pencils", "a folder to hide your map"),
            steps=(
                "Draw a treasure map: hide 3 treasures at points with whole-number coordinates.",
                "Your partner calls out ordered pairs to find them; answer 'hit' or 'miss'.",
                "Record every guess on your own grid.",
                "Swap roles. Explain how you know which number is across and which is up.",
            ),
        ),
        worked=_Worked(
            question="Plot the point (4, 2), then the point (2, 4). Are they the same point?",
            steps=(
                "Draw the axes: a horizontal x-axis and a vertical y-axis meeting at the origin, each marked 0 to 5.",
                "(4, 2): from the origin, go 4 across, then 2 up, and mark the point.",
                "(2, 4): go 2 across, then 4 up, and mark that point.",
                "They land in different places.",
            ),
            answer="No. Order matters: (4, 2) and (2, 4) are different points.",
        ),
        try_it=(
            "A plant is 3 cm tall in week 1 and 5 cm tall in week 2. Write each as an ordered pair (week, height).",
            "(1, 3) and (2, 5).",
        ),
    ),
    _Topic(
        pattern=r"subcategories|hierarchy",
        grades=("5",),
        contexts={},
        big_idea=(
            "Two-dimensional figures form a family tree: every square is a rectangle and a rhombus, every "
            "rectangle is a parallelogram, and every parallelogram is a quadrilateral. What is true of a category "
            "is true of every figure in its subcategories."
        ),
        approach=(
            "List the properties of each category: sides, angles, parallel sides.",
            "Draw the hierarchy as a tree, from the biggest category down.",
            "Place each figure in the lowest category it fits.",
            "Say what it inherits from every category above it.",
        ),
        mistakes=(
            "thinking a square is not a rectangle",
            "giving a whole category a property that only a subcategory has (not all rectangles have four equal sides)",
            "sorting figures by how they are turned",
        ),
        worked=_Worked(
            question="All rectangles have four right angles, and squares are rectangles. What can you say about "
            "squares?",
            steps=(
                "Rectangles have four right angles.",
                "A square is a rectangle, a subcategory of rectangles.",
                "So a square has every attribute a rectangle has.",
            ),
            answer="All squares have four right angles.",
        ),
        try_it=(
            "Is every rhombus a square?",
            "No. A rhombus needs four equal sides but not right angles, so only some rhombuses are squares.",
        ),
    ),
)
# A topic claims only standards of its grades; among those, most specific first: a text that names the
# Pythagorean theorem and the coordinate plane is about the theorem. A target takes the first topic its lead
# clause names (else the first its whole text names), so the main idea of a standard wins over its examples.
# A topic without contexts of its own keeps a text from being claimed by a later, looser topic ("equation"
# before "rational number"), and the domain's contexts serve.
_TOPICS = _ELEMENTARY_TOPICS + _MIDDLE_TOPICS

# Student-friendly meanings of words the standards use, longest first so "unit rate" wins over "rate".
_TERMS = (
    (
        "constant of proportionality",
        "the number you multiply one quantity by to get the other in a proportional relationship; it is the unit rate",
    ),
    ("measure of center", "one number that sums up the middle of a data set, such as the mean or the median"),
    ("greatest common factor", "the largest number that divides two numbers with nothing left over"),
    ("least common multiple", "the smallest number that is a multiple of both numbers"),
    ("distributive property", "multiplying a sum is the same as multiplying each part and adding: a(b + c) = ab + ac"),
    ("mean absolute deviation", "the average distance of the data values from the mean"),
    ("interquartile range", "the spread of the middle half of the data: the upper quartile minus the lower quartile"),
    ("scientific notation", "a number written as a number from 1 up to 10 times a power of 10, such as 3.2 × 10⁸"),
    (
        "statistical question",
        "a question you answer with data that vary, such as 'How many hours do students in our class sleep?'",
    ),
    (
        "pythagorean theorem",
        "in a right triangle, the squares of the two legs add up to the square of the longest side: a² + b² = c²",
    ),
    ("absolute value", "a number's distance from 0 on the number line; |−6| = 6"),
    (
        "coordinate plane",
        "a grid made by a horizontal x-axis and a vertical y-axis, where each point is named by an ordered pair (x, y)",
    ),
    ("compound event", "an event made of two or more simple events, such as rolling a 6 and then a 6 again"),
    ("rational number", "a number that can be written as a fraction of two integers, such as −3, 0.25 or ⅝"),
    ("relative frequency", "how often something happened divided by the number of trials"),
    ("sample space", "the list of all possible outcomes"),
    ("scale drawing", "a drawing in which every length is the same multiple of the real length"),
    ("scatter plot", "a graph of pairs of measurements, one dot for each pair"),
    ("surface area", "the total area of all the faces of a solid"),
    ("two-way table", "a table that counts data sorted by two categories at once"),
    ("unit rate", "the amount of one quantity for 1 unit of the other, such as 12 miles per gallon"),
    ("circumference", "the distance around a circle"),
    ("coefficient", "the number that multiplies a variable; in 7x the coefficient is 7"),
    ("distribution", "all the values of a data set and how often each occurs: its center, spread and shape"),
    ("equivalent", "naming the same value, even though written differently"),
    ("expression", "numbers, letters and operation signs that name a value, such as 3x + 5"),
    ("inequality", "a statement that one value is greater than or less than another, such as x > 4"),
    (
        "irrational",
        "a number that cannot be written as a fraction of integers, such as √2 or π; its decimal never ends or repeats",
    ),
    ("probability", "a number from 0 to 1 that says how likely an event is"),
    ("proportional", "two quantities are proportional when their ratio stays the same as they change"),
    ("population", "the whole group you want to know about"),
    ("simulation", "an experiment with coins, number cubes or random numbers that acts out a chance process"),
    ("dilation", "a transformation that enlarges or shrinks a figure by a scale factor from a center point"),
    ("congruent", "the same shape and size; one figure can be moved onto the other exactly"),
    ("function", "a rule that assigns exactly one output to each input"),
    ("variable", "a quantity that can change or is unknown, often named by a letter such as x"),
    ("exponent", "the raised number that says how many times to use the base as a factor: 2³ = 2 × 2 × 2"),
    ("equation", "a statement that two expressions are equal, such as 3x + 5 = 20"),
    ("integer", "a whole number or its opposite: …, −2, −1, 0, 1, 2, …"),
    ("percent", "a rate per 100; 35% means 35 out of every 100"),
    ("similar", "the same shape but not necessarily the same size"),
    ("quotient", "the result of a division"),
    ("variability", "how spread out the values of a data set are"),
    ("volume", "the amount of space a solid takes up, measured in cubic units"),
    ("sample", "the part of a population you collect data from"),
    ("median", "the middle value when the data are put in order"),
    ("slope", "the rate of change of a line: how much y changes when x increases by 1"),
    ("observation", "one value in a data set; the number of observations is how many values there are"),
    ("translation", "a slide: every point of the figure moves the same distance in the same direction"),
    ("reflection", "a flip of a figure over a line"),
    ("rotation", "a turn of a figure about a fixed point"),
    ("dot plot", "a number line with one dot for each value in a data set"),
    ("histogram", "a bar graph of how many values fall in each interval"),
    ("box plot", "a plot of the minimum, the quartiles, the median and the maximum of a data set"),
    ("parallel", "lines in the same plane that never meet"),
    ("ratio", "a comparison of two quantities, such as 3 cups of flour for every 2 eggs"),
    ("angle", "the turn between two rays that share an endpoint, measured in degrees"),
    ("area", "the amount of flat space a shape covers, measured in square units"),
    ("mean", "the sum of the values divided by how many values there are"),
    ("rate", "a ratio of two quantities with different units, such as miles per hour"),
)
# The words of the kindergarten to grade 5 standards, in words those grades read; where a word is in both
# lists ("equation"), this meaning serves grades K-5.
_ELEMENTARY_TERMS = (
    ("cardinality", "how many things are in a group: the last number you say when you count them"),
    ("number name", "a word we say when we count: one, two, three..."),
    ("numeral", "a number written with digits, such as 7 or 15"),
    ("greater than", "more than: 7 is greater than 5, written 7 > 5"),
    ("less than", "fewer than: 3 is less than 8, written 3 < 8"),
    ("equal sign", "the sign =, which means 'is the same amount as'"),
    ("equation", "a number sentence with an equal sign, such as 4 × 6 = 24 or 8 + ? = 11"),
    ("expression", "numbers and operation signs that name an amount, such as 2 × (8 + 7)"),
    ("addend", "a number being added: in 3 + 4 = 7, the addends are 3 and 4"),
    ("sum", "the answer to an addition"),
    ("difference", "the answer to a subtraction: how much more one amount is than another"),
    ("tens", "groups of ten: the 4 in 47 means 4 tens, or 40"),
    ("ones", "single units: the 7 in 47 means 7 ones"),
    ("hundred", "ten tens: 100"),
    ("place value", "the value a digit has because of its place: in 352, the 5 is worth 50"),
    ("digit", "one of the symbols 0 to 9 that numbers are written with"),
    ("expanded form", "a number written as the sum of its digits' values: 352 = 300 + 50 + 2"),
    ("skip-count", "to count by a number other than 1, such as 5, 10, 15, 20"),
    ("compose", "to put parts together to make a number or a shape"),
    ("decompose", "to break a number or a shape into parts: 5 = 2 + 3"),
    (
        "odd and even",
        "an even number of things can be put in pairs with none left over; an odd number has one left over",
    ),
    ("array", "objects arranged in equal rows and columns"),
    ("product", "the answer to a multiplication"),
    ("factor", "a number that is multiplied: in 3 × 4 = 12, 3 and 4 are factors"),
    ("factor pair", "two whole numbers that multiply to make a number: 3 and 8 are a factor pair of 24"),
    ("multiple", "a number times a whole number: 12 is a multiple of 4"),
    ("remainder", "what is left over after dividing into equal groups"),
    ("prime", "a whole number greater than 1 whose only factors are 1 and itself, such as 7"),
    ("composite", "a whole number greater than 1 with more than one factor pair, such as 12"),
    ("fraction", "a number made of equal parts of a whole, such as 3/4"),
    ("unit fraction", "a fraction with 1 on top, such as 1/4: one of the equal parts of a whole"),
    ("numerator", "the top number of a fraction: how many parts you have"),
    ("denominator", "the bottom number of a fraction: how many equal parts make the whole"),
    ("equivalent fractions", "fractions that name the same amount, such as 1/2 and 2/4"),
    ("mixed number", "a whole number and a fraction together, such as 2 1/4"),
    ("benchmark fraction", "a fraction that is easy to compare with, such as 1/2"),
    ("visual fraction model", "a drawing that shows a fraction, such as a fraction strip, a circle or a number line"),
    ("halves", "two equal shares of a whole; each one is a half"),
    ("thirds", "three equal shares of a whole; each one is a third"),
    ("fourths", "four equal shares of a whole; each one is a fourth, also called a quarter"),
    ("equal shares", "parts of a whole that are all the same size"),
    ("partition", "to split a whole into equal parts"),
    (
        "decimal",
        "a number written with a decimal point, such as 0.62; the places after the point are tenths, "
        "hundredths and thousandths",
    ),
    ("tenths", "one of 10 equal parts of a whole: 1/10, or 0.1"),
    ("hundredths", "one of 100 equal parts of a whole: 1/100, or 0.01"),
    ("thousandths", "one of 1,000 equal parts of a whole: 1/1000, or 0.001"),
    ("round", "to replace a number with a nearby friendly number, such as 47 with 50"),
    ("estimate", "a careful guess of about how much, made by rounding or reasoning"),
    ("standard algorithm", "the usual written method, working place by place and regrouping"),
    ("number line", "a line with numbers marked on it in order, evenly spaced"),
    ("length unit", "what you measure a length with, such as a cube, an inch or a centimeter"),
    ("measurable attribute", "something about an object that can be measured, such as its length or its weight"),
    ("defining attributes", "the features that make a shape what it is, such as 3 straight sides for a triangle"),
    ("attribute", "a feature of a shape or an object, such as its number of sides or its color"),
    ("two-dimensional", "flat, like a shape drawn on paper"),
    ("three-dimensional", "solid, like a block you can hold"),
    ("vertex", "a corner, where sides or edges meet"),
    ("quadrilateral", "a flat shape with 4 straight sides"),
    ("rhombus", "a quadrilateral with 4 sides of equal length"),
    ("trapezoid", "a quadrilateral with a pair of parallel sides"),
    ("pentagon", "a flat shape with 5 straight sides"),
    ("hexagon", "a flat shape with 6 straight sides"),
    ("composite shape", "a shape made by putting other shapes together"),
    ("unit square", "a square 1 unit long on each side; its area is 1 square unit"),
    ("perimeter", "the distance all the way around a shape"),
    ("rectilinear figure", "a shape whose sides all meet at right angles, such as an L shape"),
    ("unit cube", "a cube 1 unit long on each edge; its volume is 1 cubic unit"),
    ("cubic unit", "a unit of volume: the space one unit cube takes up"),
    ("rectangular prism", "a box shape: a solid with 6 rectangular faces"),
    ("line plot", "a number line with an X above it for each measurement"),
    ("picture graph", "a graph that uses pictures to show how many are in each group"),
    ("bar graph", "a graph that uses bars to show how many are in each group"),
    ("data", "information collected to answer a question, such as counts or measurements"),
    ("category", "a group that things are sorted into"),
    ("ray", "part of a line that starts at an endpoint and goes on forever in one direction"),
    ("line segment", "part of a line between two endpoints"),
    ("perpendicular", "lines that meet at a right angle"),
    ("right angle", "a square corner: an angle of 90 degrees"),
    ("acute", "an acute angle is smaller than a right angle"),
    ("obtuse", "an obtuse angle is bigger than a right angle but smaller than a straight line"),
    ("degree", "the unit for measuring angles: a full turn is 360 degrees"),
    ("protractor", "a tool for measuring angles in degrees"),
    ("line of symmetry", "a line you can fold a figure along so that the two halves match"),
    ("axis", "one of the two number lines of a coordinate grid: the x-axis goes across, the y-axis up"),
    ("origin", "the point (0, 0), where the axes meet"),
    ("ordered pair", "two numbers (x, y) that locate a point: x across, then y up"),
    ("parentheses", "the marks ( ) that show which part to work out first"),
    ("pattern", "numbers or shapes that follow a rule"),
    ("multiplicative comparison", "a comparison using 'times as many': 12 is 3 times as many as 4"),
    ("time interval", "the time that passes from a start time to an end time"),
    ("a.m.", "times from midnight to noon"),
    ("p.m.", "times from noon to midnight"),
    ("mass", "how heavy something is, measured in grams and kilograms"),
    ("liquid volume", "how much liquid a container holds, measured in liters"),
    ("quarter", "a coin worth 25 cents (25¢)"),
    ("dime", "a coin worth 10 cents (10¢)"),
    ("nickel", "a coin worth 5 cents (5¢)"),
    ("penny", "a coin worth 1 cent (1¢)"),
    (
        "distributive property",
        "multiplying a sum is the same as multiplying each part and adding: 6 × (5 + 2) = 6 × 5 + 6 × 2",
    ),
    ("scaling", "resizing: multiplying by a number to stretch or shrink an amount"),
)
# Where a word's plain form would catch the wrong sense ("means", "similar variabilities", "multiple copies",
# the fraction "quarters") or miss a form ("vertices", "pennies"), the pattern says which uses count.
_TERM_USES = {
    "mean": r"\bmean\b",
    "similar": r"\bsimilar (?:triangles|figures?)\b|\bis similar\b|\bsimilarity\b",
    "inequality": r"\binequalit(?:y|ies)\b",
    "odd and even": r"\bodd or even\b",
    "multiple": r"\bmultiples? of\b",
    "composite": r"(?<=or )composite\b",
    "partition": r"\bpartition(?:s|ed|ing)?\b",
    "round": r"\bround(?:ing)?\b",
    "estimate": r"\bestimat(?:e|es|ion)\b",
    "vertex": r"\bvert(?:ex|ices)\b",
    "degree": r"\b(?:one-)?degrees?\b",
    "axis": r"\bax(?:is|es)\b",
    "a.m.": r"\ba\.m\.",
    "p.m.": r"\bp\.m\.",
    "quarter": r"\bquarters?(?=, dimes)",
    "penny": r"\bpenn(?:y|ies)\b",
    "category": r"\bcategor(?:y|ies)\b",
    "rhombus": r"\brhomb(?:us|uses|i)\b",
    "tenths": r"\btenths?\b",
    "hundredths": r"\bhundredths?\b",
    "thousandths": r"\bthousandths?\b",
    "fourths": r"\bfourths?\b",
    "equivalent fractions": r"\bequivalent fractions?\b",
    "line of symmetry": r"\blines? of symmetry\b",
}


def _term_patterns(terms: Iterable[tuple[str, str]]) -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple(
        (re.compile(_TERM_USES.get(term, rf"\b{re.escape(term)}(?:s|es)?\b"), re.IGNORECASE), term, meaning)
        for term, meaning in terms
    )


_TERM_PATTERNS = _term_patterns(_TERMS)
# Longest first, as in _TERMS, so "unit fraction" wins over "fraction".
_ELEMENTARY_TERM_PATTERNS = _term_patterns(
    sorted(
        [*_ELEMENTARY_TERMS, *((term, meaning) for term, meaning in _TERMS if term not in dict(_ELEMENTARY_TERMS))],
        key=lambda entry: -len(entry[0]),
    )
)

# Where a standard's first clause ends: the rest is detail, conditions, examples or a footnote.
_LEAD_END = re.compile(
    r"\.\s|;\s|:\s|:$|\.$|\*|,?\s(?:e\.g\.|i\.e\.)|,?\s+for example|,\s+(?:such as|including|where|while|because|"
    r"as in|whose|and use|and show|using|provided|leading|particularly|interpreting|with special)",
    re.IGNORECASE,
)
# An aside in parentheses, left out of a lead; not a group that is part of a formula, such as "(a/b) × q".
_ASIDE = re.compile(r"\s+\([^()]*\)(?!\s*[/×÷+=−–-])")
_EXAMPLE = re.compile(r"\b(?:for example|examples?)[,:]\s*(.+)", re.IGNORECASE | re.DOTALL)
# Typos in the source text that no general rule mends.
_SOURCE_MENDS = {"V=l×w×handV=b×h": "V = l × w × h and V = b × h", "wholenumber": "whole-number"}
# Words a shortened title should not end on.
_DANGLING = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_PROPER_WORDS = {"pythagorean"}
# Shapes, measurement and data are best met with materials in hand, and so is everything in K-2.
_HANDS_ON_DOMAINS = {"G", "SP", "MD"}


def catalog_for(targets: Iterable[TargetSpec]) -> list[ActivitySpec]:
    """The catalog for `targets`, target by target in the order given."""
    return [activity for target in targets for activity in activities_for(target)]


def activities_for(target: TargetSpec) -> list[ActivitySpec]:
    """Four or five activities for one target, in at least four modalities."""
    plan = _plan(target)
    # Where materials in hand help most, the way to work on the idea leans to hands-on work.
    lean = target.domain_code in _HANDS_ON_DOMAINS or plan.early
    doing = (HANDS_ON, HANDS_ON, PEER_WORK) if lean else (HANDS_ON, PEER_WORK)
    modalities = [WORKED_EXAMPLES, PRACTICE, plan.rng.choice((VIDEO, READING)), plan.rng.choice(doing)]
    # Major work is where students most need the teacher, so those targets also get a small-group lesson.
    if target.weight_class == "major":
        modalities.append(SMALL_GROUP)
    # Each activity is set in a different situation where the target has enough of them, so the target
    # reaches as many interests as it can; the next situation along serves as the second one.
    contexts = plan.contexts
    return [
        _activity(plan, modality, contexts[index % len(contexts)], contexts[(index + 1) % len(contexts)])
        for index, modality in enumerate(modalities)
    ]


def _plan(target: TargetSpec) -> _Plan:
    # A string seed is hashed with SHA-512, so the choices are the same in every process.
    rng = random.Random(f"waypoint-demo-catalog:{target.code}")
    statement = _statement(target)
    lead = _lead(target)
    domain = _DOMAINS.get((target.domain_code, _BANDS.get(target.grade, "")), _GENERAL)
    topic = _topic(lead, target.grade) or _topic(statement, target.grade) or _Topic(pattern="", contexts={})
    contexts = topic.contexts or domain.contexts
    return _Plan(
        target=target,
        statement=statement,
        lead=lead,
        heading=_shorten(_first_clause(_clean(target.text)), _HEADING_LENGTH),
        example=_example(target.text),
        domain_name=_title_case(target.domain_name),
        cluster_name=_sentence_case(target.cluster_name),
        big_idea=topic.big_idea or domain.big_idea,
        approach=topic.approach or domain.approach,
        contexts=_shuffled(rng, contexts.items()),
        mistakes=topic.mistakes or domain.mistakes,
        hands_on=topic.hands_on or domain.hands_on,
        terms=_terms(_EXAMPLE.sub("", statement), target.grade),
        worked=topic.worked,
        try_it=topic.try_it,
        early=target.grade in _K_2,
        rng=rng,
    )


def _shuffled(rng: random.Random, items: Iterable) -> list:
    items = list(items)
    rng.shuffle(items)
    return items


def _topic(text: str, grade: str) -> _Topic | None:
    """The most specific topic of `grade` that `text` names, if any."""
    return next(
        (topic for topic in _TOPICS if grade in topic.grades and re.search(topic.pattern, text, re.IGNORECASE)),
        None,
    )


def _activity(plan: _Plan, modality: str, context: tuple[str, str], second_context: tuple[str, str]) -> ActivitySpec:
    target = plan.target
    slot = _Slot(
        minutes=plan.rng.randint(*MINUTES[modality]),
        difficulty=_difficulty(plan.rng, modality),
        context=context[1],
        other=second_context[1],
        mistake=plan.rng.choice(plan.mistakes),
    )
    # Activities that work with two situations are tagged with both interests.
    tags = (context[0], second_context[0]) if modality in {WORKED_EXAMPLES, PEER_WORK} else (context[0],)
    description, body = _WRITERS[modality](plan, slot)
    heading = plan.hands_on.name if modality == HANDS_ON else plan.heading
    return ActivitySpec(
        slug=f"{_slug(target.code)}-{modality.replace('_', '-')}",
        target_code=target.code,
        title=_shorten(f"{_KIND[modality]} ({target.code}): {heading}", TITLE_MAX_LENGTH),
        description=description,
        modality=modality,
        expected_minutes=slot.minutes,
        difficulty=slot.difficulty,
        interest_tags=tuple(dict.fromkeys(tags)),
        # A section with nothing to say (no key words) leaves a gap; close it up.
        body=re.sub(r"\n{3,}", "\n\n", body.strip()) + "\n",
    )


def _difficulty(rng: random.Random, modality: str) -> int:
    if modality in {VIDEO, SMALL_GROUP}:
        # A first look, or a re-teach with the teacher.
        return INTRODUCTORY
    if modality in {READING, WORKED_EXAMPLES}:
        return rng.choice((INTRODUCTORY, CORE))
    if modality == HANDS_ON:
        return CORE
    return rng.choice((CORE, CORE, STRETCH))


# The sections the writers share.


def _header(plan: _Plan) -> str:
    target = plan.target
    grade = _GRADE_NAMES.get(target.grade, f"Grade {target.grade}")
    where = f"{grade} · {plan.domain_name}" if target.grade in _BANDS else plan.domain_name
    cluster = f"  \n*{plan.cluster_name}*" if plan.cluster_name else ""
    return f"**{target.code}** · {where}{cluster}\n\n> {_escape(plan.statement)}\n"


def _with_adult(plan: _Plan, line: str = "Read this together with a grown-up.") -> str:
    """The line that tells a K-2 learner to work with an adult; nothing for older learners."""
    return f"*{line}*\n" if plan.early else ""


def _key_words(plan: _Plan) -> str:
    if not plan.terms:
        return ""
    lines = "\n".join(f"- **{term}**: {meaning}" for term, meaning in plan.terms)
    return f"### Key words\n{lines}\n"


def _numbered(items: Iterable[str]) -> str:
    return "\n".join(f"{number}. {item}" for number, item in enumerate(items, start=1))


def _worked_out(worked: _Worked) -> str:
    """A worked example: the question, each step numbered, the answer."""
    return f"**Question.** {worked.question}\n\n{_numbered(worked.steps)}\n\n**Answer.** {worked.answer}\n"


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _below(plan: _Plan, what: str) -> str:
    """How a body points at the item-bank questions the page shows after it."""
    return f"The {what} below this lesson are real {plan.target.code} questions"


def _video(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    description = (
        f"{_length(slot.minutes).capitalize()} step-by-step lesson on {code}: {_lower_first(plan.lead)}. "
        f"It starts from {slot.context}, shows the idea in short steps to look at and draw along with, pauses "
        f"for a question to try, and ends with a recap."
    )
    body = f"""
## Step-by-step lesson: {plan.heading}

{_header(plan)}
{_with_adult(plan)}
**Time:** about {slot.minutes} minutes · **You need:** {_lesson_materials(plan)}

Go through the steps in order. Each one says what to look at or draw; do it on your paper before you read on.

### Step 1: Start with a question
Think about {slot.context}. {_lesson_question(plan)}

### Step 2: The big idea
{plan.big_idea}

{_lesson_steps(plan)}

### Step 4: Try it
{_lesson_try(plan, slot)}

### Step 5: Recap
{_lesson_recap(plan, slot)}
"""
    return description, body


def _lesson_materials(plan: _Plan) -> str:
    return "paper, crayons and some counters or blocks" if plan.early else "paper and a pencil"


def _lesson_question(plan: _Plan) -> str:
    if plan.early:
        return (
            f"What would you need to count or work out there? Tell your grown-up.\n\n**For the grown-up:** this "
            f"lesson is about {plan.target.code}: {_lower_first(plan.lead)}."
        )
    return f"Where does {plan.target.code} come into it? Keep it in mind as you go."


def _lesson_steps(plan: _Plan) -> str:
    if plan.worked:
        return f"### Step 3: Watch it worked out\nDraw or write each step as you read it.\n\n{_worked_out(plan.worked)}"
    draw = "Draw a picture or a table for each step" if not plan.early else "Draw a picture for each step"
    return f"### Step 3: The steps\n{draw}, using your own small example.\n\n{_numbered(plan.approach)}\n"


def _lesson_try(plan: _Plan, slot: _Slot) -> str:
    if plan.try_it:
        pause = "Try it before you look at the recap." if not plan.early else "Try it before you look below."
        return f"{plan.try_it[0]}\n\n{pause} Work it out on your paper."
    return (
        f"Make up a small question about {slot.other} that {plan.target.code} would help you answer, and use "
        f"the steps above on it."
    )


def _lesson_recap(plan: _Plan, slot: _Slot) -> str:
    lines = [f"- The big idea: {_first_sentence(plan.big_idea)}"]
    if plan.try_it:
        lines.append(f"- The answer to *Try it*: {plan.try_it[1]}")
    lines.append(f"- Watch out for {slot.mistake}.")
    if plan.early:
        lines.append("- Tell your grown-up one thing you learned.")
    else:
        lines.append(f"- In one sentence: how would you explain {plan.target.code} to a friend who missed this?")
    return "\n".join(lines)


def _reading(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    description = (
        f"A short reading on {code} ({_lower_first(plan.lead)}) with its big idea, key words, an example to "
        f"think through and questions to check your understanding. About {slot.minutes} minutes."
    )
    body = f"""
## Reading: {plan.heading}

{_header(plan)}
{_with_adult(plan)}
### The big idea
{plan.big_idea}{_reading_lead(plan)}

{_key_words(plan)}
### An example to think about
{_reading_example(plan, slot)}

### Watch out
A common mistake is {slot.mistake}. If you catch yourself doing it, read the big idea again.

### Check your understanding
{_reading_questions(plan, slot)}
"""
    return description, body


def _reading_lead(plan: _Plan) -> str:
    if plan.early:
        return f"\n\n**For the grown-up:** in {plan.target.code}, that means learning to {_lower_first(plan.lead)}."
    return f" In {plan.target.code}, that means learning to {_lower_first(plan.lead)}."


def _reading_example(plan: _Plan, slot: _Slot) -> str:
    if plan.example:
        return (
            f"The standard gives its own example:\n\n> {_escape(plan.example)}\n\nRead it twice. What does it talk "
            f"about, and what is it asking you to do?"
        )
    if plan.worked:
        return f"Read each step, and say why it is done.\n\n{_worked_out(plan.worked)}"
    return (
        f"Think about {slot.context}. What would you need to know, and how would {plan.target.code} help you find it?"
    )


def _reading_questions(plan: _Plan, slot: _Slot) -> str:
    term = plan.terms[0][0] if plan.terms else ""
    if plan.early:
        first = f"Tell your grown-up what **{term}** means." if term else "Tell your grown-up what you learned."
        return _numbered(
            (
                first,
                f"Think about {slot.context}. Make up a question about it, and show the answer with your "
                f"fingers, objects or a drawing.",
            )
        )
    first = (
        f"In your own words, what does **{term}** mean?"
        if term
        else "In your own words, what does this standard ask you to be able to do?"
    )
    return _numbered(
        (
            first,
            f"Think about {slot.context}. Write one question about it that {plan.target.code} would help you answer.",
            "What is one thing about this standard you are still unsure of? Bring it to your teacher or a partner.",
        )
    )


def _worked_examples(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    shown = "an example worked in full" if plan.worked or plan.example else "the approach step by step"
    description = (
        f"Worked examples for {code}: {_lower_first(plan.lead)}. Teaches the approach on {shown}, then introduces "
        f"the worked examples that follow it on the page, and ends with a check-yourself frame. About "
        f"{slot.minutes} minutes."
    )
    writer = _worked_examples_early if plan.early else _worked_examples_upper
    return description, writer(plan, slot)


def _worked_examples_upper(plan: _Plan, slot: _Slot) -> str:
    code = plan.target.code
    return f"""
## Worked examples: {plan.heading}

{_header(plan)}
### What you are learning
In {code} you learn to {_lower_first(plan.lead)}.

### The big idea
{plan.big_idea}

### The approach
{_numbered(plan.approach)}

{_worked_section(plan)}

### The worked examples below
{_below(plan, "worked examples")}, each solved step by step with the same approach. For each one, cover the \
solution, do the first step yourself, then uncover it and compare. Watch for {slot.mistake}.

### Make it yours
Write a question about {slot.context}, or about {slot.other}, that these steps would answer, and solve it.

### Check yourself
Finish each sentence about your own work before you move on:
- "The question asks me to ___."
- "First I ___, because ___."
- "My answer makes sense because ___."
- "The mistake I avoided was ___."
"""


def _worked_examples_early(plan: _Plan, slot: _Slot) -> str:
    code = plan.target.code
    return f"""
## Worked examples: {plan.heading}

{_header(plan)}
{_with_adult(plan)}
### What you are learning
**For the grown-up:** this is {code}: {_lower_first(plan.lead)}.

### The big idea
{plan.big_idea}

### How to do it
{_numbered(plan.approach)}

{_worked_section(plan)}

### More examples below
{_below(plan, "worked examples")}, each done step by step. Read each one together. Cover the answer and try it \
first. Watch out for {slot.mistake}.

### Your turn
Think about {slot.context}, or about {slot.other}. Make up a question about it, show it with objects or a \
drawing, and answer it.

### Check yourself
- "First I ___."
- "I know my answer is right because ___."
"""


def _worked_section(plan: _Plan) -> str:
    """The example the approach is taught on: the topic's, worked in full, then the standard's own."""
    parts = []
    if plan.worked:
        parts.append(f"### An example, worked step by step\n{_worked_out(plan.worked)}")
    if plan.example and not (plan.worked and _works_example(plan.worked, plan.example)):
        parts.append(
            f"### The standard's own example\n> {_escape(plan.example)}\n\nUse the approach above on it before "
            f"you read on."
        )
    return "\n".join(parts)


def _works_example(worked: _Worked, example: str) -> bool:
    """Whether `worked` is the standard's own example worked out: every number of its question is in it."""
    numbers = re.compile(r"\d+(?:[./]\d+)?")
    return set(numbers.findall(worked.question)) <= set(numbers.findall(example))


def _practice(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    stretch = slot.difficulty == STRETCH
    description = (
        f"{_length(slot.minutes).capitalize()} practice on {code} ({_lower_first(plan.lead)}): real questions "
        f"answered one at a time, with feedback right away, hints and worked solutions. The lesson gives a plan "
        f"for each question, what to do when stuck and a self-check{', plus a stretch challenge' if stretch else ''}."
    )
    writer = _practice_early if plan.early else _practice_upper
    return description, writer(plan, slot, stretch)


def _practice_upper(plan: _Plan, slot: _Slot, stretch: bool) -> str:
    challenge = (
        "### Stretch\nWhen you get a question right, change one number in it and solve your new version. Does "
        "the same method still work? Say why in a sentence.\n"
        if stretch
        else ""
    )
    return f"""
## Practice: {plan.heading}

{_header(plan)}
### How this practice works
{_below(plan, "practice questions")}. Answer them one at a time: after each answer you see right away whether \
it is right. Work on paper and write your steps, so you can find a slip if there is one.

### For each question
{_numbered(plan.approach)}

### When you are stuck
- Open a hint. It gives you a next step, not the answer.
- Go back to the big idea: {_first_sentence(plan.big_idea)}
- Check for a common mistake: {slot.mistake}.
- After you answer, read the worked solution and compare it with your steps, line by line.

{challenge}
### Self-check
When you have finished:
- Which question was hardest, and what made it hard?
- Which step of the approach did you use most?
- Make up one question like these about {slot.context}, solve it, and ask a partner to check it.
"""


def _practice_early(plan: _Plan, slot: _Slot, stretch: bool) -> str:
    challenge = "- Make a question harder by changing a number. Can you still do it?\n" if stretch else ""
    return f"""
## Practice: {plan.heading}

{_header(plan)}
{_with_adult(plan, "Do this with a grown-up nearby.")}

### What to do
{_below(plan, "practice questions")}. Do them one at a time. You will see right away if you are right. If \
not, look again and try once more.

### Remember
{_first_sentence(plan.big_idea)}

### How to do each one
{_numbered(plan.approach)}

### If you get stuck
- Open a hint. It shows what to do next.
- Use your fingers, counters or a drawing.
- Watch out for {slot.mistake}.
- Read the worked solution with your grown-up.

### When you finish
- Tell your grown-up which one was hardest.
- Make up one more about {slot.context}. Solve it together.
{challenge}"""


def _hands_on(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    hands_on = plan.hands_on
    code = plan.target.code
    description = (
        f"{hands_on.name}: {_length(slot.minutes)} hands-on activity for {code} "
        f"({_lower_first(plan.lead)}). Materials: {', '.join(hands_on.materials)}."
    )
    groups = "with a partner, and a grown-up nearby" if plan.early else "pairs or threes"
    body = f"""
## Hands-on: {hands_on.name}

{_header(plan)}
**Time:** about {slot.minutes} minutes · **Groups:** {groups}

### Materials
{chr(10).join(f"- {item}" for item in hands_on.materials)}

### What to do
{_numbered(hands_on.steps)}

{_hands_on_talk(plan, slot)}
"""
    return description, body


def _hands_on_talk(plan: _Plan, slot: _Slot) -> str:
    code = plan.target.code
    if plan.early:
        return f"""### Talk about it
- The big idea: {_first_sentence(plan.big_idea)} Show your grown-up where you see it in your work.
- Where else could you use this? Think about {slot.context}.

### Leave a record
Draw a picture of what you made. Tell a grown-up what it shows.

**For the grown-up:** this task practices {code}: {_lower_first(plan.lead)}."""
    return f"""### Talk about it
- The big idea: {_first_sentence(plan.big_idea)} Where do you see it in your work?
- How did the materials help you with {code}: {_lower_first(plan.lead)}?
- Where else does this idea turn up? Think about {slot.context}.

### Leave a record
Take a photo or make a sketch of your work, and write two sentences explaining what it shows."""


def _small_group(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    launch, explore = max(3, slot.minutes // 4), max(6, slot.minutes // 2)
    discuss = slot.minutes - launch - explore
    materials = "mini whiteboards, markers and counters" if plan.early else "mini whiteboards and markers"
    before = "before anyone counts or works it out" if plan.early else "before any calculating"
    work = "with counters or on whiteboards" if plan.early else "on whiteboards"
    description = (
        f"{_length(slot.minutes).capitalize()} teacher-led lesson for 3 to 6 students who are working toward "
        f"{code} ({_lower_first(plan.lead)}): launch with {slot.context}, explore on whiteboards, close "
        f"with an exit question."
    )
    body = f"""
## Small group with the teacher: {plan.heading}

{_header(plan)}
**For:** 3 to 6 students still working toward {code} · **Time:** about {slot.minutes} minutes · \
**Materials:** {materials}

### Launch ({launch} min)
Pose a question about {slot.context}. Ask each student to estimate the answer, or say what they notice, \
{before}. Then state the big idea of {code}: {_first_sentence(plan.big_idea)}

### Explore together ({explore} min)
Model the first step: {_lower_first(plan.approach[0])} Students do the next steps {work} while you \
watch. Look for {slot.mistake}; when you see it, ask the student to explain their step rather than \
correcting it.

### Discuss ({discuss} min)
Ask "How do you know?" and "Would this still work with different numbers?" Connect the discussion to the \
cluster: *{plan.cluster_name or plan.domain_name}*.

### Exit question
{_exit_question(plan, slot)} Use it to decide who is ready for practice and who needs another session.
"""
    return description, body


def _exit_question(plan: _Plan, slot: _Slot) -> str:
    if plan.try_it:
        question, answer = plan.try_it
        return f"Each student answers alone: {question} (Answer: {answer})"
    return f"Each student solves one problem alone, about {slot.other}, that you pose."


def _peer_work(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    code = plan.target.code
    description = (
        f"{_length(slot.minutes).capitalize()} partner task for {code} ({_lower_first(plan.lead)}): "
        f"partners take turns making up and checking problems about {slot.context} and {slot.other}."
    )
    writer = _peer_work_early if plan.early else _peer_work_upper
    return description, writer(plan, slot)


def _warm_up(plan: _Plan) -> str:
    """A first question partners solve together, where the topic gives one."""
    if not plan.try_it:
        return ""
    return f"### Warm up together\n{plan.try_it[0]} Agree on the answer, then check: {plan.try_it[1]}\n"


def _peer_work_upper(plan: _Plan, slot: _Slot) -> str:
    code = plan.target.code
    return f"""
## Partner task: {plan.heading}

{_header(plan)}
**Time:** about {slot.minutes} minutes · **Roles:** Explainer and Checker (swap halfway)

### Before you start
Read the big idea together: {plan.big_idea}

{_warm_up(plan)}
### The task
1. Together, make up a problem that needs {code} and solve it. Make it about {slot.context}.
2. Swap roles and make up a second problem, this time about {slot.other}.
3. Trade problems with another pair and solve theirs.

### How to work
- The **Explainer** talks through every step out loud: {_lower_first(plan.approach[0])}
- The **Checker** writes the steps down and asks "Why?" at least once.

### Sentence starters
- "I think the first step is ___ because ___."
- "I agree (or disagree) with ___ because ___."
- "Can you show me where ___ is in your work?"

### Hand in
One solution you both agree on, and one sentence about a mistake you avoided, such as {slot.mistake}.
"""


def _peer_work_early(plan: _Plan, slot: _Slot) -> str:
    code = plan.target.code
    return f"""
## Partner task: {plan.heading}

{_header(plan)}
{_with_adult(plan)}
**Time:** about {slot.minutes} minutes · **Roles:** Doer and Checker (swap halfway)

### Before you start
Read the big idea together: {plan.big_idea}

{_warm_up(plan)}
### The task
1. Make up a story about {slot.context}. Show it with objects or a drawing, and solve it.
2. Swap roles. Make up a story about {slot.other}.
3. Show your stories to another pair. Solve theirs.

### How to work
- The **Doer** says each step out loud: {_lower_first(plan.approach[0])}
- The **Checker** watches and asks: "How do you know?"

### Hand in
One drawing you both agree on. Watch out for {slot.mistake}.

**For the grown-up:** this task practices {code}: {_lower_first(plan.lead)}.
"""


_WRITERS = {
    VIDEO: _video,
    READING: _reading,
    WORKED_EXAMPLES: _worked_examples,
    PRACTICE: _practice,
    HANDS_ON: _hands_on,
    SMALL_GROUP: _small_group,
    PEER_WORK: _peer_work,
}


def _clean(text: str) -> str:
    """The text with the source's artefacts mended: line breaks ("whole- number" -> "whole-number"), a stray
    list letter at the end ("... a “ten.” b."), and the typos of `_SOURCE_MENDS`."""
    text = re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(text.split()))
    text = re.sub(r"\s[a-z]\.$", "", text)
    for typo, mended in _SOURCE_MENDS.items():
        text = text.replace(typo, mended)
    return text


def _statement(target: TargetSpec) -> str:
    """What the student learns, as one sentence; a part whose parent ends in a colon reads on from it."""
    text = _clean(target.text)
    parent = _clean(target.parent_text)
    if parent.endswith(":"):
        joiner = " " if parent[:-1].endswith(" by") else ": "
        return parent[:-1] + joiner + _lower_first(text)
    return text


def _lead(target: TargetSpec) -> str:
    """The first clause of the standard, without its full stop: the name the activities go by."""
    text = _clean(target.text)
    parent = _clean(target.parent_text)
    own = _first_clause(text)
    if parent.endswith(":"):
        return f"{_first_clause(parent)}: {_lower_first(own)}"
    return own


def _first_clause(text: str) -> str:
    """The text up to the end of its first clause, leaving out asides in parentheses."""
    text = _ASIDE.sub("", text)
    match = _LEAD_END.search(text)
    clause = (text[: match.start()] if match else text).rstrip(" .,:;")
    # A clause that stops inside a formula ("p – q = p +" once "(–q)" is gone) ends at its last comma instead.
    if clause and clause[-1] in "+-–−=×<>":
        clause = clause.rsplit(", ", 1)[0]
    # A parent that lists its parts ("Interpret multiplication as scaling, by:") names itself without the "by".
    return re.sub(r",? by$", "", clause)


def _example(text: str) -> str:
    match = _EXAMPLE.search(_clean(text))
    return _upper_first(match.group(1).strip()) if match else ""


def _terms(statement: str, grade: str) -> list[tuple[str, str]]:
    """Up to four key words the statement uses, with meanings for its grade, in the order they appear."""
    patterns = _ELEMENTARY_TERM_PATTERNS if grade in _K_2 + _3_5 else _TERM_PATTERNS
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, term, meaning in patterns:
        match = pattern.search(statement)
        # Skip a word inside a longer one already found ("rate" in "unit rate").
        if match and not any(start <= match.start() < end for start, end in taken):
            found.append((match.start(), term, meaning))
            taken.append(match.span())
    return [(term, meaning) for _, term, meaning in sorted(found)[:4]]


def _shorten(text: str, limit: int) -> str:
    """`text`, cut at a word boundary with an ellipsis when longer than `limit`."""
    if len(text) <= limit:
        return text
    words = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:").split(" ")
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


def _length(minutes: int) -> str:
    """ "a 12-minute", "an 8-minute", "an 18-minute"."""
    article = "an" if str(minutes).startswith("8") or minutes in {11, 18} else "a"
    return f"{article} {minutes}-minute"


def _slug(code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def _lower_first(text: str) -> str:
    """`text` with its first letter lowercased, unless the first word is a name or an acronym."""
    first = text.split(" ", 1)[0]
    if not first or first.isupper() or first.lower() in _PROPER_WORDS:
        return text
    return text[0].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_case(name: str) -> str:
    """A domain name as a title with small words in lowercase: "Ratios and Proportional Relationships"."""
    # "Number And Operations-Fractions*": the source's footnote marker is no part of the name.
    words = name.strip().rstrip(".*").split()
    return " ".join(
        word.lower() if index and word.lower() in _SMALL_WORDS else word for index, word in enumerate(words)
    )


def _sentence_case(name: str) -> str:
    """A cluster name as a sentence: "Understand ratio concepts and use ratio reasoning to solve problems"."""
    words = name.strip().rstrip(".").split()
    return " ".join(
        word if index == 0 or word.lower() in _PROPER_WORDS or word.isupper() else word.lower()
        for index, word in enumerate(words)
    )


def _escape(text: str) -> str:
    """Text safe to put inside Markdown: the standards' footnote asterisks stay asterisks."""
    return text.replace("*", r"\*")
