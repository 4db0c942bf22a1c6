from django.urls import path

from playlists import student_views

urlpatterns = [
    path("today/", student_views.today, name="today"),
    path("today/items/<id:item_id>/", student_views.today_item, name="today-item"),
    path("today/items/<id:item_id>/activity/", student_views.activity, name="today-activity"),
    path(
        "today/items/<id:item_id>/activity/practice/<id:practice_id>/",
        student_views.activity_practice,
        name="today-activity-practice",
    ),
    path("today/items/<id:item_id>/activity/time/", student_views.activity_time, name="today-activity-time"),
    path("today/items/<id:item_id>/activity/link/", student_views.activity_link, name="today-activity-link"),
    path("today/items/<id:item_id>/exit-ticket/", student_views.exit_ticket, name="today-exit-ticket"),
    path("today/path/", student_views.path_when_fresh, name="today-path"),
    path("progress/", student_views.my_progress, name="my-progress"),
]
