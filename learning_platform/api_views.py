"""The school-structure API: thin doors onto selectors and services, scoped by the permission rules."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from learning_platform import selectors
from learning_platform.filters import SectionFilterSet
from learning_platform.models import Section
from learning_platform.permissions import get_for_user


class UserSummarySerializer(serializers.Serializer):
    """The signed-in user (selectors.user_summary)."""

    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    is_teacher = serializers.BooleanField()
    is_student = serializers.BooleanField()
    is_admin = serializers.BooleanField()


class SectionSerializer(serializers.ModelSerializer):
    school = serializers.CharField(source="school.name")
    term = serializers.CharField(source="term.name")
    teachers = serializers.SerializerMethodField()
    student_count = serializers.IntegerField()

    class Meta:
        model = Section
        fields = ["id", "name", "subject", "grade", "school", "term", "teachers", "student_count"]

    def get_teachers(self, section) -> list[str]:
        return [str(teacher) for teacher in section.teachers.all()]


class RosterStudentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    enrolled_on = serializers.DateField()


class SectionDetailSerializer(SectionSerializer):
    students = serializers.SerializerMethodField()

    class Meta(SectionSerializer.Meta):
        fields = SectionSerializer.Meta.fields + ["students"]

    @extend_schema_field(RosterStudentSerializer(many=True))
    def get_students(self, section) -> list[dict]:
        return [
            {"id": enrollment.student_id, "name": str(enrollment.student), "enrolled_on": enrollment.enrolled_on}
            for enrollment in section.active_enrollments
        ]


class MeView(APIView):
    @extend_schema(responses=UserSummarySerializer, summary="The signed-in user and their roles")
    def get(self, request):
        return Response(selectors.user_summary(user=request.user))


@extend_schema(summary="The sections the user teaches, runs or is enrolled in")
class SectionListView(generics.ListAPIView):
    serializer_class = SectionSerializer
    filterset_class = SectionFilterSet

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema's look at the model the filters name
            return Section.objects.none()
        return selectors.sections_for_user(user=self.request.user)


@extend_schema(summary="A section with its roster")
class SectionDetailView(generics.RetrieveAPIView):
    serializer_class = SectionDetailSerializer
    token_scopes = ["roster"]

    def get_object(self):
        return get_for_user(
            self.request.user, selectors.sections_for_user(user=self.request.user, roster=True), self.kwargs["pk"]
        )


class ApiDocsView(SpectacularSwaggerSplitView):
    """The Swagger UI onto the schema, from the sidecar's static files, its init script fetched from this page
    (?script) rather than inline, so the Content-Security-Policy (scripts from 'self') lets it run. Public, as
    the schema is: both describe the API, neither reads anyone's data."""

    template_name = "api/swagger_ui.html"
    title = "Waypoint API"
