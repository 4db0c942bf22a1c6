from django.urls import path

from playlists import views

urlpatterns = [
    path("learners/<int:learner_id>/", views.learner_page, name="teach-learner"),
    path("learners/<int:learner_id>/path/", views.learner_path_change, name="teach-learner-path"),
    path("sections/<int:section_id>/review/", views.section_review, name="teach-review"),
    path("sections/<int:section_id>/groups/", views.section_groups, name="teach-groups"),
    path("sections/<int:section_id>/assign/", views.section_assign, name="teach-assign"),
    path("sections/<int:section_id>/units/", views.section_units, name="teach-units"),
    path("groups/<int:group_id>/leave/", views.group_leave, name="teach-group-leave"),
]
