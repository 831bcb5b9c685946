"""Glyphs drawn rather than read, defined once: the dots of a leader and the bullets of a list.

A leader (``标题 ……… 12``, ``Title ....... 3``) joins a table-of-contents title to its page; the
PDF reader turns one into a tab, OCR drops it, the column finder takes it for a form's field and
the segmenter reads a TOC line across it: each asks `leader` for its pattern, with the run length
its input needs. A bullet heads a list item (``•``) or, in Chinese calls, a sub-topic (``■``).
"""

from __future__ import annotations

# One dot a glyph: half- and full-width full stops, middle dots, the hyphenation point, and the
# bullet of a "bullet" tab leader.
LEADER_DOTS = ".．·・‧•"
# Several dots a glyph (horizontal and midline ellipsis): fewer of them make a leader.
LEADER_ELLIPSES = "…⋯"
# An underscore rule typed as a leader (``Title ________ 12``).
LEADER_RULE = "_"
LEADER_CHARS = LEADER_DOTS + LEADER_ELLIPSES + LEADER_RULE


def leader(dots: int, ellipses: int, *, gap: str = "", rule: bool = False) -> str:
    """Return a regex alternation for a leader: `dots` dots or more, or `ellipses` ellipses or more.

    `gap` is a pattern allowed after each glyph (a PDF spaces its leader dots); `rule` also accepts
    a rule of `dots` underscores or more. The alternation is not grouped: wrap it where it is used.
    """
    run = f"(?:[{LEADER_DOTS}]{gap}){{{dots},}}|(?:[{LEADER_ELLIPSES}]{gap}){{{ellipses},}}"
    return f"{run}|{LEADER_RULE}{{{dots},}}" if rule else run


# The dashes that, set between spaces, separate a label from its title or text as a colon would ("1 - General
# information", "PS1 - AI/ML", "Costs – the contractor …"): hyphen-minus, en dash, em dash.
SEPARATOR_DASHES = "-\u2013\u2014"


# Bullets that Chinese calls also use to head sub-topics (the reference call's "■" tracks) ...
HEADING_BULLETS = "■□●○◆◇▶►❖➢➤◎☆★"
# ... and those that word processors put before list items only.
LIST_BULLETS = "•▪▫◼◾✓√◦‣※☐⚫"
# Bullets that symbol fonts leave in a PDF's text layer: a slide deck's part bullet (PowerPoint's
# Wingdings bullet extracts as "†") and glyphs mapped to the private-use area (U+F0A7 for
# Wingdings "§", U+F06C for "l", U+F0D8 for "Ø"). Never letters of a label; a bullet that heads
# parts, as ■ does.
SYMBOL_BULLETS = "†\uf000-\uf0ff"
BULLETS = HEADING_BULLETS + LIST_BULLETS
# Symbol fonts whose text layer keeps the font's own character codes (no ToUnicode map): Word's
# Wingdings bullets extract as "l", "n", "Ø", "§", "ü". Their glyphs are read at the private-use
# code the font's ToUnicode map gives elsewhere (U+F000 + code: "l" → U+F06C), one of SYMBOL_BULLETS.
SYMBOL_FONTS = frozenset({"wingdings", "wingdings2", "wingdings3", "webdings", "zapfdingbats"})
SYMBOL_FONT_BULLETS = frozenset("lnuvqwØ§üèÜ")


def symbol_glyph(fontname: str, text: str) -> str | None:
    """Return the private-use bullet that a symbol font's character code `text` draws, or None.

    ``ABCDEF+Wingdings-Regular`` and ``l`` give U+F06C; any other font or character gives None.
    """
    if text not in SYMBOL_FONT_BULLETS:
        return None
    name = fontname.rpartition("+")[2].casefold().replace(" ", "")
    if name.split("-")[0].split(",")[0] not in SYMBOL_FONTS:
        return None
    return chr(0xF000 + ord(text))


# Boxes a form ticks or leaves blank (``■ 智能体开发 □ 数据分析``): in a form's value cell they are
# the choice as printed, part of the value, not a list's bullets.
CHECKBOXES = "■□☐☑☒"


def starts_with_checkbox(text: str) -> bool:
    """Return whether `text` starts with a form's check box, ticked or not."""
    return text[:1] != "" and text[0] in CHECKBOXES


def starts_with_bullet(text: str) -> bool:
    """Return whether `text` starts with a bullet of either kind."""
    return text[:1] != "" and text[0] in BULLETS
