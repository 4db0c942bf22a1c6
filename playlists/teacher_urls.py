from django.urls import path

from playlists import bank_views
from playlists.views import learner, section

urlpatterns = [
    path("learners/<id:learner_id>/", learner.learner_page, name="teach-learner"),
    path("learners/<id:learner_id>/path/", learner.learner_path_change, name="teach-learner-path"),
    path("sections/<id:section_id>/review/", section.section_review, name="teach-review"),
    path("sections/<id:section_id>/groups/", section.section_groups, name="teach-groups"),
    path("sections/<id:section_id>/assign/", section.section_assign, name="teach-assign"),
    path("sections/<id:section_id>/units/", section.section_units, name="teach-units"),
    path("groups/<id:group_id>/leave/", section.group_leave, name="teach-group-leave"),
    path("bank/activities/", bank_views.activities, name="teach-bank-activities"),
    path("bank/activities/new/", bank_views.activity_new, name="teach-bank-activity-new"),
    path("bank/activities/preview/", bank_views.activity_preview, name="teach-bank-activity-preview"),
    path("bank/activities/<id:activity_id>/", bank_views.activity_detail, name="teach-bank-activity"),
    path("bank/activities/<id:activity_id>/edit/", bank_views.activity_edit, name="teach-bank-activity-edit"),
]
