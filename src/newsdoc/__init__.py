"""newsdoc: news articles in one typed model, read from and written to many formats.

>>> import newsdoc
>>> doc = newsdoc.Article(headline="Hello", body=(newsdoc.Paragraph((newsdoc.Text("World"),)),))
>>> newsdoc.plain_text(doc)
'Hello\\n\\nWorld'

Public names load on first use (PEP 562), so ``import newsdoc`` and ``newsdoc
--version`` stay fast; type checkers see the imports below as usual.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsdoc._version import __version__

if TYPE_CHECKING:
    from newsdoc.api import convert, iter_articles, json_schema, read, write, write_articles
    from newsdoc.batch import ConversionResult, convert_many
    from newsdoc.canonical import normalize
    from newsdoc.errors import (
        ContentDroppedWarning,
        MissingDependencyError,
        NewsdocError,
        NewsdocWarning,
        ReadError,
        ReadWarning,
        UnknownFormatError,
        WriteError,
    )
    from newsdoc.fidelity import EVERYTHING, Feature, features_used, project
    from newsdoc.formats.registry import (
        Format,
        available_formats,
        detect_format,
        format_for_path,
        get_format,
        register_format,
    )
    from newsdoc.model import (
        Article,
        Author,
        Block,
        BulletList,
        Code,
        CodeBlock,
        Collection,
        Divider,
        Document,
        Embed,
        Emphasis,
        Figure,
        Heading,
        Image,
        Inline,
        LineBreak,
        Link,
        Node,
        OrderedList,
        Paragraph,
        PullQuote,
        Quote,
        Strikethrough,
        Strong,
        Subscript,
        Superscript,
        Table,
        TableCell,
        Text,
    )
    from newsdoc.plain import plain_text
    from newsdoc.traversal import transform, walk

# Where each public name lives; a test checks this against __all__ and the modules.
_EXPORTS: dict[str, str] = {
    "ConversionResult": "newsdoc.batch",
    "convert_many": "newsdoc.batch",
    "Article": "newsdoc.model",
    "Author": "newsdoc.model",
    "Block": "newsdoc.model",
    "BulletList": "newsdoc.model",
    "Code": "newsdoc.model",
    "CodeBlock": "newsdoc.model",
    "Collection": "newsdoc.model",
    "ContentDroppedWarning": "newsdoc.errors",
    "Divider": "newsdoc.model",
    "Document": "newsdoc.model",
    "EVERYTHING": "newsdoc.fidelity",
    "Embed": "newsdoc.model",
    "Emphasis": "newsdoc.model",
    "Feature": "newsdoc.fidelity",
    "Figure": "newsdoc.model",
    "Format": "newsdoc.formats.registry",
    "Heading": "newsdoc.model",
    "Image": "newsdoc.model",
    "Inline": "newsdoc.model",
    "LineBreak": "newsdoc.model",
    "Link": "newsdoc.model",
    "MissingDependencyError": "newsdoc.errors",
    "NewsdocError": "newsdoc.errors",
    "NewsdocWarning": "newsdoc.errors",
    "Node": "newsdoc.model",
    "OrderedList": "newsdoc.model",
    "Paragraph": "newsdoc.model",
    "PullQuote": "newsdoc.model",
    "Quote": "newsdoc.model",
    "ReadError": "newsdoc.errors",
    "ReadWarning": "newsdoc.errors",
    "Strikethrough": "newsdoc.model",
    "Strong": "newsdoc.model",
    "Subscript": "newsdoc.model",
    "Superscript": "newsdoc.model",
    "Table": "newsdoc.model",
    "TableCell": "newsdoc.model",
    "Text": "newsdoc.model",
    "UnknownFormatError": "newsdoc.errors",
    "WriteError": "newsdoc.errors",
    "available_formats": "newsdoc.formats.registry",
    "convert": "newsdoc.api",
    "detect_format": "newsdoc.formats.registry",
    "features_used": "newsdoc.fidelity",
    "format_for_path": "newsdoc.formats.registry",
    "get_format": "newsdoc.formats.registry",
    "iter_articles": "newsdoc.api",
    "json_schema": "newsdoc.api",
    "normalize": "newsdoc.canonical",
    "plain_text": "newsdoc.plain",
    "project": "newsdoc.fidelity",
    "read": "newsdoc.api",
    "register_format": "newsdoc.formats.registry",
    "transform": "newsdoc.traversal",
    "walk": "newsdoc.traversal",
    "write": "newsdoc.api",
    "write_articles": "newsdoc.api",
}

__all__ = [
    "EVERYTHING",
    "Article",
    "Author",
    "Block",
    "BulletList",
    "Code",
    "CodeBlock",
    "Collection",
    "ContentDroppedWarning",
    "ConversionResult",
    "Divider",
    "Document",
    "Embed",
    "Emphasis",
    "Feature",
    "Figure",
    "Format",
    "Heading",
    "Image",
    "Inline",
    "LineBreak",
    "Link",
    "MissingDependencyError",
    "NewsdocError",
    "NewsdocWarning",
    "Node",
    "OrderedList",
    "Paragraph",
    "PullQuote",
    "Quote",
    "ReadError",
    "ReadWarning",
    "Strikethrough",
    "Strong",
    "Subscript",
    "Superscript",
    "Table",
    "TableCell",
    "Text",
    "UnknownFormatError",
    "WriteError",
    "__version__",
    "available_formats",
    "convert",
    "convert_many",
    "detect_format",
    "features_used",
    "format_for_path",
    "get_format",
    "iter_articles",
    "json_schema",
    "normalize",
    "plain_text",
    "project",
    "read",
    "register_format",
    "transform",
    "walk",
    "write",
    "write_articles",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsdoc' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
