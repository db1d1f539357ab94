"""Sentences for the user about what went wrong, translatable without Qt.

A ``Problem`` is an English template (marked for translation in context ``Problem``) and its values.
The CLI prints it in English; the UI shows it in the user's language. ``str()`` gives English, so a
Problem can be the message of an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Translate = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Problem:
    template: str  # English, with {named} fields
    values: dict[str, str] = field(default_factory=dict)

    def text(self, translate: Translate = _english) -> str:
        return translate("Problem", self.template).format(**self.values)

    def __str__(self) -> str:
        return self.text()


class ProblemError(RuntimeError):
    """An exception whose message is a translatable Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    def text(self, translate: Translate = _english) -> str:
        return self.problem.text(translate)
