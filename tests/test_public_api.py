"""The public surface: exactly these names, each where __init__ says, none heavy to import."""

import importlib
import subprocess
import sys

import newsdoc

PUBLIC = [
    "EVERYTHING", "Article", "Author", "Block", "BulletList", "Code", "CodeBlock", "Collection",
    "ContentDroppedWarning", "ConversionResult", "Divider", "Document", "Embed", "Emphasis", "Feature", "Figure", "Format",
    "Heading", "Image", "Inline", "LineBreak", "Link", "MissingDependencyError", "NewsdocError",
    "NewsdocWarning", "Node", "OrderedList", "Paragraph", "PullQuote", "Quote", "ReadError", "ReadWarning",
    "Strikethrough", "Strong", "Subscript", "Superscript", "Table", "TableCell", "Text",
    "UnknownFormatError", "WriteError", "__version__", "available_formats", "convert", "convert_many", "detect_format",
    "features_used", "format_for_path", "get_format", "iter_articles", "json_schema", "normalize",
    "plain_text", "project", "read", "register_format", "transform", "walk", "write", "write_articles",
]  # fmt: skip

# DESIGN.md's public contract: these names must never go away or be renamed.
CONTRACT = {
    "Article", "Author", "Collection", "Paragraph", "Heading", "Quote", "PullQuote", "BulletList",
    "OrderedList", "Figure", "Image", "Embed", "Table", "Divider", "Text", "Emphasis", "Strong", "Link",
    "Code", "Subscript", "Superscript", "Strikethrough", "LineBreak", "read", "write", "plain_text",
    "normalize", "NewsdocError", "UnknownFormatError", "ReadError", "WriteError", "MissingDependencyError",
}  # fmt: skip


def test_all_is_exactly_the_public_names_sorted():
    """__all__ is pinned: adding or removing a public name is a deliberate change here."""
    assert PUBLIC == newsdoc.__all__


def test_the_design_contract_is_exported():
    """Every name DESIGN.md promises is public."""
    assert CONTRACT <= set(newsdoc.__all__)


def test_every_public_name_resolves_to_its_module():
    """Each lazy export is the object its module defines, and dir() lists it."""
    for name in newsdoc.__all__:
        value = getattr(newsdoc, name)
        if name != "__version__":
            module = importlib.import_module(newsdoc._EXPORTS[name])
            assert getattr(module, name) is value
        assert name in dir(newsdoc)


def test_unknown_attribute_is_an_attribute_error():
    """A typo gets the usual AttributeError, not a KeyError."""
    try:
        newsdoc.Artcle  # noqa: B018
    except AttributeError as error:
        assert "Artcle" in str(error)  # noqa: PT017
    else:
        raise AssertionError("no AttributeError")


def test_error_classes_subclass_builtins_through_the_package():
    """The error tree is reachable from the package root."""
    assert issubclass(newsdoc.ReadError, ValueError)


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(result.stdout.split())


def test_import_newsdoc_imports_no_format_dependency():
    """import newsdoc loads neither lxml, ebooklib nor cattrs (the JSON format's converter)."""
    assert set() == {"lxml", "ebooklib", "cattrs"} & _modules_after("import newsdoc")


def test_version_option_needs_neither_attrs_nor_any_format():
    """The CLI's start-up path stays light: the model and formats load on use."""
    loaded = _modules_after("from newsdoc.cli import main\nimport contextlib, io\n"
                            "with contextlib.redirect_stdout(io.StringIO()): main(['--version'])")  # fmt: skip
    assert set() == {"attrs", "cattrs", "lxml", "ebooklib", "newsdoc.model"} & loaded


def test_importing_submodules_does_not_shadow_public_functions():
    """Submodule names never collide with public names, so imports cannot replace them."""
    import newsdoc.canonical
    import newsdoc.formats.json.read
    import newsdoc.traversal

    assert callable(newsdoc.normalize)
    assert callable(newsdoc.walk)
    assert callable(newsdoc.available_formats)
