"""The Jinja environment templates render in: sandboxed, autoescaping, bounded.

docxtpl renders each XML part of a Word template as a Jinja template, and with a plain
``jinja2.Environment`` a template can reach Python internals
(``{{ cycler.__init__.__globals__.os.system(...) }}``). Templates come from authorities and
are edited by people: they are code we did not write. So every render uses
:func:`sandboxed_environment`:

- ``SandboxedEnvironment``: no dunder attributes, no unsafe callables, ``range`` capped. Unlike
  Jinja's default, reaching for an unsafe attribute RAISES (Jinja would render an empty string
  for ``{{ ''.__class__ }}`` and fail only on a later step), so a hostile template never
  renders half-way.
- ``autoescape=True``: values go into XML, so ``&``, ``<``, ``>`` and quotes are escaped; a
  value typed as ``</w:t>...`` stays text. docxtpl's ``RichText``/``Listing`` carry
  ``__html__`` and pass through as the markup they are.
- ``finalize``: every value printed is stripped of XML-illegal control characters and ``None``
  prints as nothing (missing data leaves the form's blank as it was, not the word "None").
- ``*`` and ``**`` are checked, so ``{{ 'x' * 10**9 }}`` cannot eat the machine's memory.
- every render has a budget: output characters, loop iterations (every ``{% for %}``, over
  ``range`` or anything else, nested loops counted together), calls (macros, recursive ones
  included) and wall-clock time; widths and counts of ``center``, ``indent``, ``format``,
  ``wordwrap``, ``replace``, ``str.format`` / ``%`` and ``lipsum`` are capped before the string
  is built. A template that goes past any of them is refused in one line.

Wrap rendering in :func:`template_errors` to turn Jinja's exceptions into one-line
``PepdocsError``s naming the template.
"""

from __future__ import annotations

import contextvars
import operator
import re
import string
import time
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pepdocs.errors import DocumentError, PepdocsError, UnsafeDocumentError
from pepdocs.safety.sanitize import clean_text

__all__ = [
    "MAX_CALLS",
    "MAX_LOOP_ITERATIONS",
    "MAX_OUTPUT_CHARS",
    "MAX_POWER_EXPONENT",
    "MAX_RENDER_SECONDS",
    "MAX_REPEAT_LENGTH",
    "MAX_WIDTH",
    "sandboxed_environment",
    "template_errors",
]

#: longest string/list a template may build with ``*`` (a whole form is far smaller)
MAX_REPEAT_LENGTH = 1_000_000
#: largest exponent a template may use with ``**`` (10**1000000 takes seconds and megabytes)
MAX_POWER_EXPONENT = 1_000
#: characters one render may produce (a form's document.xml is well under a megabyte; the
#: 20,000-row table is seven)
MAX_OUTPUT_CHARS = 32_000_000
#: iterations of all the loops of one render together (a 20,000-row table with a dozen
#: columns is a quarter of a million)
MAX_LOOP_ITERATIONS = 2_000_000
#: calls (functions, methods, macros) in one render: a recursive macro that calls itself
#: twice reaches it in about a second
MAX_CALLS = 250_000
#: wall-clock seconds one render may take (a form renders in milliseconds)
MAX_RENDER_SECONDS = 10.0
#: the widest padding, indent or wrap width and the largest count a filter may be given
MAX_WIDTH = 10_000
#: most paragraphs ``lipsum`` may make
MAX_LIPSUM_PARAGRAPHS = 100


@dataclass(slots=True)
class _Budget:
    """What is left of one render's allowance; checked on every loop step and call."""

    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_RENDER_SECONDS)
    iterations: int = MAX_LOOP_ITERATIONS
    calls: int = MAX_CALLS
    _clock: int = 0

    def step(self, what: str) -> None:
        if what == "loop":
            self.iterations -= 1
            if self.iterations < 0:
                raise SecurityError(f"more than {MAX_LOOP_ITERATIONS:,} loop steps in one render")
        else:
            self.calls -= 1
            if self.calls < 0:
                raise SecurityError(f"more than {MAX_CALLS:,} calls in one render")
        self._clock += 1
        if self._clock & 0x3FF == 0 and time.monotonic() > self.deadline:
            raise SecurityError(f"the render took longer than {MAX_RENDER_SECONDS:g} s")


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "pepdocs_render_budget", default=None
)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # a render that did not start through _BoundedTemplate.render
        budget = _Budget()
        _BUDGET.set(budget)
    return budget


class _BoundedTemplate(jinja2.Template):
    """A template whose :meth:`render` runs under a fresh :class:`_Budget` and stops at
    :data:`MAX_OUTPUT_CHARS` characters of output."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        token = _BUDGET.set(_Budget())
        try:
            context = self.new_context(dict(*args, **kwargs))
            pieces: list[str] = []
            size = 0
            for piece in self.root_render_func(context):
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    raise SecurityError(
                        f"the render would be longer than {MAX_OUTPUT_CHARS:,} characters"
                    )
                pieces.append(piece)
            return self.environment.concat(pieces)
        except Exception:
            self.environment.handle_exception()
        finally:
            _BUDGET.reset(token)


def _width(value: Any, what: str) -> Any:
    if isinstance(value, int | float) and abs(value) > MAX_WIDTH:
        raise SecurityError(f"a {what} of more than {MAX_WIDTH:,} is not allowed")
    return value


def _sized(result_length: int) -> None:
    if result_length > MAX_REPEAT_LENGTH:
        raise SecurityError(
            f"a string of more than {MAX_REPEAT_LENGTH:,} characters is not allowed"
        )


#: a printf width or precision (``%-999999d``, ``%.9999f``, ``%*d``)
_PRINTF_SPEC = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
#: digits of a str.format spec's width or precision (``{:>99999}``, ``{:.9999}``)
_FORMAT_NUMBER = re.compile(r"\d+")


def _check_printf(template: str) -> None:
    for match in _PRINTF_SPEC.finditer(template):
        for part in match.groups():
            if part == "*" or (part is not None and int(part) > MAX_WIDTH):
                raise SecurityError(f"a format width over {MAX_WIDTH:,} is not allowed")


def _check_format_spec(template: str) -> None:
    for _, _, spec, _ in string.Formatter().parse(template):
        if spec is None:
            continue
        if "{" in spec:
            raise SecurityError("a format width taken from a value is not allowed")
        if any(int(number) > MAX_WIDTH for number in _FORMAT_NUMBER.findall(spec)):
            raise SecurityError(f"a format width over {MAX_WIDTH:,} is not allowed")


def _bounded_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Jinja's filters whose output size a template chooses, with that size checked first."""
    center, indent, wordwrap = filters["center"], filters["indent"], filters["wordwrap"]
    fmt, replace, truncate = filters["format"], filters["replace"], filters["truncate"]

    def bounded_center(value: Any, width: int = 80) -> Any:
        return center(value, _width(width, "width"))

    def bounded_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, str):
            _sized(len(width) * (str(value).count("\n") + 1) + len(str(value)))
        return indent(value, _width(width, "width"), *args, **kwargs)

    def bounded_wordwrap(
        environment: Any, value: Any, width: int = 79, *args: Any, **kw: Any
    ) -> Any:
        return wordwrap(environment, value, _width(width, "width"), *args, **kw)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_printf(str(value))
        return fmt(value, *args, **kwargs)

    def bounded_replace(
        eval_ctx: Any, value: Any, old: Any, new: Any, count: int | None = None
    ) -> Any:
        text, old_text, new_text = str(value), str(old), str(new)
        found = text.count(old_text) if old_text else len(text) + 1
        if count is not None and count >= 0:
            found = min(found, count)
        _sized(len(text) + found * (len(new_text) - len(old_text)))
        return replace(eval_ctx, value, old, new, count)

    def bounded_truncate(environment: Any, value: Any, length: int = 255, *a: Any, **k: Any) -> Any:
        return truncate(environment, value, _width(length, "length"), *a, **k)

    for wrapper, original in (
        (bounded_wordwrap, wordwrap),
        (bounded_replace, replace),
        (bounded_truncate, truncate),
    ):
        # Jinja passes the environment or evaluation context to filters marked for it
        jinja_pass = getattr(original, "jinja_pass_arg", None)
        if jinja_pass is not None:
            setattr(wrapper, "jinja_pass_arg", jinja_pass)  # noqa: B010 (Jinja's marker)
    return {
        **filters,
        "center": bounded_center,
        "indent": bounded_indent,
        "wordwrap": bounded_wordwrap,
        "format": bounded_format,
        "replace": bounded_replace,
        "truncate": bounded_truncate,
    }


def _bounded_range(*args: Any) -> Iterator[int]:
    for value in args:
        if not isinstance(value, int):
            raise TypeError("range() takes integers")
    numbers = range(*args)
    if len(numbers) > MAX_LOOP_ITERATIONS:
        raise SecurityError(f"a range of more than {MAX_LOOP_ITERATIONS:,} numbers is not allowed")
    return iter(numbers)


def _bounded_lipsum(
    n: int = 5,
    html: bool = True,
    min: int = 20,
    max: int = 100,
) -> Any:
    from jinja2.utils import generate_lorem_ipsum

    if n > MAX_LIPSUM_PARAGRAPHS or max > MAX_WIDTH or min > MAX_WIDTH:
        raise SecurityError("lipsum that long is not allowed")
    return generate_lorem_ipsum(n, html, min, max)


class _PepdocsSandbox(SandboxedEnvironment):
    """Jinja's sandbox, failing loudly on unsafe access and bounding ``*``/``**``."""

    intercepted_binops = frozenset({"*", "**", "%"})
    template_class = _BoundedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = _bounded_filters(self.filters)
        self.globals["range"] = _bounded_range
        self.globals["lipsum"] = _bounded_lipsum

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every ``{% for %}`` made to iterate through :meth:`bounded_loop`, so that loops
        over anything (not only ``range``) count against the render's budget. The call is
        an environment attribute: a template cannot rebind it."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("bounded_loop"), [loop.iter], [], None, None
            )
        return tree

    @staticmethod
    def bounded_loop(items: Iterable[Any]) -> Iterator[Any]:
        budget = _budget()
        for item in items:
            budget.step("loop")
            yield item

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().step("call")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        """``str.format``/``format_map`` reached from a template (Jinja 3.1.5 and later wrap
        them when the attribute is read): the format string's widths are checked first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format_spec(str(value.__self__))
        return wrapped

    def format_string(
        self, s: str, args: tuple[Any, ...], kwargs: dict[str, Any], format_func: Any = None
    ) -> str:
        # Jinja 3.1.4 and earlier route str.format through here instead
        _check_format_spec(s)
        formatted: str = super().format_string(s, args, kwargs, format_func)  # type: ignore[misc]
        return formatted

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise SecurityError(
            f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe"
        )

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, Sized)
                    and not isinstance(sequence, bool)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_REPEAT_LENGTH
                ):
                    raise SecurityError("repeating a value that many times is not allowed")
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER_EXPONENT:
                raise SecurityError("a power that large is not allowed")
            return operator.pow(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                _check_printf(left)
            return operator.mod(left, right)
        return super().call_binop(context, operator_name, left, right)


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    return value


def sandboxed_environment(**options: Any) -> SandboxedEnvironment:
    """A fresh sandboxed, autoescaping environment; ``options`` go to the constructor
    (e.g. ``undefined=jinja2.StrictUndefined``) but cannot turn autoescape off."""
    options.setdefault("finalize", _finalize)
    options["autoescape"] = True
    return _PepdocsSandbox(**options)


@contextmanager
def template_errors(template: str) -> Iterator[None]:
    """Turn Jinja's exceptions during a render into one-line errors naming ``template``.

    A sandbox violation is ``UnsafeDocumentError`` (the template is refused); a syntax error
    or other template failure is ``DocumentError``. Messages name the template and the
    problem, never the values being rendered.
    """
    try:
        yield
    except PepdocsError:
        raise
    except SecurityError as exc:
        # Jinja's sandbox messages name attributes and types, not values; capped anyway.
        raise UnsafeDocumentError(
            f"template does what the sandbox forbids ({str(exc)[:120]}): refused; "
            "templates may only print values, test and loop over them",
            template,
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise DocumentError(
            f"template has a Jinja syntax error near line {exc.lineno} ({exc.message}); "
            "fix the {{ }} / {% %} tags in Word",
            template,
        ) from None
    except jinja2.UndefinedError as exc:
        raise DocumentError(
            f"template uses something the data does not provide ({exc.message})", template
        ) from None
    except jinja2.TemplateError as exc:
        raise DocumentError(
            f"template cannot be rendered ({type(exc).__name__})", template
        ) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        # An expression in the template failed ({{ 1/0 }}, a filter on the wrong type): the
        # template's fault, reported by kind only because the message may quote a value.
        raise DocumentError(
            f"template expression failed ({type(exc).__name__}); check its {{{{ }}}} tags",
            template,
        ) from exc
    except (RecursionError, MemoryError):
        raise UnsafeDocumentError(
            "template needs too much recursion or memory to render: refused", template
        ) from None
