from django.http import HttpResponse
from django.views.decorators.cache import cache_control


@cache_control(max_age=300, public=True)
def theme_css(request):
    """The park's theme colour as a CSS variable (keeps templates free of inline styles)."""
    colour = request.tenant.theme_colour
    return HttpResponse(f":root {{ --pp-theme: {colour}; }}\n", content_type="text/css")
