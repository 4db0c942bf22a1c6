from django.urls import path

from analytics import views

urlpatterns = [
    path("", views.dashboards_home, name="analytics-home"),
    path("roster/", views.roster_overview, name="analytics-roster-overview"),
    path("districts/<int:district_id>/", views.district_dashboard, name="analytics-district"),
    path("districts/<int:district_id>/standards/", views.district_standards, name="analytics-district-standards"),
    path("districts/<int:district_id>/snapshot/", views.district_status, name="analytics-district-status"),
    path("districts/<int:district_id>/refresh/", views.district_refresh, name="analytics-district-refresh"),
    path("districts/<int:district_id>/audit/", views.district_audit, name="analytics-district-audit"),
    path("schools/<int:school_id>/", views.school_dashboard, name="analytics-school"),
    path("schools/<int:school_id>/standards/", views.school_standards, name="analytics-school-standards"),
    path("schools/<int:school_id>/snapshot/", views.school_status, name="analytics-school-status"),
    path("schools/<int:school_id>/refresh/", views.school_refresh, name="analytics-school-refresh"),
    path("schools/<int:school_id>/audit/", views.school_audit, name="analytics-school-audit"),
    path("sections/<int:section_id>/", views.section_dashboard, name="analytics-section"),
    path("students/<int:learner_id>/", views.student_dashboard, name="analytics-student"),
]
