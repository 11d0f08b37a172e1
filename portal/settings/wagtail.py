"""Wagtail: one page tree, site and search index per park schema."""

from . import env

WAGTAIL_SITE_NAME = "ParkPortal 园区公共服务平台"
WAGTAILADMIN_BASE_URL = env.get_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Pages index a jieba-segmented copy of their text (cms/segment.py); "simple" keeps those words
# as they are (no English stemming).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Uploads in the park admin. Images: the kinds a browser shows (no SVG: it can carry script),
# at most 10 MB and 40 megapixels — a rendition decodes the whole image in memory, and a PNG of
# a few bytes can declare billions of pixels (Pillow's DecompressionBombError is caught too).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40 * 1000 * 1000
# Documents: office files, PDFs and plain text only — never a page, a script or a program that
# would run from the park's own origin.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "wps",
    "ofd",
    "txt",
    "csv",
    "zip",
]
