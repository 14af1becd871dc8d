"""The strict YAML reader: scalars stay strings, places stay exact, traps are refused."""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainers import yamltree
from explainers.yamltree import Mapping, Scalar, Sequence, YAMLProblems


def problems(text: str, line_offset: int = 0) -> list[yamltree.Problem]:
    """The problems of ``text``, whether they stopped the parse or not."""
    try:
        _, found = yamltree.read(text, line_offset)
    except YAMLProblems as exc:
        assert exc.problems, "YAMLProblems must carry at least one problem"
        return exc.problems
    assert found, f"no problem in {text!r}"
    return found


def parse(text: str, line_offset: int = 0) -> yamltree.Node | None:
    """The tree of ``text``, which has no problem."""
    tree, found = yamltree.read(text, line_offset)
    assert found == []
    return tree


# --- implicit typing never changes what the editor wrote ---------------------------------


def test_scalars_stay_strings_yaml_1_1_traps() -> None:
    tree = parse(
        "status: false\n"
        "language: no\n"
        "draft: yes\n"
        "flag: on\n"
        "date: 2023-13-45\n"
        "real_date: 2025-06-02\n"
        "version: 1.0\n"
        "octal: 0777\n"
        "sexagesimal: 1:20\n"
        "id: 2024\n"
    )
    assert yamltree.to_python(tree) == {
        "status": "false",
        "language": "no",
        "draft": "yes",
        "flag": "on",
        "date": "2023-13-45",
        "real_date": "2025-06-02",
        "version": "1.0",
        "octal": "0777",
        "sexagesimal": "1:20",
        "id": "2024",
    }


def test_nulls_are_none_only_when_plain() -> None:
    tree = parse("empty:\ntilde: ~\nword: null\nquoted: 'null'\ndquoted: \"~\"\n")
    assert yamltree.to_python(tree) == {
        "empty": None,
        "tilde": None,
        "word": None,
        "quoted": "null",
        "dquoted": "~",
    }


def test_plain_flag_distinguishes_quoted_and_block_scalars() -> None:
    tree = parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  block\n")
    assert isinstance(tree, Mapping)
    plain = {key: value.plain for key, (_, value) in tree.entries.items() if isinstance(value, Scalar)}
    assert plain == {"a": True, "b": False, "c": False, "d": False}
    assert yamltree.to_python(tree)["d"] == "block\n"  # type: ignore[index]


def test_empty_document_is_none() -> None:
    assert parse("") is None
    assert parse("# only a comment\n") is None
    assert yamltree.to_python(None) is None


def test_lists_and_flow_collections() -> None:
    tree = parse("authors: [VT, Redaksi]\ntags:\n  - korea-utara\n  - rusia\ntext: {id: a, en: b}\n")
    assert yamltree.to_python(tree) == {
        "authors": ["VT", "Redaksi"],
        "tags": ["korea-utara", "rusia"],
        "text": {"id": "a", "en": "b"},
    }


# --- places -------------------------------------------------------------------------------


def test_keys_and_values_keep_their_lines_and_columns() -> None:
    tree = parse("title: x\nclaims:\n  - id: a\n    status: false\n")
    assert isinstance(tree, Mapping)
    key, claims = tree.entries["claims"]
    assert (key.line, key.column) == (2, 1)
    assert isinstance(claims, Sequence)
    item = claims.items[0]
    assert isinstance(item, Mapping)
    status_key, status = item.entries["status"]
    assert (status_key.line, status_key.column) == (4, 5)
    assert isinstance(status, Scalar)
    assert (status.line, status.column, status.value) == (4, 13, "false")


def test_line_offset_shifts_every_line() -> None:
    tree = parse("title: x\nstatus: y\n", line_offset=1)
    assert isinstance(tree, Mapping)
    assert tree.entries["title"][0].line == 2
    assert tree.entries["status"][0].line == 3
    (problem,) = problems("a: 1\na: 2\n", line_offset=10)
    assert problem.line == 12


def test_locate_finds_keys_items_and_the_deepest_existing_node() -> None:
    text = "title: x\nclaims:\n  - id: a\n    text:\n      id: t\n  - id: b\n"
    tree = parse(text)
    assert yamltree.locate(tree, ("title",)) == (1, 1)
    assert yamltree.locate(tree, ("claims", 1)) == (6, 5)
    assert yamltree.locate(tree, ("claims", 0, "text", "id")) == (5, 7)
    # 'en' is missing: the place is the 'text' key that should hold it
    assert yamltree.locate(tree, ("claims", 0, "text", "en")) == (4, 5)
    # an index past the end: the list's key
    assert yamltree.locate(tree, ("claims", 7)) == (2, 1)
    assert yamltree.locate(None, ("title",)) is None


# --- refused: duplicates, tabs, syntax, anchors, tags, depth, several documents -----------


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    (problem,) = problems("title: a\nsummary: b\ntitle: c\n")
    assert problem.line == 3
    assert "duplicate key 'title'" in problem.message
    assert "line 1" in problem.message
    assert "keep one" in problem.message


def test_all_duplicate_keys_are_reported_together() -> None:
    found = problems("a: 1\nb: 2\na: 3\nlist:\n  - id: x\n    id: y\nb: 4\n")
    assert [(p.line, "duplicate key" in p.message) for p in found] == [(3, True), (6, True), (7, True)]


def test_tab_indentation_is_named() -> None:
    (problem,) = problems("claims:\n  - id: a\n\tstatus: x\n")
    assert problem.line == 3
    assert "invalid YAML" in problem.message
    assert "tab" in problem.message.lower()
    assert "spaces" in problem.message


def test_syntax_error_has_a_line_and_a_hint() -> None:
    (problem,) = problems("title: ok\nsummary: Rusia: memveto\n")
    assert problem.line == 2
    assert problem.message.startswith("invalid YAML")
    assert "quotes" in problem.message


def test_unclosed_quote_says_so() -> None:
    (problem,) = problems('title: "never closed\nsummary: x\n')
    assert problem.message.startswith("invalid YAML")
    assert "line 1" in problem.message  # where the quoted scalar starts
    assert "quote" in problem.message


@pytest.mark.parametrize(
    "text, word",
    [
        ("title: &t x\nsummary: *t\n", "anchors"),
        ("base: &b {a: 1}\nother: *b\n", "anchors"),
        ("summary: *undefined\n", "alias"),
    ],
)
def test_anchors_and_aliases_are_refused(text: str, word: str) -> None:
    found = problems(text)
    assert any(word in p.message.lower() for p in found), found
    assert all(p.line == 1 for p in found)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    start = time.monotonic()
    found = problems("\n".join(lines) + "\n")
    assert time.monotonic() - start < 2
    assert "not allowed" in found[0].message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!timestamp", "!!int", "!custom", "!!binary"])
def test_explicit_tags_are_refused(tag: str) -> None:
    (problem,) = problems(f"title: x\ndate: {tag} 2025-06-02\n")
    assert problem.line == 2
    assert "tags" in problem.message
    assert "remove the tag" in problem.message


def test_the_str_tag_is_harmless_and_allowed() -> None:
    assert yamltree.to_python(parse("title: !!str 2025-06-02\n")) == {"title": "2025-06-02"}


def test_deep_nesting_is_refused() -> None:
    depth = yamltree.MAX_DEPTH + 4
    found = problems("a: " + "[" * depth + "x" + "]" * depth + "\n")
    assert "nested" in found[0].message
    # ordinary nesting is fine
    assert yamltree.to_python(parse("a: [[[x]]]\n")) == {"a": [[["x"]]]}


def test_several_documents_are_refused() -> None:
    (problem,) = problems("title: a\n---\ntitle: b\n")
    assert problem.line == 2
    assert "single YAML document" in problem.message




@pytest.mark.parametrize(
    "text",
    [
        "[a]: value\ntitle: x\n",
        "[a, b]: value\ntitle: x\n",
        "? [a, b]\n: value\n",
    ],
)
def test_a_list_as_key_is_refused_without_crashing(text: str) -> None:
    found = problems(text)
    assert any("key must be a plain word" in p.message for p in found)


def test_control_characters_are_a_problem_not_an_exception() -> None:
    (problem,) = problems("title: a\x07b\n")
    assert "invalid YAML" in problem.message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separator_inside_a_value_does_not_shift_lines(separator: str) -> None:
    (problem,) = problems(f'title: "pasted{separator}text"\nsummary: a\nsummary: b\n', line_offset=1)
    assert problem.line == 4
    tree = parse(f"title: 'a{separator}b'\nsummary: x\n")
    assert isinstance(tree, Mapping)
    assert tree.key_line("summary") == 2


def test_crlf_lines_count_once() -> None:
    tree = parse("title: x\r\nclaims:\r\n  - id: a\r\n")
    assert isinstance(tree, Mapping)
    assert tree.key_line("claims") == 2
    (problem,) = problems("a: 1\r\nb: 2\r\na: 3\r\n")
    assert problem.line == 3


def test_problems_come_in_the_order_of_the_file() -> None:
    found = problems("a: 1\nb: !!int 2\na:\n  x: !!int 3\n  x: 4\n")
    assert [(p.line, p.message.split()[0]) for p in found] == [
        (2, "YAML"), (3, "duplicate"), (4, "YAML"), (5, "duplicate"),
    ]


def test_a_refusal_stops_the_reading_and_is_the_only_problem() -> None:
    (problem,) = problems("a: 1\na: 2\nb: &x 3\nc: 4\nc: 5\n")
    assert problem.line == 3 and "anchors" in problem.message


def test_depth_is_counted_from_the_root() -> None:
    at_limit = "a: " + "[" * (yamltree.MAX_DEPTH - 1) + "x" + "]" * (yamltree.MAX_DEPTH - 1) + "\n"
    assert parse(at_limit) is not None
    over = "a: " + "[" * yamltree.MAX_DEPTH + "x" + "]" * yamltree.MAX_DEPTH + "\n"
    (problem,) = problems(over)
    assert (problem.line, problem.column) == (1, 3 + yamltree.MAX_DEPTH)
    assert "more than 16 levels" in problem.message


_FALLBACK_CASES = [
    "title: x\nclaims:\n  - id: a\n    text: {id: b, en: c}\n",
    "a: 1\nb: 2\na: 3\n",
    "a: !!int 1\n",
    "a: &x 1\n",
    "a: *x\n",
    "a: b\n---\nc: d\n",
    "t: 'x\u2028y'\nb: 1\nb: 2\n",
    "a: " + "[" * 20 + "]" * 20 + "\n",
    "title: a\x07b\n",
    "title: ok\nsummary: Rusia: memveto\n",
]


@pytest.mark.parametrize("text", _FALLBACK_CASES)
def test_without_libyaml_the_same_tree_and_problems(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def outcome() -> tuple[object, list[tuple[int, int | None, str]]]:
        try:
            tree, found = yamltree.read(text, 2)
        except YAMLProblems as exc:
            return "refused", [(p.line, p.column, p.message.split(":")[0]) for p in exc.problems]
        return yamltree.to_python(tree), [(p.line, p.column, p.message) for p in found]

    with_libyaml = outcome()
    monkeypatch.setattr(yamltree, "_Loader", yaml.BaseLoader)
    assert outcome() == with_libyaml


# --- never anything but YAMLProblems ------------------------------------------------------

_YAMLISH = st.text(
    alphabet=st.sampled_from([*"ab:- \n\t'\"[]{}&*!|>#?,%@`~\\0129", "\u2028", "\x85", "\ufeff", "é"]),
    max_size=80,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_YAMLISH)
def test_any_text_gives_a_tree_or_yaml_problems(text: str) -> None:
    tree: yamltree.Node | None = None
    try:
        tree, found = yamltree.read(text)
    except YAMLProblems as exc:
        assert exc.problems
        found = exc.problems
    for problem in found:
        assert problem.line >= 1
        assert problem.message
    yamltree.to_python(tree)
