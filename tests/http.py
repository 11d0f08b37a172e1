"""A plain HTTP client for tests against the real web server (gunicorn), one per person.

Every host is served on 127.0.0.1; the Host header picks the park or the hub. Cookies are kept
per client, so each client is one person on one host.
"""

import re

import requests

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SiteClient:
    def __init__(self, base_url_template: str, host: str):
        self.base = base_url_template.format(host="127.0.0.1")
        self.host = host
        self.session = requests.Session()
        self.session.headers["Host"] = host

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.session.get(self.base + path, allow_redirects=False, timeout=30, **kwargs)

    def post(self, path: str, data: dict | None = None, files=None) -> requests.Response:
        token = self.session.cookies.get("csrftoken") or self._fetch_token(path)
        payload = {**(data or {}), "csrfmiddlewaretoken": token}
        return self.session.post(
            self.base + path, data=payload, files=files, allow_redirects=False, timeout=30
        )

    def _fetch_token(self, path: str) -> str:
        page = self.session.get(self.base + "/accounts/login/", timeout=30).text
        return CSRF_FIELD.search(page).group(1)

    def log_in(self, username: str, password: str) -> "SiteClient":
        response = self.post("/accounts/login/", {"username": username, "password": password})
        assert response.status_code == 302, f"{username} could not log in on {self.host}"
        return self
