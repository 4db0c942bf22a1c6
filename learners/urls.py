from django.urls import path

from learners import views

urlpatterns = [
    path("me/", views.about_me, name="about-me"),
]
