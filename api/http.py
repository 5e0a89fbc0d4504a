"""How every API and download address answers: read-only, open to any origin,
licensed, and in JSON even when the request is wrong.

ETags and ``304 Not Modified`` come from the site's own stack: the page cache
files each anonymous answer under the current content version (so an answer is
rebuilt only after content changes, and a cached one costs no query with Redis),
and ``ConditionalGetMiddleware`` answers ``If-None-Match``.
"""

from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .licence import add_licence_link

ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class ApiError(Exception):
    """A request the API cannot answer (400, 404): its message and the parameter at fault."""

    def __init__(self, message, parameter=None, status=400):
        super().__init__(message)
        self.message, self.parameter, self.status = str(message), parameter, status


def json_error(status, message, parameter=None):
    body = {"error": str(message), "status": status}
    if parameter is not None:
        body["parameter"] = parameter
    return JsonResponse(body, status=status)


def read_only(view):
    """GET and HEAD answered by the view, OPTIONS by the allowed methods, every
    other method by 405; every answer carries CORS and the licence."""

    @csrf_exempt  # nothing is written: a POST gets 405, not a CSRF failure
    @wraps(view)
    def answer(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match"
        elif request.method not in ("GET", "HEAD"):
            response = json_error(
                405,
                _("Method %(method)s is not allowed: this address is read-only.")
                % {"method": request.method[:20]},
            )
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = json_error(error.status, error.message, error.parameter)
        response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Link"
        return add_licence_link(response)

    return answer
