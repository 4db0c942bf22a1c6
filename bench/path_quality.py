"""Path quality: do the engine's daily paths teach more than plain textbook order? A simulation with a hidden true
state, judged in several worlds.

Each simulated learner (grades 6 to 8) has a hidden true state on the real Common Core graph (`data/ccss-math`,
K-8): each target known or not, with gaps below their grade that follow the graph (a target whose prerequisite is
missing is more often missing too). Every school day has `--minutes` minutes of work. Practising a target for a
quarter of an hour teaches it with the world's learning rate, lowered for each of its prerequisites the learner
does not truly know (the world's prerequisite effect). Answers to questions are right with 1 - slip when the
target is truly known, and with the guess rate otherwise; each target's guess and slip are drawn from the
per-skill values of the mastery model fitted on the ASSISTments 2009 data (`../shared/data/assistments-2009`).

Three policies teach the same learners (the same hidden state, the same random draws):

- **engine**: the platform, driven only through the pure functions it uses itself (named in the README):
  `learners.placement` (the placement check on the first day: `PlacementState`, `next_question`, `record`),
  `learners.mastery.advance` (each answer updates mastery), and `playlists.engine.build_path` (the day's path,
  which reads mastery through `learners.knowledge`). The learner works through the path: each activity for its
  minutes, then its practice questions (counted as practice evidence, as the activity page does), then the exit
  ticket (`engine.questions_per_target`); those answers are the only evidence the engine gets.
- **textbook**: the learner's grade's targets in the standards' order, one a day, all the day's minutes on it.
- **reference**: reads the hidden truth: each day, up to three targets the learner truly does not know whose
  prerequisites they truly know, their grade's first (in the standards' order), then the missing ones below
  that block them; a quarter of an hour each. No real policy can see the truth; it shows how much room there is.

The measure is how many of their grade's targets a learner truly knows after `--days` school days. Prints, per
world, the mean for each policy and `engine_over_textbook=` and `engine_over_reference=`, plus where the engine
spent its sessions; `--learners` a world (default 200). Worlds run in parallel processes.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assessments import bkt  # noqa: E402
from assessments.response_logs import read_response_log  # noqa: E402
from assessments.standards_csv import read_standards_directory  # noqa: E402
from demo.catalog import TargetSpec, catalog_for  # noqa: E402
from learners import mastery, placement  # noqa: E402
from playlists import engine  # noqa: E402

STANDARDS = ROOT / "data" / "ccss-math"
ASSISTMENTS = ROOT.parent / "shared" / "data" / "assistments-2009" / "builder_train.csv"
K8 = ("K", "1", "2", "3", "4", "5", "6", "7", "8")
LEARNER_GRADES = ("6", "7", "8")
FIRST_DAY = date(2026, 9, 8)
# A unit of practice: the learning rate is per quarter of an hour on one target.
UNIT_MINUTES = 15
REFERENCE_TARGETS_A_DAY = 3
# The activity page's practice questions (playlists.services.PRACTICE_QUESTIONS, repeated: the bench reads no
# Django settings).
PRACTICE_QUESTIONS = {"practice": 6, "small_group": 3}
PRACTICE_QUESTIONS_DEFAULT = 4
PLACEMENT_MINUTES_PER_QUESTION = 1
# A target learned here lasts, without practice, as long as the platform assumes mastery lasts (learners.mastery's
# half-life of 60 days, about 42 school days); each recall (a right answer, or practice on it) makes it last
# this many times longer. What learners knew before, from earlier grades, is settled and stays.
NEW_HALF_LIFE_DAYS = 42.0
RETRIEVAL_STRENGTHENS = 2.0


@dataclass(frozen=True)
class World:
    """How learners learn and what they bring: the learning rate per quarter hour on a target whose prerequisites
    are known, how much each missing prerequisite lowers it, and the share of targets missing 1, 2 and 3 or more
    grades below the learner's (then lowered further along the graph)."""

    name: str
    learn_rate: float
    prerequisite_effect: float
    missing_by_grades_below: tuple[float, float, float]
    known_at_grade: float = 0.1


WORLDS = (
    World("middle", learn_rate=0.3, prerequisite_effect=0.6, missing_by_grades_below=(0.3, 0.2, 0.1)),
    World(
        "fast, weak prerequisites, small gaps",
        learn_rate=0.45,
        prerequisite_effect=0.3,
        missing_by_grades_below=(0.15, 0.1, 0.05),
    ),
    World(
        "slow, strong prerequisites, large gaps",
        learn_rate=0.2,
        prerequisite_effect=0.85,
        missing_by_grades_below=(0.45, 0.3, 0.2),
    ),
    World(
        "fast, strong prerequisites, large gaps",
        learn_rate=0.45,
        prerequisite_effect=0.85,
        missing_by_grades_below=(0.45, 0.3, 0.2),
    ),
)


@dataclass
class Framework:
    """The real graph and catalog, as the engine takes them."""

    targets: dict[str, engine.TargetInfo]
    order: list[str]  # the standards' order
    topological: list[str]  # every prerequisite before what builds on it, otherwise in the standards' order
    prerequisites: tuple[tuple[str, str], ...]
    requires: dict[str, list[str]]
    activities: tuple[engine.ActivityInfo, ...]
    guess_slip: list[tuple[float, float]]
    params: mastery.Params


def load_framework() -> Framework:
    data = read_standards_directory(STANDARDS)
    standards = [standard for standard in data.standards if standard.grade in K8]
    codes = {standard.code for standard in standards}
    text_of = {standard.code: standard.text for standard in data.standards}
    names = _short_names()
    targets = {
        standard.code: engine.TargetInfo(
            code=standard.code,
            grade=standard.grade,
            domain=standard.domain_code,
            weight_class=standard.weight_class,
            short_name=names.get(standard.code, ""),
        )
        for standard in standards
    }
    edges = tuple((a, b) for a, b in data.prerequisites if a in codes and b in codes)
    requires: dict[str, list[str]] = {code: [] for code in codes}
    for a, b in edges:
        requires[b].append(a)
    specs = catalog_for(
        TargetSpec(
            code=s.code,
            text=s.text,
            grade=s.grade,
            domain_code=s.domain_code,
            domain_name=s.domain_name,
            cluster_name=s.cluster_name,
            weight_class=s.weight_class,
            parent_text=text_of.get(s.parent_code, "") if s.parent_code else "",
        )
        for s in standards
    )
    activities = tuple(
        engine.ActivityInfo(
            id=number,
            title=spec.title,
            modality=spec.modality,
            expected_minutes=spec.expected_minutes,
            target_codes=(spec.target_code,),
            difficulty=spec.difficulty,
            interest_tags=spec.interest_tags,
        )
        for number, spec in enumerate(specs, start=1)
        if spec.modality != "small_group"  # teacher-led: the teacher schedules those
    )
    order = [s.code for s in standards]
    guess_slip, params = _assistments_fit()
    return Framework(
        targets=targets,
        order=order,
        topological=_topological(order, requires),
        prerequisites=edges,
        requires=requires,
        activities=activities,
        guess_slip=guess_slip,
        params=params,
    )


def _topological(order: list[str], requires: dict[str, list[str]]) -> list[str]:
    placed: list[str] = []
    done: set[str] = set()

    def place(code: str) -> None:
        if code in done:
            return
        done.add(code)
        for prerequisite in requires[code]:
            place(prerequisite)
        placed.append(code)

    for code in order:
        place(code)
    return placed


def _short_names() -> dict[str, str]:
    path = STANDARDS / "short_names.csv"
    if not path.exists():
        return {}
    with path.open(newline="") as handle:
        return {row["code"]: row["short_name"] for row in csv.DictReader(handle)}


def _assistments_fit() -> tuple[list[tuple[float, float]], mastery.Params]:
    """Each ASSISTments skill's (guess, slip) from the mastery model fitted on the 2009 skill builders, and the
    per-target parameters a school's nightly fit would give the platform: the skills' medians (the prior is the
    platform's default: the starting beliefs of learners.knowledge stand in for it)."""
    log = read_response_log(ASSISTMENTS)
    skills, correct = log.skill, log.correct.astype(bool)
    starts = bkt.sequence_starts(log.student, skills)
    params = bkt.fit_em(skills, correct, starts, int(skills.max()) + 1, iterations=20).params
    seen = sorted(set(skills.tolist()))
    median = {name: float(np.median(getattr(params, name)[seen])) for name in ("learn", "guess", "slip", "forget")}
    return [(float(params.guess[skill]), float(params.slip[skill])) for skill in seen], mastery.Params(**median)


@dataclass
class Learner:
    """A simulated learner: the hidden truth, how long each newly learned target would last without practice
    (`half_life`, school days), and the random stream of their own."""

    grade: str
    known: dict[str, bool]
    guess_slip: dict[str, tuple[float, float]]
    rng: random.Random
    half_life: dict[str, float] = field(default_factory=dict)

    def answer(self, code: str) -> bool:
        guess, slip = self.guess_slip[code]
        right = self.rng.random() < ((1 - slip) if self.known[code] else guess)
        if right and code in self.half_life:
            self.retrieved(code)
        return right

    def retrieved(self, code: str) -> None:
        """Recalling what was learned makes it last longer (the testing effect)."""
        self.half_life[code] *= RETRIEVAL_STRENGTHENS

    def practise(self, code: str, minutes: float, world: World) -> None:
        if self.known[code]:
            if code in self.half_life:
                self.retrieved(code)
            return
        missing = sum(not self.known[prerequisite] for prerequisite in FRAMEWORK.requires[code])
        rate = world.learn_rate * (1 - world.prerequisite_effect) ** missing
        if self.rng.random() < 1 - (1 - rate) ** (minutes / UNIT_MINUTES):
            self.known[code] = True
            self.half_life[code] = NEW_HALF_LIFE_DAYS

    def end_of_day(self) -> None:
        """What was learned lately and not practised since may be forgotten overnight."""
        for code, half_life in self.half_life.items():
            if self.known[code] and self.rng.random() < 1 - 0.5 ** (1 / half_life):
                self.known[code] = False
        self.half_life = {code: days for code, days in self.half_life.items() if self.known[code]}

    def grade_targets_known(self) -> int:
        return sum(self.known[code] for code in FRAMEWORK.order if FRAMEWORK.targets[code].grade == self.grade)


def make_learner(world: World, grade: str, seed: int) -> Learner:
    rng = random.Random(f"learner:{world.name}:{seed}")
    known: dict[str, bool] = {}
    grade_index = K8.index(grade)
    for code in FRAMEWORK.topological:
        below = grade_index - K8.index(FRAMEWORK.targets[code].grade)
        prerequisites_known = all(known[prerequisite] for prerequisite in FRAMEWORK.requires[code])
        if below < 0:
            p = 0.0
        elif below == 0:
            p = world.known_at_grade if prerequisites_known else 0.0
        else:
            p = 1 - world.missing_by_grades_below[min(below, 3) - 1]
            if not prerequisites_known:
                p *= 1 - world.prerequisite_effect
        known[code] = rng.random() < p
    draws = random.Random(f"guess-slip:{seed}")
    guess_slip = {code: draws.choice(FRAMEWORK.guess_slip) for code in FRAMEWORK.order}
    return Learner(grade=grade, known=known, guess_slip=guess_slip, rng=random.Random(f"answers:{world.name}:{seed}"))


# ---------------------------------------------------------------------------------------------------------
# The policies


def textbook(learner: Learner, world: World, days: int, minutes: int) -> Counter:
    order = [code for code in FRAMEWORK.order if FRAMEWORK.targets[code].grade == learner.grade]
    for day in range(days):
        learner.practise(order[day % len(order)], minutes, world)
        learner.end_of_day()
    return Counter()


def reference(learner: Learner, world: World, days: int, minutes: int) -> Counter:
    per_target = minutes / REFERENCE_TARGETS_A_DAY
    for _ in range(days):
        for code in _true_frontier(learner)[:REFERENCE_TARGETS_A_DAY]:
            learner.practise(code, per_target, world)
        learner.end_of_day()
    return Counter()


def _true_frontier(learner: Learner) -> list[str]:
    known, requires = learner.known, FRAMEWORK.requires
    ready = [
        code
        for code in FRAMEWORK.order
        if FRAMEWORK.targets[code].grade == learner.grade and not known[code] and all(known[p] for p in requires[code])
    ]
    support: list[str] = []
    for code in FRAMEWORK.order:
        if FRAMEWORK.targets[code].grade != learner.grade or known[code] or code in ready:
            continue
        stack = list(requires[code])
        while stack:
            below = stack.pop()
            if known[below] or below in support or FRAMEWORK.targets[below].grade == learner.grade:
                continue
            if all(known[p] for p in requires[below]):
                support.append(below)
            else:
                stack.extend(requires[below])
    return ready + support


@dataclass
class Platform:
    """What the platform knows of one learner: a mastery belief per target met, as the evidence made it."""

    beliefs: dict[str, mastery.Belief] = field(default_factory=dict)
    failed_modalities: dict[str, list[str]] = field(default_factory=dict)
    history: list[engine.HistoryEntry] = field(default_factory=list)

    def observe(
        self, code: str, correct: bool, when: datetime, *, diagnostic: bool = False, weight: float = 1.0
    ) -> None:
        params = FRAMEWORK.params
        belief = self.beliefs.get(code) or mastery.start(params)
        observation = mastery.Observation(when, correct=correct, diagnostic=diagnostic, weight=weight)
        self.beliefs[code] = mastery.advance(belief, observation, params, THRESHOLDS)

    def mastery_infos(self) -> dict[str, engine.MasteryInfo]:
        return {
            code: engine.MasteryInfo(
                level=belief.level,
                p_mastery=belief.p_mastery,
                model_prior=FRAMEWORK.params.prior,
                evidence_count=belief.evidence_count,
                last_practised=belief.last_evidence_at.date(),
                recent_failures=belief.failure_run,
                failed_modalities=tuple(self.failed_modalities.get(code, ())) if belief.failure_run else (),
            )
            for code, belief in self.beliefs.items()
        }


THRESHOLDS = mastery.Thresholds()


def the_engine(learner: Learner, world: World, days: int, minutes: int) -> Counter:
    platform = Platform()
    sessions: Counter = Counter()
    grade_index = K8.index(learner.grade)
    day = FIRST_DAY
    first_day_minutes = minutes - _placement(learner, platform, day)
    for number in range(days):
        today_minutes = first_day_minutes if number == 0 else minutes
        path = engine.build_path(
            engine.EngineInput(
                learner=engine.LearnerInfo(grade=learner.grade, daily_minutes_budget=today_minutes),
                today=day,
                targets=FRAMEWORK.targets,
                prerequisites=FRAMEWORK.prerequisites,
                mastery=platform.mastery_infos(),
                activities=FRAMEWORK.activities,
                history=tuple(platform.history),
                checkable=CHECKABLE,
            )
        )
        when = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc) + timedelta(hours=15)
        ticket: tuple[str, ...] = ()
        for item in path.items:
            if item.kind == "activity":
                activity = ACTIVITY[item.ref_id]  # the learner does the suggestion
                sessions["on a target already known"] += learner.known[item.target_code]
                sessions["on a target truly ready"] += not learner.known[item.target_code] and all(
                    learner.known[prerequisite] for prerequisite in FRAMEWORK.requires[item.target_code]
                )
                sessions[f"rule {item.rule}"] += 1
                sessions["learning minutes"] += activity.expected_minutes
                learner.practise(item.target_code, activity.expected_minutes, world)
                platform.history.append(engine.HistoryEntry(day, "activity", item.ref_id))
                platform.failed_modalities.setdefault(item.target_code, []).append(activity.modality)
                # Its practice questions, answered after the lesson: evidence worth half an exit ticket's answer.
                for _ in range(PRACTICE_QUESTIONS.get(activity.modality, PRACTICE_QUESTIONS_DEFAULT)):
                    platform.observe(
                        item.target_code, learner.answer(item.target_code), when, weight=mastery.PRACTICE_WEIGHT
                    )
                below = grade_index - K8.index(FRAMEWORK.targets[item.target_code].grade)
                sessions["below grade" if below > 0 else "at grade"] += 1
                sessions["all"] += 1
            elif item.rule == "exit_ticket":
                ticket = item.target_codes or (item.target_code,)
                sessions["exit ticket minutes"] += item.minutes
        for code, questions in engine.questions_per_target(ticket).items():
            for _ in range(questions):
                platform.observe(code, learner.answer(code), when)
            if platform.beliefs[code].failure_run == 0:
                platform.failed_modalities.pop(code, None)
        learner.end_of_day()
        day = _next_school_day(day)
    return sessions


def _placement(learner: Learner, platform: Platform, day: date) -> int:
    """The first day's placement check: questions chosen by the platform until it stops; returns its minutes."""
    when = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc) + timedelta(hours=9)
    state = placement.PlacementState.start(
        grade=learner.grade,
        targets=FRAMEWORK.targets,
        prerequisites=FRAMEWORK.prerequisites,
        checkable=CHECKABLE,
    )
    asked = 0
    while (code := placement.next_question(state)) is not None:
        correct = learner.answer(code)
        state = placement.record(state, code, correct)
        platform.observe(code, correct, when, diagnostic=True)
        asked += 1
    return asked * PLACEMENT_MINUTES_PER_QUESTION


def _next_school_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


# ---------------------------------------------------------------------------------------------------------
# Running the worlds

POLICIES = {"engine": the_engine, "textbook": textbook, "reference": reference}
FRAMEWORK: Framework
CHECKABLE: frozenset[str]
ACTIVITY: dict[int, engine.ActivityInfo]


def _init(framework: Framework) -> None:
    global FRAMEWORK, CHECKABLE, ACTIVITY
    FRAMEWORK = framework
    ACTIVITY = {activity.id: activity for activity in framework.activities}
    # Every K-8 target has questions in the bank (manage.py item_coverage), so an exit ticket can check any.
    CHECKABLE = frozenset(framework.targets)


def run_world(world: World, learners: int, days: int, minutes: int) -> dict:
    totals: Counter = Counter()
    sessions: Counter = Counter()
    wins = 0
    for seed in range(learners):
        grade = LEARNER_GRADES[seed % len(LEARNER_GRADES)]
        results = {}
        for name, policy in POLICIES.items():
            learner = make_learner(world, grade, seed)
            start = learner.grade_targets_known()
            spent = policy(learner, world, days, minutes)
            results[name] = learner.grade_targets_known()
            totals[f"{name}_start"] += start
            if name == "engine":
                sessions.update(spent)
        totals.update(results)
        wins += results["engine"] >= results["textbook"]
    return {"world": world, "learners": learners, "totals": totals, "sessions": sessions, "wins": wins}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=200, help="Learners a world (default 200).")
    parser.add_argument("--days", type=int, default=30, help="School days (default 30).")
    parser.add_argument("--minutes", type=int, default=45, help="Minutes of work a day (default 45).")
    parser.add_argument("--processes", type=int, default=2, help="Worlds run at once (default 2).")
    args = parser.parse_args()
    started = time.perf_counter()
    framework = load_framework()
    with ProcessPoolExecutor(args.processes, initializer=_init, initargs=(framework,)) as pool:
        results = list(
            pool.map(
                run_world,
                WORLDS,
                [args.learners] * len(WORLDS),
                [args.days] * len(WORLDS),
                [args.minutes] * len(WORLDS),
            )
        )
    days = args.days
    for result in results:
        world, n, totals, sessions = result["world"], result["learners"], result["totals"], result["sessions"]
        means = {name: totals[name] / n for name in POLICIES}
        print(f"world={world.name!r}")
        print(f"  grade_targets_known_at_start={totals['engine_start'] / n:.1f}")
        for name in POLICIES:
            print(f"  {name}_grade_targets_known={means[name]:.1f}")
        print(f"  engine_over_textbook={means['engine'] / means['textbook']:.2f}")
        print(f"  engine_over_reference={means['engine'] / means['reference']:.2f}")
        print(f"  engine_at_least_textbook_share={result['wins'] / n:.2f}")
        if sessions["all"]:
            print(f"  engine_sessions_below_grade_share={sessions['below grade'] / sessions['all']:.2f}")
            print(f"  engine_sessions_on_known_share={sessions['on a target already known'] / sessions['all']:.2f}")
            print(f"  engine_sessions_on_ready_share={sessions['on a target truly ready'] / sessions['all']:.2f}")
            print(f"  engine_learning_minutes_a_day={sessions['learning minutes'] / n / days:.1f}")
            print(f"  engine_exit_ticket_minutes_a_day={sessions['exit ticket minutes'] / n / days:.1f}")
            rules = {key[5:]: count for key, count in sessions.items() if key.startswith("rule ")}
            print(
                "  engine_sessions_by_rule="
                + ",".join(f"{rule}:{count / sessions['all']:.2f}" for rule, count in sorted(rules.items()))
            )
    print(f"seconds={time.perf_counter() - started:.0f}")


if __name__ == "__main__":
    main()
