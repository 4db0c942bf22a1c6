"""The teacher's item bank: browse it with a preview of each item, write and edit the school's own items with a live
preview, read an item's statistics, and change an assessment's questions before anyone takes it.

Thin doors onto assessments.forms, assessments.authoring and assessments.selectors; a refusal becomes a message on
the field it belongs to and nothing is saved.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import authoring, selectors
from assessments.filters import ItemFilterSet
from assessments.forms import ItemForm
from assessments.models import Assessment, Item
from learning_platform.pages import form_errors_add, validation_message
from learning_platform.permissions import get_for_user, require_staff
from learning_platform.validation import parse_id


@login_required
@require_GET
def bank(request):
    """The items the teacher may use, by grade, domain and target, each with its preview."""
    require_staff(request.user)
    filters = ItemFilterSet(request.GET).bank_filters
    page = Paginator(selectors.bank_items(user=request.user, filters=filters), selectors.BANK_PAGE_SIZE)
    page = page.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assessments/bank.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "types": Item.Type.choices,
            **selectors.bank_choices(grade=filters.grade, domain=filters.domain),
        },
    )


def _item_form(request, *, item: Item | None):
    """The item editor for a new item (`item` None) or one of the school's own."""
    schools = selectors.authoring_schools(request.user)
    initial = ItemForm.initial_from(item) if item else {"school": schools.first()}
    choice_ids = [choice.get("id") for choice in item.choices] if item else []
    form = ItemForm(request.POST or None, schools=schools, initial=initial, choice_ids=choice_ids)
    form.fields["school"].required = item is None and form.fields["school"].required  # a saved one keeps its school
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                school = form.cleaned_data["school"] or schools.first()
                item = authoring.item_write(
                    author=request.user, school=school, targets=form.cleaned_data["targets"], **form.item_fields()
                )
            else:
                authoring.item_update(
                    item=item, by=request.user, targets=form.cleaned_data["targets"], **form.item_fields()
                )
        except ValidationError as error:
            form_errors_add(form, error, field_of=form.service_fields())
        else:
            messages.success(request, "Saved the question.")
            return redirect("teach-bank-item", item.pk)
    preview = selectors.item_preview(item) if item is not None and request.method == "GET" else None
    return render(
        request, "assessments/item_form.html", {"form": form, "item": item, "schools": schools, "preview": preview}
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request):
    require_staff(request.user)
    return _item_form(request, item=None)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, item_id: int):
    item = get_for_user(request.user, Item.objects.filter(school__isnull=False), item_id, "change")
    return _item_form(request, item=item)


@login_required
@require_GET
def item_detail(request, item_id: int):
    """An item as students see it, its key, where it is used and its statistics from real answers."""
    require_staff(request.user)
    item = get_for_user(request.user, Item.objects.select_related("school").prefetch_related("targets"), item_id)
    return render(
        request,
        "assessments/item_detail.html",
        {
            "item": item,
            "q": selectors.item_for_student(item),
            "stats": selectors.item_statistics(user=request.user, item=item),
            "uses": selectors.item_uses(user=request.user, item=item),
            "right_answer": selectors.right_answer(item),
            "editable": item.school_id is not None and authoring.can_author(request.user, item.school),
        },
    )


@login_required
@require_POST
def item_preview(request):
    """The live preview of the item editor: the question as a student sees it, its right answer, and what is wrong."""
    require_staff(request.user)
    form = ItemForm(request.POST, schools=selectors.authoring_schools(request.user))
    preview = selectors.item_preview(Item(**form.item_fields())) if form.is_valid() else None
    return render(request, "assessments/_item_preview.html", {"form": form, "preview": preview})


def _questions_change(user, assessment: Assessment, post) -> None:
    """Parse one change of an assessment's questions and make it: add, swap or remove."""
    item = get_for_user(user, Item, parse_id("item", post.get("item"), message="Choose a question from the bank."))
    old_item = get_for_user(user, Item, parse_id("old_item", post["old_item"])) if post.get("old_item") else None
    authoring.assessment_questions_change(
        assessment=assessment, action=post.get("action"), item=item, old_item=old_item, by=user
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_questions(request, assessment_id: int):
    """An assessment's questions, with a swap, an add and a remove for each, until a student starts it."""
    assessment = get_for_user(request.user, Assessment.objects.select_related("school"), assessment_id, "change")
    if request.method == "POST":
        try:
            _questions_change(request.user, assessment, request.POST)
        except ValidationError as error:
            messages.error(request, validation_message(error))
        else:
            messages.success(request, "Changed the questions.")
        return redirect("teach-assessment-questions", assessment.pk)
    return render(
        request,
        "assessments/assessment_questions.html",
        selectors.assessment_questions(user=request.user, assessment=assessment),
    )
