"""A plain-text view of a resolved source, for annotators checking their anchors."""

from __future__ import annotations

from newsdac.corpus.source import CleanArticle
from newsdac.spans import Span


def render(article: CleanArticle) -> str:
    """Numbered sentences with level and cues, then each attribution's roles."""
    text, lines = article.text, [f"# {article.id} ({article.meta['topic']}, "
                                 f"{article.meta['register']}, {article.split})"]
    for k, sent in enumerate(article.sentences):
        cues = ", ".join(f"{text[c['start']:c['end']]!r}:{c['type']}" for c in sent["cues"])
        lines.append(f"[{k:>3}] {sent['certainty']:<11} {text[sent['start']:sent['end']]}"
                     + (f"\n      cues: {cues}" if cues else ""))
    for att in article.attributions:
        roles = "  ".join(
            f"{role}={Span.from_json(att[role]).of(text)!r}" if att[role] else f"{role}=None"
            for role in ("source", "cue", "content"))
        parent = f" parent={att['parent']}" if att["parent"] else ""
        lines.append(f"<{att['id']}> {att['source_type']}{parent}  {roles}")
    return "\n".join(lines)
