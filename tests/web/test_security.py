"""`reckon serve` as an attacker sees it: a real server on 127.0.0.1 over a real case."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx
import pytest

from markupsafe import escape
from webcase import PASSWORDS, login

PAGES = [
    "/", "/review", "/review?queue=refused", "/persons", "/persons?q=a", "/claims", "/lists", "/estimates", "/admin",
]
JSON_TWINS = [
    "/home.json", "/review.json", "/persons.json", "/claims.json", "/lists.json", "/estimates.json", "/admin.json",
    "/me.json", "/jobs/current.json", "/person.json?id=x", "/list.json?name=x",
]
POSTS = [
    "/review/decide", "/review/undo", "/person/split", "/person/merge", "/claims/correct", "/jobs/rerun",
    "/admin/users/add", "/admin/users/remove", "/admin/users/role", "/admin/users/password", "/admin/settings",
]
ATTACKS = [
    "<script>alert('x')</script>",
    "'; DROP TABLE claims; --",
    "\" onmouseover=\"alert(1)",
    "Robert'); DELETE FROM decisions WHERE ('1'='1",
    "<img src=x onerror=alert(1)>",
]


def test_every_page_redirects_to_login_and_every_json_twin_answers_401(served):
    anonymous = served.client()
    for path in PAGES + ["/claims.csv", "/person?id=x", "/list?name=x", "/reports/report-20300101T000000.html"]:
        response = anonymous.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")
    for path in JSON_TWINS:
        response = anonymous.get(path)
        assert response.status_code == 401, path
        assert response.json() == {"error": {"status": 401, "message": "log in first."}}
    for path in POSTS + ["/logout"]:
        assert anonymous.post(path, data={"csrf": "x"}).status_code == 401, path


def test_a_viewer_reads_but_may_not_decide_correct_or_administer(served):
    viewer = served.client("vic")
    for path in PAGES[:-1] + JSON_TWINS[:6]:
        assert viewer.get(path).status_code == 200, path
    assert viewer.get("/admin").status_code == 403
    pair = served.client("mina").get("/review.json").json()["pair"]
    for path in POSTS:
        form = {"left": pair["record_id_l"], "right": pair["record_id_r"], "answer": "same"}
        response = viewer.post(path, data=form, headers={"accept": "application/json"})
        assert response.status_code == 403, path
        assert response.json()["error"]["status"] == 403
    assert served.client("mina").get(
        f"/review.json?left={pair['record_id_l']}&right={pair['record_id_r']}"
    ).json()["pair"]["decisions"] == []


def test_a_missing_or_wrong_csrf_token_is_refused(served):
    reviewer = served.client("mina")
    token = reviewer.headers.pop("x-csrf-token")
    pair = reviewer.get("/review.json").json()["pair"]
    form = {"left": pair["record_id_l"], "right": pair["record_id_r"], "answer": "different"}
    for path in POSTS + ["/logout"]:
        assert reviewer.post(path, data=form).status_code == 403, path
        assert reviewer.post(path, data={**form, "csrf": token[:-1] + "x"}).status_code == 403, path
    other = served.client("ada")  # another session's token is not this one's
    other_token = other.headers["x-csrf-token"]
    assert reviewer.post("/review/decide", data={**form, "csrf": other_token}).status_code == 403
    assert reviewer.post("/review/decide", data={**form, "csrf": token},
                         headers={"origin": "http://evil.example"}).status_code == 403
    assert reviewer.get(f"/review.json?left={pair['record_id_l']}&right={pair['record_id_r']}").json()["pair"]["decisions"] == []
    assert reviewer.post("/review/decide", data={**form, "csrf": token}).status_code == 303


def test_injection_and_script_strings_are_stored_verbatim_and_shown_inert(served):
    reviewer = served.client("mina")
    claim = reviewer.get("/claims.json").json()["claims"][0]
    for attack in ATTACKS:
        response = reviewer.post("/claims/correct", data={"claim_id": claim["id"], "claimant": attack, "note": attack})
        assert response.status_code == 303
        stored = reviewer.get("/claims.json").json()["claims"][0]
        assert stored["corrected_claimant"] == attack and stored["claimant"] == claim["claimant"]
        page = reviewer.get("/claims").text
        assert attack not in page and str(escape(attack)) in page
        assert "<script>alert" not in page and "<img src=x" not in page
    # the same strings in every other field a user can type
    pair = reviewer.get("/review.json").json()["pair"]
    response = reviewer.post("/review/decide", data={"left": pair["record_id_l"], "right": pair["record_id_r"],
                                                   "answer": "same", "note": ATTACKS[0]})
    assert response.status_code == 303
    for attack in ATTACKS:
        for path in (f"/persons?q={attack}", f"/claims?claimant={attack}&place={attack}", f"/person?id={attack}",
                     f"/list?name={attack}", f"/review?left={attack}&right=x"):
            page = reviewer.get(path, params=None)
            assert page.status_code in (200, 400), path
            assert "<script>alert" not in page.text and "<img src=x" not in page.text and 'onmouseover="alert' not in page.text
        assert reviewer.post("/person/merge", data={"record_id": pair["record_id_l"], "other": attack}).status_code == 400
    admin = served.client("ada")
    assert admin.post("/admin/users/add", data={"name": ATTACKS[0], "role": "viewer", "password": "x" * 12}).status_code == 400
    assert admin.post("/admin/settings", data={"key": "link_threshold", "value": ATTACKS[1]}).status_code == 400
    # the tables are all still there and whole
    data = reviewer.get("/claims.json").json()
    assert data["total"] >= 1 and reviewer.get("/home.json").json()["claims"] == data["total"]
    decisions = reviewer.get(f"/review.json?left={pair['record_id_l']}&right={pair['record_id_r']}").json()["pair"]["decisions"]
    assert decisions[0]["note"] == ATTACKS[0]


def test_file_parameters_refuse_path_traversal(served):
    reviewer = served.client("mina")
    for name in ("../reckon.duckdb", "..%2Freckon.duckdb", "%2e%2e%2freckon.duckdb", "report-20300101T000000.html",
                 "..%2F..%2F..%2Fetc%2Fpasswd", "report-20300101T000000.html%00.txt", "serve.lock"):
        response = reviewer.get(f"/reports/{name}")
        assert response.status_code == 404, name
        assert b"DuckDB" not in response.content and b"root:" not in response.content
    for path in ("/static/../reckon.duckdb", "/static/%2e%2e/%2e%2e/case.py", "/static/..%2F..%2Fcase.py"):
        response = httpx.get(served.url + path)
        assert response.status_code in (400, 404), path
    assert reviewer.get("/static/app.css").status_code == 200


def test_session_cookie_flags_and_security_headers(served):
    client = served.client()
    response = login(client, "mina", PASSWORDS["mina"])
    cookie = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("reckon_session=")][0]
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert "httponly" in flags and flags["samesite"].lower() == "samesite=strict" and flags["path"] == "Path=/"
    assert "secure" not in flags  # plain http on loopback; over https the flag is set (test_https_cookie_is_secure)
    page = client.get("/review")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-frame-options"] == "DENY" and page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.text)  # no inline script anywhere
    links = re.findall(r'(?:src|href|action)="([^"]+)"', page.text)
    assert links and all(link.startswith(("/", "#")) and not link.startswith("//") for link in links)  # nothing from elsewhere


def test_logins_are_rate_limited_per_name(served):
    admin = served.client("ada")
    assert admin.post("/admin/users/add", data={"name": "target", "role": "viewer", "password": "target-password"}).status_code == 303
    client = served.client()
    for _ in range(5):
        assert login(client, "target", "wrong password").status_code == 401
    assert login(client, "target", "wrong password").status_code == 429
    refused = login(client, "target", "target-password")  # even the right password, until the window passes
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert login(served.client(), "vic", PASSWORDS["vic"]).status_code == 303  # others from this address still may


def test_login_goes_only_to_local_pages(served):
    for target, expected in (("/claims", "/claims"), ("//evil.example/x", "/"), ("https://evil.example", "/"),
                             ("/\\evil.example", "/")):
        client = served.client()
        page = client.get("/login", params={"next": target})
        token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)
        response = client.post("/login", data={"login_token": token, "name": "vic", "password": PASSWORDS["vic"], "next": target})
        assert response.headers["location"] == expected


def test_errors_have_one_json_shape(served):
    reviewer = served.client("mina")
    for path, status in (("/nowhere.json", 404), ("/person.json?id=nobody", 400), ("/admin.json", 403),
                         ("/review.json?queue=nope", 400), ("/claims.json?page=x", 400)):
        response = reviewer.get(path)
        assert response.status_code == status, path
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    viewer = served.client("vic")
    assert set(viewer.get("/admin.json").json()["error"]) == {"status", "message"}


def test_the_cli_says_the_case_is_open_in_reckon_serve(served):
    result = subprocess.run(
        [sys.executable, "-m", "reckon.cli.main", "persons", "--case", str(served.folder)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert f"this case is open in reckon serve at {served.url} (PID {served.process.pid})" in " ".join(result.stderr.split())
    assert "IO Error" not in result.stderr and "Conflicting lock" not in result.stderr


def test_over_https_the_session_cookie_is_secure(case_copy):
    from fastapi.testclient import TestClient

    from reckon.web.app import create_app
    from reckon.web.state import Server

    server = Server(case_copy, "https://testserver")
    try:
        with TestClient(create_app(server), base_url="https://testserver", follow_redirects=False) as client:
            response = login(client, "vic", PASSWORDS["vic"])
            cookie = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("reckon_session=")][0]
            assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
            assert "max-age" in client.get("/").headers["strict-transport-security"]
    finally:
        server.close()
