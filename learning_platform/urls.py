from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from learning_platform import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("health/", views.health, name="health"),
    path("api/", include("learning_platform.api_urls")),
    path("api/", include("learners.api_urls")),
    path("api/", include("assessments.api_urls")),
    path("api/", include("playlists.api_urls")),
    path("analytics/", include("analytics.urls")),
    path("", include("learners.urls")),
    path("", include("assessments.student_urls")),
    path("", include("playlists.student_urls")),
    path("teach/", include("analytics.teacher_urls")),
    path("teach/", include("learners.teacher_urls")),
    path("teach/", include("assessments.teacher_urls")),
    path("teach/", include("playlists.teacher_urls")),
    path("admin/", admin.site.urls),
]
