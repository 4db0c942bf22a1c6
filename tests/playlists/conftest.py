"""Fixtures of the playlists tests: a small activity catalog."""
import pytest

from playlists.models import Activity


def make_activity(slug, modality, minutes, targets):
    activity = Activity.objects.create(
        slug=slug, title=slug.replace("-", " ").capitalize(), modality=modality, expected_minutes=minutes, body="Do it."
    )
    activity.targets.set(targets)
    return activity


@pytest.fixture
def catalog(bank):
    """Three activities on ratios (6.RP.A.1) and two on rates (6.RP.A.2)."""
    return {
        slug: make_activity(slug, modality, minutes, [target])
        for slug, modality, minutes, target in (
            ("ratios-video", "video", 10, bank.ratios), ("ratios-reading", "reading", 8, bank.ratios),
            ("ratios-practice", "practice", 12, bank.ratios), ("rates-video", "video", 10, bank.rates),
            ("rates-hands-on", "hands_on", 15, bank.rates),
        )
    }  # fmt: skip
