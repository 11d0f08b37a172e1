from django.utils.html import strip_tags
from wagtail.search import index

from cms.segment import segment_for_index


def _text_of(value) -> str:
    if not value:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(str(part) for part in stream_block.get_searchable_content(value))
    return strip_tags(str(value))


class SegmentedSearchMixin:
    """Adds a jieba-segmented copy of the page's text to its search document."""

    title: str  # the page's, from Wagtail's Page
    search_text_fields: tuple[str, ...] = ()

    def search_segmented(self) -> str:
        texts = [self.title, getattr(self, "search_description", "")]
        texts += [_text_of(getattr(self, name, "")) for name in self.search_text_fields]
        return segment_for_index(*texts)


SEGMENTED_SEARCH_FIELDS = [index.SearchField("search_segmented", boost=2)]
