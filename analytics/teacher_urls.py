from django.urls import path

from analytics import views

urlpatterns = [
    path("", views.teacher_home, name="teach-home"),
    path("sections/<id:section_id>/grid/", views.section_grid, name="teach-grid"),
]
