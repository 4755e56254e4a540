"""Templates render in a sandbox: reaching for Python internals fails with a clear error."""

from __future__ import annotations

import io

import docx
import docxtpl
import jinja2
import pytest

from pepdocs import DocumentError, PepdocsError, UnsafeDocumentError
from pepdocs.safety import jinja, sandboxed_environment, template_errors


def _word_template(text: str) -> docxtpl.DocxTemplate:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docxtpl.DocxTemplate(buffer)


def _render_word(text: str, context: dict[str, object]) -> list[str]:
    template = _word_template(text)
    with template_errors("hostile.docx"):
        template.render(context, jinja_env=sandboxed_environment())
    out = io.BytesIO()
    template.save(out)
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(out.getvalue())).paragraphs]


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__ }}",
        "{{ joiner.__init__.__globals__.os }}",
        "{{ lipsum.__globals__ }}",
        "{{ namespace.__init__ }}",
        "{{ 'x' * 1000000000 }}",
        "{{ [1] * 100000000 }}",
        "{{ 10 ** 100000000 }}",
    ],
)
def test_a_word_template_reaching_for_python_internals_is_refused(source: str) -> None:
    with pytest.raises(UnsafeDocumentError) as raised:
        _render_word(source, {})
    message = str(raised.value)
    assert message.startswith("hostile.docx: template does what the sandbox forbids")
    assert "\n" not in message


def test_values_are_escaped_cleaned_and_none_prints_nothing() -> None:
    texts = _render_word(
        "{{ name }}|{{ missing }}|{{ nothing }}",
        {"name": "</w:t><w:t>A & B\x0b", "nothing": None},
    )
    assert texts == ["</w:t><w:t>A & B||"]


def test_the_environment_always_autoescapes() -> None:
    environment = sandboxed_environment(autoescape=False)
    assert environment.autoescape is True
    assert environment.from_string("{{ v }}").render(v="<b>") == "&lt;b&gt;"


def test_a_syntax_error_names_the_template_and_line() -> None:
    with pytest.raises(DocumentError) as raised:
        _render_word("{% for %}", {})
    assert not isinstance(raised.value, UnsafeDocumentError)
    assert str(raised.value).startswith("hostile.docx: template has a Jinja syntax error")


def test_a_failing_expression_is_a_pepdocs_error_without_the_value() -> None:
    with pytest.raises(PepdocsError) as raised:
        _render_word("{{ secret / 0 }}", {"secret": 987654})
    assert "987654" not in str(raised.value)


def test_strict_undefined_is_reported_by_name() -> None:
    environment = sandboxed_environment(undefined=jinja2.StrictUndefined)
    with (
        pytest.raises(DocumentError, match=r"^t\.xml: template uses something"),
        template_errors("t.xml"),
    ):
        environment.from_string("{{ child.first_name }}").render()


# -- issue 19, cause 11: output size, loops, calls and widths ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{{ 'x'|center(999999999) }}", "width"),
        ("{{ '%999999999d'|format(1) }}", "format width"),
        ("{{ '%999999999d' % 1 }}", "format width"),
        ("{{ '{:>999999999}'.format(1) }}", "format width"),
        ("{{ 'a'|indent(999999999, true) }}", "width"),
        ("{{ 'x'|wordwrap(999999999) }}", "width"),
        ("{{ lipsum(100000) }}", "lipsum"),
        ("{{ ('x' * 1000000)|replace('x', 'xxxxxxxxxx') }}", "string of more than"),
        ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "loop"),
        (
            "{% set l = 'x' * 1000000 %}{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}",
            "loop",
        ),
        (
            "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
            "{{ f(40) }}",
            "calls",
        ),
        ("{% for i in range(1000000) %}{{ 'x' * 1000 }}{% endfor %}", "longer than"),
    ],
)
def test_a_template_that_would_exhaust_time_or_memory_is_refused_in_one_line(
    source: str, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each budget is checked by the limit it names, however slow the machine: the render's
    # clock (what stops any other endless render) is set far away
    monkeypatch.setattr(jinja, "MAX_RENDER_SECONDS", 600.0)
    with pytest.raises(UnsafeDocumentError) as refused, template_errors("hostile.docx"):
        sandboxed_environment().from_string(source).render()
    message = str(refused.value)
    assert message.startswith("hostile.docx: ") and problem in message and "\n" not in message


def test_a_recursive_macro_is_refused_not_a_traceback() -> None:
    with pytest.raises(PepdocsError), template_errors("hostile.docx"):
        sandboxed_environment().from_string(
            "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"
        ).render()


def test_loops_over_data_still_render_and_cannot_rebind_the_counter() -> None:
    source = "{% set bounded_loop = 1 %}{% for item in items %}{{ item }};{% endfor %}"
    assert sandboxed_environment().from_string(source).render(items=[1, 2, 3]) == "1;2;3;"
