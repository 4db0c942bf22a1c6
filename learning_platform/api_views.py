"""The school-structure API: thin doors onto selectors and services, scoped by the permission rules."""
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from learning_platform import selectors
from learning_platform.models import Section
from learning_platform.permissions import get_for_user


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


class SectionDetailSerializer(SectionSerializer):
    students = serializers.SerializerMethodField()

    class Meta(SectionSerializer.Meta):
        fields = SectionSerializer.Meta.fields + ["students"]

    def get_students(self, section) -> list[dict]:
        return [
            {"id": enrollment.student_id, "name": str(enrollment.student), "enrolled_on": enrollment.enrolled_on}
            for enrollment in section.active_enrollments
        ]


class MeView(APIView):
    def get(self, request):
        return Response(selectors.user_summary(user=request.user))


class SectionListView(generics.ListAPIView):
    serializer_class = SectionSerializer

    def get_queryset(self):
        return selectors.sections_for_user(user=self.request.user)


class SectionDetailView(generics.RetrieveAPIView):
    serializer_class = SectionDetailSerializer

    def get_object(self):
        return get_for_user(self.request.user, selectors.sections_for_user(user=self.request.user, roster=True), self.kwargs["pk"])
