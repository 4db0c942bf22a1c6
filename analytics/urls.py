from django.urls import path

from analytics import views

urlpatterns = [
    path("", views.dashboards_home, name="analytics-home"),
    path("roster/", views.roster_overview, name="analytics-roster-overview"),
    path("districts/<id:district_id>/", views.district_dashboard, name="analytics-district"),
    path("districts/<id:district_id>/standards/", views.district_standards, name="analytics-district-standards"),
    path("districts/<id:district_id>/snapshot/", views.district_status, name="analytics-district-status"),
    path("districts/<id:district_id>/refresh/", views.district_refresh, name="analytics-district-refresh"),
    path("districts/<id:district_id>/audit/", views.district_audit, name="analytics-district-audit"),
    path("schools/<id:school_id>/", views.school_dashboard, name="analytics-school"),
    path("schools/<id:school_id>/standards/", views.school_standards, name="analytics-school-standards"),
    path("schools/<id:school_id>/snapshot/", views.school_status, name="analytics-school-status"),
    path("schools/<id:school_id>/refresh/", views.school_refresh, name="analytics-school-refresh"),
    path("schools/<id:school_id>/audit/", views.school_audit, name="analytics-school-audit"),
    path("sections/<id:section_id>/", views.section_dashboard, name="analytics-section"),
    path("students/<id:learner_id>/", views.student_dashboard, name="analytics-student"),
]
