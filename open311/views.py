"""Open311 GeoReport v2 at /open311/v2/ on a park host: thin views over open311's selectors,
forms and services. Every answer is JSON or XML as the path asks, errors included."""

import functools
import uuid
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from appeals.views.enterprise import APPEAL_RATE, appeal_new
from core.tasks import schema_current
from tenants.selectors import park_current

from . import documents, selectors
from .formats import XML, render, render_errors
from .forms import (
    RequestForm,
    appeal_form_errors,
    appeal_form_for,
    attributes_from,
    comma_list,
    form_errors,
    moment_parse,
)
from .keys import ApiKey, KeyRefused, api_key_authenticate
from .services import open311_request_file

View = Callable[..., HttpResponse]


class Open311Error(Exception):
    """A refusal in the spec's error list: HTTP `status`, one description per error."""

    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__(*descriptions)
        self.status = status
        self.descriptions = descriptions


def _params(request: HttpRequest) -> QueryDict:
    try:
        return request.POST if request.method == "POST" else request.GET
    except MultiPartParserError as exc:
        raise Open311Error(400, _("The request body could not be read.")) from exc


def _jurisdiction_check(params: QueryDict) -> None:
    jurisdiction = params.get("jurisdiction_id", "").strip()
    if jurisdiction and jurisdiction != park_current().slug:
        raise Open311Error(
            404,
            _("jurisdiction_id not found: this endpoint serves %(slug)s.")
            % {"slug": park_current().slug},
        )


def _key(request: HttpRequest, params: QueryDict) -> ApiKey:
    try:
        return api_key_authenticate(request, params.get("api_key", ""))
    except KeyRefused as refusal:
        status = 429 if refusal.reason in {"throttled", "rate_limited"} else 403
        raise Open311Error(status, refusal.message) from refusal


def endpoint(*methods: str, key: bool = False) -> Callable[[View], View]:
    """An Open311 view: the methods it answers, the jurisdiction check, the api_key when `key`
    (the view then gets it as `api_key`), and every refusal in the spec's error shape."""

    def decorator(view: View) -> View:
        @csrf_exempt  # integrators post forms with an api_key, never with a session
        @functools.wraps(view)
        def wrapped(request: HttpRequest, fmt: str, **kwargs: str) -> HttpResponse:
            try:
                if request.method not in methods:
                    response = render_errors(fmt, 405, _("Method not allowed."))
                    response["Allow"] = ", ".join(methods)
                    return response
                params = _params(request)
                _jurisdiction_check(params)
                if key:
                    kwargs["api_key"] = _key(request, params)  # type: ignore[assignment]
                return view(request, fmt, params, **kwargs)
            except Open311Error as error:
                return render_errors(fmt, error.status, *error.descriptions)
            except Http404:
                return render_errors(fmt, 404, _("Not found."))

        return wrapped

    return decorator


def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Any other path under /open311/v2/ (XML: the format every client reads)."""
    return render_errors(XML, 404, _("No such resource. See discovery.xml."))


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str, params: QueryDict) -> HttpResponse:
    url = request.build_absolute_uri(reverse("open311:discovery", kwargs={"fmt": fmt}))
    data = documents.discovery(park=park_current(), endpoint_url=url.rsplit("/", 1)[0])
    return render(fmt, "discovery", data)


@endpoint("GET")
def service_list(request: HttpRequest, fmt: str, params: QueryDict) -> HttpResponse:
    services = [documents.service(category) for category in selectors.services_offered()]
    return render(fmt, "services", services)


@endpoint("GET")
def service_definition(
    request: HttpRequest, fmt: str, params: QueryDict, service_code: str
) -> HttpResponse:
    category = selectors.service_get(service_code)
    if category is None:
        raise Open311Error(404, _("service_code not found: %(code)s") % {"code": service_code})
    return render(fmt, "service_definition", documents.service_definition(category))


@endpoint("GET", "POST", key=True)
def requests(request: HttpRequest, fmt: str, params: QueryDict, api_key: ApiKey) -> HttpResponse:
    if request.method == "POST":
        return _request_create(request, fmt, params, api_key)
    organisation = api_key.organisation
    ids = comma_list(params.get("service_request_id", ""))
    if ids:
        appeals = selectors.requests_by_ids(organisation=organisation, ids=ids)
    else:
        appeals = selectors.requests_query(
            organisation=organisation,
            codes=comma_list(params.get("service_code", "")),
            statuses=_statuses(params.get("status", "")),
            span=_span(params),
        )
    return render(fmt, "service_requests", [documents.service_request(a) for a in appeals])


def _appeal_budget_spent(request: HttpRequest, enterprise) -> bool:
    """One more appeal in the enterprise's name: the budget its own account spends on the site
    and through the JSON API, so a key cannot file past what the enterprise itself may."""

    def the_enterprise(_group: str, _request: HttpRequest) -> str:
        return f"{schema_current()}:{enterprise.account_id}"  # as core.ratelimit.account_or_ip

    return is_ratelimited(
        request,
        fn=appeal_new,
        key=the_enterprise,
        rate=APPEAL_RATE,
        method="POST",
        increment=True,
    )


def _request_create(
    request: HttpRequest, fmt: str, params: QueryDict, api_key: ApiKey
) -> HttpResponse:
    form = RequestForm(params)
    if not form.is_valid():
        raise Open311Error(400, *form_errors(form))
    category = selectors.service_get(form.cleaned_data["service_code"])
    if category is None:
        code = form.cleaned_data["service_code"]
        raise Open311Error(404, _("service_code not found: %(code)s") % {"code": code})
    enterprise = selectors.enterprise_by_uscc(form.cleaned_data["account_id"])
    if enterprise is None:
        raise Open311Error(
            400,
            _(
                "account_id: no verified enterprise of this park has this unified social credit "
                "code."
            ),
        )
    if _appeal_budget_spent(request, enterprise):
        raise Open311Error(
            429, _("Too many appeals filed for this enterprise in the last hour. Try again later.")
        )
    token = uuid.uuid4()
    appeal_form = appeal_form_for(
        form,
        category=category,
        enterprise=enterprise,
        attributes=attributes_from(params),
        token=token,
    )
    if not appeal_form.is_valid():
        raise Open311Error(400, *appeal_form_errors(appeal_form))
    data = form.cleaned_data
    appeal = open311_request_file(
        api_key=api_key,
        enterprise=enterprise,
        category=category,
        appeal_data=appeal_form.cleaned_data,
        token=token,
        location={
            "address": data["address_string"],
            "address_id": data["address_id"],
            "lat": data["lat"],
            "long": data["long"],
        },
        email=data["email"],
        device_id=data["device_id"],
        media_url=data["media_url"],
    )
    return render(fmt, "service_requests", [documents.created(appeal)], status=201)


def _statuses(value: str) -> set[str]:
    statuses = {status.lower() for status in comma_list(value)}
    if not statuses <= {"open", "closed"}:
        raise Open311Error(400, _("status: use open, closed or both (comma-separated)."))
    return statuses


def _span(params: QueryDict) -> selectors.Span:
    try:
        start = moment_parse("start_date", params.get("start_date", ""))
        end = moment_parse("end_date", params.get("end_date", ""))
    except ValueError as exc:
        raise Open311Error(400, str(exc)) from exc
    try:
        return selectors.span_default(start, end)
    except OverflowError as exc:
        raise Open311Error(400, _("start_date or end_date is out of range.")) from exc
    except ValueError as exc:
        refusals = {
            "end_before_start": _("end_date is before start_date."),
            "span_too_long": _("start_date to end_date may not span more than 90 days."),
        }
        raise Open311Error(400, refusals[str(exc)]) from exc


@endpoint("GET", key=True)
def request_detail(
    request: HttpRequest, fmt: str, params: QueryDict, service_request_id: str, api_key: ApiKey
) -> HttpResponse:
    appeal = selectors.request_get(
        organisation=api_key.organisation, tracking_number=service_request_id
    )
    if appeal is None:
        raise Open311Error(
            404, _("service_request_id not found: %(id)s") % {"id": service_request_id}
        )
    return render(fmt, "service_requests", [documents.service_request(appeal)])


@endpoint("GET", key=True)
def token_detail(
    request: HttpRequest, fmt: str, params: QueryDict, token: str, api_key: ApiKey
) -> HttpResponse:
    submission = selectors.request_by_token(organisation=api_key.organisation, token=token)
    if submission is None:
        raise Open311Error(404, _("token not found: %(token)s") % {"token": token})
    data = documents.token(token=token, appeal=submission.appeal)
    return render(fmt, "service_requests", [data])


@endpoint("GET", key=True)
def updates(request: HttpRequest, fmt: str, params: QueryDict, api_key: ApiKey) -> HttpResponse:
    ids = comma_list(params.get("service_request_id", ""))
    events = selectors.updates_query(
        organisation=api_key.organisation, ids=ids, span=None if ids else _span(params)
    )
    return render(fmt, "service_request_updates", [documents.update(e) for e in events])
