"""Finding 4: a request body over REQUEST_MAX_BYTES is refused before anything reads or parses it
(the CSRF middleware parses every POST, and multipart parts over 2.5 MB go to temporary files)."""

import io
import socket
import time
from urllib.parse import urlsplit

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParser
from django.test import RequestFactory

from portal.middleware import RequestSizeLimitMiddleware
from tests.conftest import log_in

LIMIT = 100_000


@pytest.fixture
def small_limit(settings, tmp_path):
    """A small limit, a small in-memory threshold and a temporary folder of our own to watch."""
    settings.REQUEST_MAX_BYTES = LIMIT
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1_000
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return tmp_path


@pytest.fixture
def parses(monkeypatch):
    """Every multipart body Django starts to parse."""
    started = []
    parse = MultiPartParser.parse

    def spy(self):
        started.append(self)
        return parse(self)

    monkeypatch.setattr(MultiPartParser, "parse", spy)
    return started


def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body(
    park_a_client, small_limit
):
    # Ten bytes sent, ten gigabytes declared: reading would wait (the test client's payload
    # refuses to be read past its end).
    response = park_a_client.generic(
        "POST",
        "/",
        b"x=1&y=2345",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(10 * 1024**3),
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_an_anonymous_upload_over_the_limit_writes_no_temporary_file(
    park_a_client, small_limit, parses
):
    big = io.BytesIO(b"%PDF-1.4\n" + b"0" * (2 * LIMIT))
    big.name = "bomb.pdf"
    response = park_a_client.post("/accounts/login/", {"username": "x", "attachment": big})
    assert response.status_code == 413
    assert parses == []
    assert list(small_limit.iterdir()) == []


def test_an_enterprise_upload_over_the_limit_is_refused_before_parsing(
    park_a_client, small_limit, parses
):
    log_in(park_a_client, "enterprise_user")
    parses.clear()  # the login form's own body
    big = io.BytesIO(b"%PDF-1.4\n" + b"0" * (2 * LIMIT))
    big.name = "report.pdf"
    response = park_a_client.post("/appeals/new/", {"title": "附件过大", "attachments": big})
    assert response.status_code == 413
    assert parses == []
    assert list(small_limit.iterdir()) == []


def test_the_message_is_in_the_language_the_visitor_chose(park_a_client, small_limit):
    park_a_client.get("/lang/en/?next=/")
    response = park_a_client.generic("POST", "/", b"", CONTENT_LENGTH=str(LIMIT + 1))
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def _unsized_request(body: bytes) -> WSGIRequest:
    """A POST as gunicorn hands on a chunked body: no Content-Length, input ending with the body."""
    environ = RequestFactory().post("/", content_type="application/x-www-form-urlencoded").environ
    del environ["CONTENT_LENGTH"]
    environ.update(
        {
            "HTTP_TRANSFER_ENCODING": "chunked",
            "wsgi.input": io.BytesIO(body),
            "wsgi.input_terminated": True,
        }
    )
    return WSGIRequest(environ)


def test_a_chunked_body_within_the_limit_is_parsed_as_usual(small_limit):
    middleware = RequestSizeLimitMiddleware(lambda request: HttpResponse(request.POST["topic"]))
    response = middleware(_unsized_request(b"topic=%E6%88%BF%E7%A7%9F"))
    assert response.status_code == 200
    assert response.content.decode() == "房租"


def test_a_chunked_body_over_the_limit_is_refused_once_the_limit_is_read(small_limit):
    stream = io.BytesIO(b"x" * (10 * LIMIT))
    request = _unsized_request(b"")
    request.environ["wsgi.input"] = stream
    response = RequestSizeLimitMiddleware(lambda request: HttpResponse("read"))(request)
    assert response.status_code == 413
    assert stream.tell() == LIMIT + 1
    assert list(small_limit.iterdir()) == []


def _exchange(web_server: str, head: str, body_parts=()) -> tuple[bytes, float]:
    """The status line gunicorn answers, and the seconds it took."""
    port = urlsplit(web_server.format(host="alpha.localhost")).port
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode())
        try:
            for part in body_parts:
                sock.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed before the body was all sent
        answer = sock.recv(200)
    return answer.split(b"\r\n", 1)[0], time.monotonic() - started


def test_gunicorn_answers_413_at_once_to_a_declared_length_over_the_limit(web_server):
    status, seconds = _exchange(
        web_server,
        "POST / HTTP/1.1\nHost: alpha.localhost\nContent-Type: application/x-www-form-urlencoded\n"
        f"Content-Length: {10 * 1024**3}\n\nx=1",
    )
    assert status.startswith(b"HTTP/1.1 413 ")
    assert seconds < 5


def test_gunicorn_answers_413_to_a_chunked_body_over_the_limit(web_server):
    from django.conf import settings

    piece = b"0" * (1024 * 1024)
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    status, _seconds = _exchange(
        web_server,
        "POST / HTTP/1.1\nHost: alpha.localhost\nContent-Type: application/octet-stream\n"
        "Transfer-Encoding: chunked\n\n",
        [chunk] * (settings.REQUEST_MAX_BYTES // len(piece) + 2) + [b"0\r\n\r\n"],
    )
    assert status.startswith(b"HTTP/1.1 413 ")
