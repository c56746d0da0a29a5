"""A tiny arithmetic language for `derive` rules, evaluated over intervals. Never eval'd.

Grammar: expr := term (('+' | '-') term)* ; term := factor (('*' | '/') factor)* ;
factor := NUMBER | NAME | '(' expr ')' | '-' factor. Names are claim bindings; each stands for the
interval its wording allows ('$12 billion' is 11.5 to 12.5 billion), so results carry the rounding along.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>[-+*/()]))")


class ExpressionError(ValueError):
    """An expression that does not parse; the message says where."""


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        products = (self.low * other.low, self.low * other.high, self.high * other.low, self.high * other.high)
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            return Interval(float("-inf"), float("inf"))  # dividing by a range that holds zero says nothing
        return self * Interval(1 / other.high, 1 / other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


Node = tuple  # ("num", value) | ("name", name) | ("neg", node) | (op, left, right)


def parse(text: str) -> Node:
    tokens = _tokens(text)
    position = 0

    def peek() -> str | None:
        return tokens[position][1] if position < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal position
        if position >= len(tokens):
            raise ExpressionError(f"{text!r}: expression ends too early")
        position += 1
        return tokens[position - 1]

    def expression() -> Node:
        node = term()
        while peek() in ("+", "-"):
            node = (take()[1], node, term())
        return node

    def term() -> Node:
        node = factor()
        while peek() in ("*", "/"):
            node = (take()[1], node, factor())
        return node

    def factor() -> Node:
        kind, value = take()
        if kind == "number":
            return ("num", float(value))
        if kind == "name":
            return ("name", value)
        if value == "-":
            return ("neg", factor())
        if value == "(":
            node = expression()
            if take()[1] != ")":
                raise ExpressionError(f"{text!r}: missing ')'")
            return node
        raise ExpressionError(f"{text!r}: unexpected {value!r}")

    node = expression()
    if position != len(tokens):
        raise ExpressionError(f"{text!r}: unexpected {tokens[position][1]!r}")
    return node


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if text[position:].strip():
                raise ExpressionError(f"{text!r}: cannot read {text[position:position + 10]!r}")
            break
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def names(node: Node) -> set[str]:
    if node[0] == "name":
        return {node[1]}
    if node[0] == "num":
        return set()
    return set().union(*(names(child) for child in node[1:]))


def evaluate(node: Node, values: dict[str, Interval]) -> Interval:
    match node[0]:
        case "num":
            return Interval(node[1], node[1])
        case "name":
            return values[node[1]]
        case "neg":
            return -evaluate(node[1], values)
        case "+":
            return evaluate(node[1], values) + evaluate(node[2], values)
        case "-":
            return evaluate(node[1], values) - evaluate(node[2], values)
        case "*":
            return evaluate(node[1], values) * evaluate(node[2], values)
        case _:
            return evaluate(node[1], values) / evaluate(node[2], values)


def show(node: Node, values: dict[str, float]) -> str:
    """The expression with each name replaced by its stated value: the arithmetic a reader can redo."""
    match node[0]:
        case "num":
            return f"{node[1]:g}"
        case "name":
            return f"{values[node[1]]:,.6g}"
        case "neg":
            return f"-{show(node[1], values)}"
        case operator:
            return f"({show(node[1], values)} {operator} {show(node[2], values)})"
