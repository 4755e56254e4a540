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

Wrap rendering in :func:`template_errors` to turn Jinja's exceptions into one-line
``PepdocsError``s naming the template.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sized
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pepdocs.errors import DocumentError, PepdocsError, UnsafeDocumentError
from pepdocs.safety.sanitize import clean_text

__all__ = [
    "MAX_POWER_EXPONENT",
    "MAX_REPEAT_LENGTH",
    "sandboxed_environment",
    "template_errors",
]

#: longest string/list a template may build with ``*`` (a whole form is far smaller)
MAX_REPEAT_LENGTH = 1_000_000
#: largest exponent a template may use with ``**`` (10**1000000 takes seconds and megabytes)
MAX_POWER_EXPONENT = 1_000


class _PepdocsSandbox(SandboxedEnvironment):
    """Jinja's sandbox, failing loudly on unsafe access and bounding ``*``/``**``."""

    intercepted_binops = frozenset({"*", "**"})

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
