"""The default e-reader stylesheet: serif body, readable captions and credits."""

from __future__ import annotations

#: Replace with ``write(doc, format="epub", stylesheet=...)``; ``None`` leaves it out.
DEFAULT_STYLESHEET = """\
body { font-family: serif; line-height: 1.45; margin: 0 1em; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; line-height: 1.2; page-break-after: avoid; }
h1 { font-size: 1.6em; margin: 0.5em 0; }
header { margin-bottom: 1.5em; }
.section { font-family: sans-serif; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; }
.dek { font-size: 1.15em; font-style: italic; }
.byline, .date { font-family: sans-serif; font-size: 0.85em; margin: 0.2em 0; }
p { margin: 0 0 0.8em 0; }
figure { margin: 1em 0; page-break-inside: avoid; }
img { max-width: 100%; height: auto; }
figcaption { font-family: sans-serif; font-size: 0.85em; line-height: 1.35; }
.credit { font-size: 0.9em; font-style: italic; }
.image-link { font-family: sans-serif; font-size: 0.85em; }
blockquote { margin: 1em 1.5em; }
.pullquote { font-size: 1.2em; font-style: italic; margin: 1em 1.5em; }
.attribution { font-style: normal; font-size: 0.85em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; font-size: 0.85em; }
.contents li { margin-bottom: 0.8em; }
.contents .byline, .contents .date { display: block; }
"""
