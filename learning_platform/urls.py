from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from oauth2_provider.views import TokenView

import assessments.api_urls
import learners.api_urls
import learning_platform.api_urls
import playlists.api_urls
from learning_platform import api_views, views
from learning_platform.api_urls import unnamed

API_V1 = [
    *learning_platform.api_urls.urlpatterns,
    *learners.api_urls.urlpatterns,
    *assessments.api_urls.urlpatterns,
    *playlists.api_urls.urlpatterns,
]

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("health/", views.health, name="health"),
    # The API, version 1; the names (api-...) give these paths.
    path("api/v1/", include(API_V1)),
    # Its OpenAPI 3 schema, the Swagger UI onto it, and the token endpoint of the machine clients' client-credentials
    # grant. Left unnamed: they are not the site's pages (the fuzz of every named URL leaves them out).
    path("api/v1/schema/", SpectacularAPIView.as_view()),
    path("api/v1/docs/", api_views.ApiDocsView.as_view(url="/api/v1/schema/")),
    path("api/v1/oauth/token/", TokenView.as_view()),
    # The unversioned paths of before, answering as v1 does, for clients written against them.
    path("api/", include(unnamed(API_V1))),
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
