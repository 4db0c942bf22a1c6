"""Template filters for learning content: `{{ activity.body|markdown }}`, `{{ hint|markdown_inline }}`,
`{{ item.figure|figure }}` (see learning_platform.content)."""

from django import template

from learning_platform import content

register = template.Library()


@register.filter
def markdown(text: str):
    return content.render_markdown(text or "")


@register.filter
def markdown_inline(text: str):
    return content.render_inline(text or "")


@register.filter
def figure(svg: str):
    return content.render_figure(svg or "")
