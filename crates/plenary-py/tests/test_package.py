"""The package as a whole: stubs that match the module, and no input that crashes the
interpreter."""

import ast
import inspect
import random
from pathlib import Path

import pytest

import plenary
from conftest import SIGNATURES, treaty_texts

PACKAGE = Path(plenary.__file__).parent


@pytest.mark.parametrize("module", ["__init__", "treaty", "events", "petitions"])
def test_the_stubs_declare_what_the_module_has(module):
    stub = PACKAGE / f"{module}.pyi"
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    declared = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    runtime = plenary if module == "__init__" else getattr(plenary, module)
    public = set(runtime.__all__)
    functions = {n for n in public if inspect.isroutine(getattr(runtime, n))}
    classes = {n for n in public if inspect.isclass(getattr(runtime, n))}
    assert functions | classes <= declared, f"{stub.name} misses {(functions | classes) - declared}"
    for name in functions:
        stub_def = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
        stub_params = [a.arg for a in stub_def.args.args + stub_def.args.kwonlyargs]
        runtime_params = list(inspect.signature(getattr(runtime, name)).parameters)
        assert stub_params == runtime_params, name
    assert (PACKAGE / "py.typed").is_file()


def test_every_function_has_a_docstring():
    for module in (plenary, plenary.treaty, plenary.events, plenary.petitions):
        for name in module.__all__:
            assert (getattr(module, name).__doc__ or "").strip(), f"{module.__name__}.{name}"
    for name in ("load", "from_json", "validate", "to_json"):
        assert getattr(plenary.Dataset, name).__doc__.strip()


def mutations(seed, texts, count):
    """`count` variants of the texts: cut, spliced, with bytes flipped, repeated."""
    rng = random.Random(seed)
    for _ in range(count):
        text = rng.choice(texts)
        cut = rng.randrange(len(text) + 1)
        choice = rng.randrange(4)
        if choice == 0:
            yield text[:cut]
        elif choice == 1:
            yield text[:cut] + rng.choice(texts)[cut:]
        elif choice == 2:
            chars = list(text)
            for _ in range(rng.randrange(1, 8)):
                if chars:
                    chars[rng.randrange(len(chars))] = chr(rng.choice([0, 9, 10, 13, 40, 41, 59, 0xA0, 0x2028, 0x10FFFF, rng.randrange(32, 0x3000)]))
            yield "".join(chars)
        else:
            yield text[cut:] * rng.randrange(1, 4)


def test_no_input_crashes_the_interpreter():
    # Every outcome is a result or an exception; a crash would end the test run.
    texts = [p.read_text(encoding="utf-8") for p in treaty_texts()]
    for text in mutations(1, texts, 300):
        assert isinstance(plenary.treaty.parse(text), dict)
        try:
            plenary.treaty.to_akn(text)
        except plenary.ParseError:
            pass
        assert isinstance(plenary.treaty.diff(text, texts[0]), dict)
    dataset = plenary.wcit12().to_json()
    for text in mutations(2, [dataset], 200):
        for call in (plenary.Dataset.from_json, plenary.events.to_ics):
            try:
                call(text)
            except plenary.ParseError as err:
                assert err.line is None or err.line >= 1
    phrases = ["September 14-?", "3-14 December 2012", "25-27 Feb 13", "early 2012", "December 3 onwards"]
    for phrase in mutations(3, phrases, 500):
        try:
            plenary.events.parse_date(phrase, 2012)
        except plenary.ParseError:
            pass
    lines = SIGNATURES.read_text(encoding="utf-8")
    for text in mutations(4, [lines], 200):
        got = plenary.petitions.tally(text.encode("utf-8", "surrogatepass"), [1, 2])
        assert got["lines"] == got["counted"] + got["duplicates"] + got["rejected"]


def test_a_lone_surrogate_is_an_exception_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        plenary.treaty.parse("resolves\n1 to act \ud800;\n")
