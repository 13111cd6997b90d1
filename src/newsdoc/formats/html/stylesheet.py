"""The small stylesheet embedded in newsdoc's HTML pages: readable type, figures that fit."""

from __future__ import annotations

#: Embedded in every page unless ``stylesheet=None`` or another stylesheet is given.
#: It adds the words the markup leaves out ("By", "Updated"), so the markup itself
#: stays free of English labels.
DEFAULT_STYLESHEET = """\
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.125rem/1.6 Georgia, serif; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; }
header .section { margin: 0; text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; }
header .dek { font-size: 1.25rem; margin-top: 0; }
header .byline, header .dates, header .dateline { margin: .25rem 0; font: .9rem/1.4 system-ui, sans-serif; }
header .byline::before { content: "By "; }
header .dateline { font-weight: bold; }
time.updated::before { content: " · Updated "; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font: .85rem/1.4 system-ui, sans-serif; opacity: .8; margin-top: .4rem; }
figcaption .credit { text-transform: uppercase; font-size: .75rem; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: .25rem solid; }
figure.quote figcaption::before { content: "— "; }
aside.pull-quote { margin: 2rem 0; font-size: 1.5rem; font-style: italic; text-align: center; }
aside.pull-quote .attribution { font: .9rem system-ui, sans-serif; }
aside.pull-quote .attribution::before { content: "— "; }
table { border-collapse: collapse; margin: 1.5rem 0; }
th, td { border: 1px solid; padding: .25rem .5rem; }
caption { font-weight: bold; }
pre { overflow-x: auto; padding: .75rem; font-size: .9rem; }
footer { margin-top: 2rem; font: .9rem/1.4 system-ui, sans-serif; }
footer .tags { padding: 0; }
footer .tags li { display: inline; margin-right: .5rem; }
"""
