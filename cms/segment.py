"""Chinese word segmentation for search (jieba).

PostgreSQL's text search splits on spaces and punctuation only, so a Chinese title is one long
"word" to it. Pages therefore index a segmented copy of their text (jieba's search mode, which
also emits the shorter words inside long ones: 高新技术 → 高新 技术 高新技术), and queries are
segmented the same way before they reach the search backend.
"""

import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_QUERY_CHARS = 100


def segment_for_index(*texts: str) -> str:
    words = (word for text in texts if text for word in jieba.cut_for_search(text))
    return " ".join(w for w in (_NOT_WORD.sub("", word) for word in words) if w)


def segment_query(query: str) -> str:
    """A query as space-separated words; punctuation dropped, length capped."""
    query = (query or "")[:MAX_QUERY_CHARS]
    words = (_NOT_WORD.sub("", word) for word in jieba.cut(query))
    return " ".join(w for w in words if w)
