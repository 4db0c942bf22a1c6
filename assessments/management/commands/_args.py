"""Arguments the assessments commands share, each refused with a CommandError that names it."""

from django.core.management.base import CommandError

from assessments.selectors import GRADE_ORDER

K8_GRADES = "K,1,2,3,4,5,6,7,8"


def grades(value: str) -> list[str]:
    """Comma-separated grades ("K,1,2"), in the order given, each once."""
    chosen = [
        grade.strip().upper() if grade.strip().upper() in ("K", "HS") else grade.strip()
        for grade in value.split(",")
        if grade.strip()
    ]
    unknown = [grade for grade in chosen if grade not in GRADE_ORDER]
    if unknown or not chosen:
        raise CommandError(f"--grades takes grades among {', '.join(GRADE_ORDER)}; not {', '.join(unknown) or value!r}")
    return list(dict.fromkeys(chosen))


def share(value: str) -> float:
    """A share from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise CommandError(f"--min-share must be a number from 0 to 1, not {value!r}") from None
    if not 0 <= number <= 1:
        raise CommandError(f"--min-share must be a number from 0 to 1, not {value!r}")
    return number
