from django.http import HttpResponse


def framework_floor(request):
    """A constant answer through the full middleware stack: what a page costs at
    the very least, the benchmark's reference point."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
