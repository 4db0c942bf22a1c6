from django.urls import path

from learners import views

urlpatterns = [
    path("me/", views.about_me, name="about-me"),
    path("today/placement/", views.placement_page, name="placement"),
    path("today/placement/questions/<id:question_id>/", views.placement_answer, name="placement-answer"),
]
