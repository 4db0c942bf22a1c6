from django.urls import path

from playlists import student_views

urlpatterns = [
    path("today/", student_views.today, name="today"),
    path("today/items/<id:item_id>/", student_views.today_item, name="today-item"),
    path("today/path/", student_views.path_when_fresh, name="today-path"),
    path("progress/", student_views.my_progress, name="my-progress"),
]
