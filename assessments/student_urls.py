from django.urls import path

from assessments import student_views

urlpatterns = [
    path("today/assessments/<id:assignment_id>/", student_views.take_assessment, name="take-assessment"),
]
