"""Writes to standards, items, assessments and attempts, one function per use case, one module per use case:
`standards` (importing a framework), `prerequisites`, `building` (items, assessments, assignments), `attempts`
(start, autosave, submit, score), `bank_import` (item files and generated items) and `practice`.

Every public name (and the framework lock the QTI import shares) is re-exported here, so callers import
`assessments.services` as one module."""

from __future__ import annotations

from assessments.services.standards import (  # noqa: F401
    FrameworkInfo,
    CCSS_MATH,
    ImportReport,
    standards_import,
)
from assessments.services.prerequisites import (  # noqa: F401
    prerequisite_add,
)
from assessments.services.building import (  # noqa: F401
    EXIT_TICKET_SIZE,
    GENERATED_SIZE,
    item_create,
    assessment_create,
    generated_size,
    assessment_generate,
    assignment_create,
)
from assessments.services.attempts import (  # noqa: F401
    SUBMIT_GRACE,
    assignment_reaches,
    attempt_start,
    TYPED_TYPES,
    MAX_TYPED_LENGTH,
    attempt_answer_save,
    attempt_submit,
    response_rubric_score,
    item_key_correct,
    attempts_close_expired,
)
from assessments.services.bank_import import (  # noqa: F401
    SKIP_ANSWERED_KEY_CHANGE,
    ANSWERED_KEY_CHANGE_REASON,
    SKIP_EXAMPLES,
    FrameworkMissingError,
    ItemImportReport,
    items_import,
    K8_GRADES,
    GeneratorError,
    generated_items_sync,
    _framework_locked,
)
from assessments.services.practice import (  # noqa: F401
    PRACTICE_TRIES,
    practice_items,
    practice_set_start,
    practice_answer,
    practice_hint,
    practice_show_solution,
)
