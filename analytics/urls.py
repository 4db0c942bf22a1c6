from django.urls import path

from analytics import views

urlpatterns = [
    path("roster/", views.roster_overview, name="analytics-roster-overview"),
]
