from django.http import HttpResponse


def ping(request):
    """The trivial view whose throughput is compared with and without tenant routing."""
    return HttpResponse("ok", content_type="text/plain")
