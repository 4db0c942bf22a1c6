"""The demo activity catalog, written from the learning targets themselves.

Pure: `catalog_for(targets)` takes `TargetSpec`s and returns `ActivitySpec`s; no Django, no database.
Every target gets worked examples and a practice set, one way in to the idea (a video lesson or a
reading) and one way to work on it with materials or with others (hands-on or a partner task); targets
in major clusters also get a small-group lesson with the teacher. Titles, descriptions and Markdown bodies
are built from the target's code, text, domain and cluster, plus what this module knows about the topic
the text names (percent, probability, the Pythagorean theorem...): situations keyed by interest tag,
common mistakes, a hands-on activity with materials, and key words. The same target always yields the
same activities (the choices are seeded by its code), so slugs and contents are stable across runs.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

# The modalities, difficulties and title length of learners.models.Modality and playlists.models.Activity,
# repeated so this module needs no Django; tests keep them equal.
VIDEO, READING, WORKED_EXAMPLES, PRACTICE = "video", "reading", "worked_examples", "practice"
HANDS_ON, SMALL_GROUP, PEER_WORK = "hands_on", "small_group", "peer_work"
INTRODUCTORY, CORE, STRETCH = 1, 2, 3
TITLE_MAX_LENGTH = 200

# What the engine can match against a learner's interests.
INTEREST_TAGS = ("sports", "music", "art", "cooking", "games", "nature", "space", "money", "building", "technology")

# (shortest, longest) expected minutes: a clip is short, a hands-on task takes a good part of a period.
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
    VIDEO: "Video lesson",
    READING: "Reading",
    WORKED_EXAMPLES: "Worked examples",
    PRACTICE: "Practice set",
    HANDS_ON: "Hands-on",
    SMALL_GROUP: "Small group",
    PEER_WORK: "Partner task",
}
# Titles and headings name the target by the first clause of its own text, cut to this length.
_HEADING_LENGTH = 80


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
class _Topic:
    """What the catalog knows about a topic a standard's text can name.

    `contexts` maps an interest tag to a situation, written as a noun phrase ("the sale price of...").
    What a topic leaves empty comes from the target's domain.
    """

    pattern: str
    contexts: dict[str, str]
    mistakes: tuple[str, ...] = ()
    hands_on: _HandsOn | None = None
    big_idea: str = ""
    approach: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Domain:
    big_idea: str
    approach: tuple[str, ...]
    mistakes: tuple[str, ...]
    contexts: dict[str, str]
    hands_on: _HandsOn


@dataclass(frozen=True)
class _Plan:
    """Everything the writers need about one target, worked out once."""

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
    "RP": _Domain(
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
    "NS": _Domain(
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
    "EE": _Domain(
        big_idea=(
            "An expression is a recipe for a number; an equation says two expressions are equal, and solving it "
            "means finding the values that keep it balanced."
        ),
        approach=(
            "Decide what the unknown is and give it a letter you will remember.",
            "Say the relationship in words first, then translate it into an expression, equation or inequality.",
            "Rewrite or solve one step at a time, doing the same thing to both sides and naming the property "
            "you used.",
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
            "games": "a video game level where each coin is worth the same number of points",
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
    "G": _Domain(
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
    "SP": _Domain(
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
    "F": _Domain(
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
            "technology": "a phone battery draining as a video plays",
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
    "Exponents are shorthand for repeated multiplication, and powers of ten are the backbone of place value: they "
    "let you write, compare and compute with very large and very small numbers."
)
_POWERS_APPROACH = (
    "Rewrite each power as the repeated multiplication it stands for, at least for the first example.",
    "Look for powers with the same base and use the exponent rules to combine them.",
    "Estimate: how many digits, or how many places from the decimal point, should the answer have?",
    "Write the answer in the form the question asks for (standard form or scientific notation) and compare it "
    "with your estimate.",
)

# Most specific first: a text that names the Pythagorean theorem and the coordinate plane is about the
# theorem. A target takes the first topic its lead clause names (else the first its whole text names), so the
# main idea of a standard wins over its examples. A topic without contexts of its own ("equation") keeps a
# text from being claimed by a later, looser topic ("rational number"), and the domain's contexts serve.
_TOPICS = (
    _Topic(
        pattern=r"pythagorean",
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
            "Squaring and taking a square root undo each other. A few roots are whole numbers; most are irrational, "
            "but you can always trap them between two numbers you know."
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
        contexts={
            "nature": "bacteria that double every hour",
            "technology": "how many different passcodes a 4-digit lock allows",
            "games": "a tournament bracket that halves the number of players each round",
        },
        mistakes=("reading 3⁴ as 3 × 4", "multiplying the bases when multiplying powers with the same base"),
        big_idea=_POWERS_BIG_IDEA,
        approach=_POWERS_APPROACH,
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
        pattern=r"function|slope|y = mx",
        contexts={
            "money": "a phone plan with a $20 monthly fee plus $5 for each gigabyte",
            "sports": "the distance a cyclist covers at a steady speed",
            "technology": "a phone battery draining as a video plays",
            "nature": "the water level in a rain gauge during a steady storm",
        },
        mistakes=(
            "reading the slope as rise over run the wrong way round (run over rise)",
            "thinking every function must be linear",
            "treating the starting value as the rate of change",
        ),
        hands_on=_DOMAINS["F"].hands_on,
        big_idea=_DOMAINS["F"].big_idea,
        approach=_DOMAINS["F"].approach,
    ),
    _Topic(
        pattern=r"probabilit|chance|simulation|sample space|compound event",
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
            "Sliding, flipping and turning a figure moves it without changing its size or shape; a dilation "
            "changes its size but keeps its shape. Tracking what stays the same is how you show that figures are "
            "congruent or similar."
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
                "Trace it, then translate, reflect and rotate the tracing; draw each image and record its "
                "coordinates.",
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
        pattern=r"volume|surface area|nets|prism|cylinder|cone|sphere|three-? ?dimensional",
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
        contexts={
            "money": "the sale price of a $48 hoodie marked 25% off",
            "cooking": "the tip on a family dinner bill",
            "sports": "a team's winning percentage over a season",
        },
        mistakes=(
            "finding the discount and forgetting to subtract it from the price",
            "treating a percent as a number of items rather than a rate per 100",
        ),
        big_idea=_DOMAINS["RP"].big_idea,
        approach=_DOMAINS["RP"].approach,
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
        contexts={
            "cooking": "the cost of apples sold by the pound",
            "technology": "the size of a download after each second at a steady speed",
            "sports": "the distance a runner covers at a steady pace",
        },
        mistakes=(
            "calling every straight-line graph proportional, even one that does not pass through (0, 0)",
            "thinking that any two quantities that both increase are proportional",
        ),
        big_idea=_DOMAINS["RP"].big_idea,
        approach=_DOMAINS["RP"].approach,
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
        contexts={
            "cooking": "a pancake recipe that has to be scaled up to feed the whole class",
            "art": "mixing blue and yellow paint so every batch comes out the same green",
            "sports": "two players' free throws made compared with free throws attempted",
            "music": "the number of beats in each bar of a song",
        },
    ),
    _Topic(
        pattern=r"coordinate|ordered pairs|quadrant",
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
    ),
    _Topic(pattern=r"equation", contexts={}),
    _Topic(pattern=r"expression|variable|properties of operations", contexts={}),
    _Topic(
        pattern=r"fraction",
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
        pattern=r"decimal|divide|algorithm",
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
    ),
)

# Student-friendly meanings of words the standards use, longest first so "unit rate" wins over "rate".
_TERMS = (
    ("constant of proportionality", "the number you multiply one quantity by to get the other in a proportional "
     "relationship; it is the unit rate"),
    ("measure of center", "one number that sums up the middle of a data set, such as the mean or the median"),
    ("greatest common factor", "the largest number that divides two numbers with nothing left over"),
    ("least common multiple", "the smallest number that is a multiple of both numbers"),
    ("distributive property", "multiplying a sum is the same as multiplying each part and adding: "
     "a(b + c) = ab + ac"),
    ("mean absolute deviation", "the average distance of the data values from the mean"),
    ("interquartile range", "the spread of the middle half of the data: the upper quartile minus the lower "
     "quartile"),
    ("scientific notation", "a number written as a number from 1 up to 10 times a power of 10, such as "
     "3.2 × 10⁸"),
    ("statistical question", "a question you answer with data that vary, such as 'How many hours do students "
     "in our class sleep?'"),
    ("pythagorean theorem", "in a right triangle, the squares of the two legs add up to the square of the "
     "longest side: a² + b² = c²"),
    ("absolute value", "a number's distance from 0 on the number line; |−6| = 6"),
    ("coordinate plane", "a grid made by a horizontal x-axis and a vertical y-axis, where each point is named "
     "by an ordered pair (x, y)"),
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
    ("irrational", "a number that cannot be written as a fraction of integers, such as √2 or π; its decimal "
     "never ends or repeats"),
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
# Where a word's plain form would catch the wrong sense ("means", "similar variabilities") or miss a plural,
# the pattern says which uses count.
_TERM_USES = {
    "mean": r"\bmean\b",
    "similar": r"\bsimilar (?:triangles|figures?)\b|\bis similar\b|\bsimilarity\b",
    "inequality": r"\binequalit(?:y|ies)\b",
}
_TERM_PATTERNS = tuple(
    (re.compile(_TERM_USES.get(term, rf"\b{re.escape(term)}(?:s|es)?\b"), re.IGNORECASE), term, meaning)
    for term, meaning in _TERMS
)

# Where a standard's first clause ends: the rest is detail, conditions or examples.
_LEAD_END = re.compile(
    r"\.\s|;\s|:\s|:$|\.$|,?\s(?:e\.g\.|i\.e\.)|,?\s+for example|,\s+(?:such as|including|where|while|because|"
    r"as in|whose|and use|and show|using|provided|leading|particularly|interpreting|with special)",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(r"\b(?:for example|examples?)[,:]\s*(.+)", re.IGNORECASE | re.DOTALL)
# Words a shortened title should not end on.
_DANGLING = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_PROPER_WORDS = {"pythagorean"}


def catalog_for(targets: Iterable[TargetSpec]) -> list[ActivitySpec]:
    """The catalog for `targets`, target by target in the order given."""
    return [activity for target in targets for activity in activities_for(target)]


def activities_for(target: TargetSpec) -> list[ActivitySpec]:
    """Four or five activities for one target, in at least four modalities."""
    plan = _plan(target)
    # Shapes and data are best met with materials in hand, so those domains lean to hands-on work.
    doing = (HANDS_ON, HANDS_ON, PEER_WORK) if target.domain_code in {"G", "SP"} else (HANDS_ON, PEER_WORK)
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
    domain = _DOMAINS.get(target.domain_code, _GENERAL)
    topic = _topic(lead) or _topic(statement) or _Topic(pattern="", contexts={})
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
        terms=_terms(_EXAMPLE.sub("", statement)),
        rng=rng,
    )


def _shuffled(rng: random.Random, items: Iterable) -> list:
    items = list(items)
    rng.shuffle(items)
    return items


def _topic(text: str) -> _Topic | None:
    """The most specific topic `text` names, if any."""
    return next((topic for topic in _TOPICS if re.search(topic.pattern, text, re.IGNORECASE)), None)


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


def _header(plan: _Plan) -> str:
    target = plan.target
    where = f"Grade {target.grade} · {plan.domain_name}" if target.grade.isdigit() else plan.domain_name
    cluster = f"  \n*{plan.cluster_name}*" if plan.cluster_name else ""
    return f"**{target.code}** · {where}{cluster}\n\n> {_escape(plan.statement)}\n"


def _key_words(plan: _Plan) -> str:
    if not plan.terms:
        return ""
    lines = "\n".join(f"- **{term}**: {meaning}" for term, meaning in plan.terms)
    return f"### Key words\n{lines}\n"


def _video(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    lead = _lower_first(plan.lead)
    description = (
        f"{_length(slot.minutes).capitalize()} narrated lesson on {plan.target.code}: {lead}. It opens with "
        f"{slot.context}, models the approach on screen and stops once for students to try a problem before the "
        f"answer is shown."
    )
    body = f"""
## Video lesson: {plan.heading}

{_header(plan)}
**Length:** about {slot.minutes} minutes, with one pause to try a problem.

### What the video covers
1. **The question.** The narrator sets up {slot.context} and asks what we would need to know to answer it.
2. **The big idea.** {plan.big_idea}
3. **On screen.** The narrator works the question through: {_lower_first(plan.approach[0])} Then \
{_lower_first(plan.approach[1])}
4. **Pause and try.** Stop the video and try a similar problem on paper before the narrator shows the solution.
5. **Recap.** A common mistake to avoid: {slot.mistake}.

### While you watch
- Write down one new word and what it means.
- At the pause, really try the problem before you press play.

### After the video
In one or two sentences: *how would you explain to a friend who missed class how to {lead}?*
"""
    return description, body


def _reading(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    example = (
        f"The standard gives its own example:\n\n> {_escape(plan.example)}\n\nRead it twice. What does it talk "
        f"about, and what is it asking you to do?"
        if plan.example
        else f"Think about {slot.context}. What would you need to know, and how would this standard help you "
        f"find it?"
    )
    first_question = (
        f"In your own words, what does **{plan.terms[0][0]}** mean?"
        if plan.terms
        else "In your own words, what does this standard ask you to be able to do?"
    )
    description = (
        f"A short reading on {plan.target.code} ({_lower_first(plan.lead)}) with key words, an example to "
        f"think through and three check-your-understanding questions. About {slot.minutes} minutes."
    )
    body = f"""
## Reading: {plan.heading}

{_header(plan)}
### The big idea
{plan.big_idea} In this standard, that means learning to {_lower_first(plan.lead)}.

{_key_words(plan)}
### An example to think about
{example}

### Watch out
A common mistake is {slot.mistake}. If you catch yourself doing it, reread the big idea above.

### Check your understanding
1. {first_question}
2. Think about {slot.context}. Write one question about it that this standard would help you answer.
3. What is one thing about this standard you are still unsure of? Bring it to your teacher or a partner.
"""
    return description, body


def _worked_examples(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    problem = (
        f"The standard's own example:\n\n> {_escape(plan.example)}"
        if plan.example
        else f"A problem about {slot.context}."
    )
    steps = "\n".join(f"- **Step {number}.** {step}" for number, step in enumerate(plan.approach, start=1))
    description = (
        f"Worked examples for {plan.target.code}: {_lower_first(plan.lead)}. States the standard, walks "
        f"through an approach step by step and ends with a check-yourself frame. About {slot.minutes} minutes."
    )
    body = f"""
## Worked examples: {plan.heading}

{_header(plan)}
### What you are learning
By the end you should be able to {_lower_first(plan.lead)}.

### Example 1
{problem}

Here is an approach that works. Read each step, then do it on your own paper before you read on.

{steps}

### Example 2: with a twist
Now try a problem about {slot.other}. The steps are the same; the numbers and the question change. Watch for \
{slot.mistake}.

### Check yourself
Finish each sentence about your own work before you move on:
- "The question asks me to ___."
- "First I ___, because ___."
- "My answer makes sense because ___."
- "The mistake I avoided was ___."
"""
    return description, body


def _practice(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    last_round = (
        f"### Round 3: stretch (2 problems)\nProblems that combine this standard with earlier ideas in "
        f"*{plan.cluster_name or plan.domain_name}*. Explain each step in a sentence."
        if slot.difficulty == STRETCH
        else f"### Round 3: find the mistake (2 problems)\nEach problem comes with a worked answer that contains "
        f"a mistake: {slot.mistake}. Find it, explain it and fix it."
    )
    description = (
        f"{_length(slot.minutes).capitalize()} practice set on {plan.target.code} ({_lower_first(plan.lead)}) "
        f"in three rounds: warm-up, problems about {slot.context}, and "
        f"{'a stretch round' if slot.difficulty == STRETCH else 'a find-the-mistake round'}."
    )
    body = f"""
## Practice: {plan.heading}

{_header(plan)}
Work through the rounds in order and show your steps: an answer without work cannot be checked.

### Round 1: warm up (3 problems)
Short problems that match the standard directly.

### Round 2: in context (4 problems)
Problems about {slot.context}. For each one, name the quantities before you calculate.

{last_round}

### When you are stuck
- Start again from the first step. {plan.approach[0]}
- Check for a common mistake: {slot.mistake}.
- Ask a partner before you ask the teacher: "What did you do first?"

### Self-check
Circle the problem you are least sure of and write one sentence about what made it hard.
"""
    return description, body


def _hands_on(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    hands_on = plan.hands_on
    materials = "\n".join(f"- {item}" for item in hands_on.materials)
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(hands_on.steps, start=1))
    description = (
        f"{hands_on.name}: {_length(slot.minutes)} hands-on activity for {plan.target.code} "
        f"({_lower_first(plan.lead)}). Materials: {', '.join(hands_on.materials)}."
    )
    body = f"""
## Hands-on: {hands_on.name}

{_header(plan)}
**Time:** about {slot.minutes} minutes · **Groups:** pairs or threes

### Materials
{materials}

### What to do
{steps}

### Talk about it
- How did the materials help you {_lower_first(plan.lead)}?
- Where else does this idea turn up? Think about {slot.context}.

### Leave a record
Take a photo or make a sketch of your work, and write two sentences explaining what it shows.
"""
    return description, body


def _small_group(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    launch, explore = max(3, slot.minutes // 4), max(6, slot.minutes // 2)
    discuss = slot.minutes - launch - explore
    description = (
        f"{_length(slot.minutes).capitalize()} teacher-led lesson for 3 to 6 students who are working toward "
        f"{plan.target.code} ({_lower_first(plan.lead)}): launch with {slot.context}, explore on whiteboards, close "
        f"with an exit question."
    )
    body = f"""
## Small group with the teacher: {plan.heading}

{_header(plan)}
**For:** 3 to 6 students still working toward {plan.target.code} · **Time:** about {slot.minutes} minutes · \
**Materials:** mini whiteboards and markers

### Launch ({launch} min)
Pose a question about {slot.context}. Ask each student to estimate the answer, or say what they notice, before \
any calculating.

### Explore together ({explore} min)
Model the first step: {_lower_first(plan.approach[0])} Students do the next steps on whiteboards while \
you watch. Look for {slot.mistake}; when you see it, ask the student to explain their step rather than \
correcting it.

### Discuss ({discuss} min)
Ask "How do you know?" and "Would this still work with different numbers?" Connect the discussion to the \
cluster: *{plan.cluster_name or plan.domain_name}*.

### Exit question
Each student solves one problem alone, about {slot.other}. Use it to decide who is ready for practice and who \
needs another session.
"""
    return description, body


def _peer_work(plan: _Plan, slot: _Slot) -> tuple[str, str]:
    description = (
        f"{_length(slot.minutes).capitalize()} partner task for {plan.target.code} ({_lower_first(plan.lead)}): "
        f"partners take turns as Explainer and Checker on problems about {slot.context} and {slot.other}."
    )
    body = f"""
## Partner task: {plan.heading}

{_header(plan)}
**Time:** about {slot.minutes} minutes · **Roles:** Explainer and Checker (swap halfway)

### The task
1. Together, make up a problem that needs this standard and solve it. Set it in {slot.context}.
2. Swap roles and make up a second problem, this time about {slot.other}.
3. Trade problems with another pair and solve theirs.

### How to work
- The **Explainer** talks through every step out loud.
- The **Checker** writes the steps down and asks "Why?" at least once.

### Sentence starters
- "I think the first step is ___ because ___."
- "I agree (or disagree) with ___ because ___."
- "Can you show me where ___ is in your work?"

### Hand in
One solution you both agree on, and one sentence about a mistake you avoided, such as {slot.mistake}.
"""
    return description, body


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
    """The text with the source's line-break artefacts mended ("whole- number" -> "whole-number")."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(text.split()))


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
    text = re.sub(r"\s+\([^()]*\)", "", text)
    match = _LEAD_END.search(text)
    clause = (text[: match.start()] if match else text).rstrip(" .,:;")
    # A clause that stops inside a formula ("p – q = p +" once "(–q)" is gone) ends at its last comma instead.
    if clause and clause[-1] in "+-–−=×<>":
        clause = clause.rsplit(", ", 1)[0]
    return clause


def _example(text: str) -> str:
    match = _EXAMPLE.search(_clean(text))
    return _upper_first(match.group(1).strip()) if match else ""


def _terms(statement: str) -> list[tuple[str, str]]:
    """Up to four key words the statement uses, with their meanings, in the order they appear."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, term, meaning in _TERM_PATTERNS:
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
    """ "a 12-minute", "an 8-minute", "an 18-minute". """
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
    words = name.strip().rstrip(".").split()
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
