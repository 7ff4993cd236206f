"""The pair review queue: two records side by side, the model's evidence, same / different / skip / undo.

Answers are reviewer decisions (reckon.linkage.record_decision): kept for ever, the latest on
a pair counts, and the next linkage run follows them. Undo re-opens the last pair answered;
a new answer supersedes the old one (nothing is deleted).
"""

from __future__ import annotations

import threading
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reckon.errors import InputError
from reckon.linkage import CANNOT_LINK, MUST_LINK, record_decision
from reckon.linkage.decisions import ordered
from reckon.linkage.explain import explain_pairs, not_yet_explained
from reckon.linkage.pair_view import review_pair
from reckon.linkage.store import latest_run, pairs_to_review, uncertain_pair_ids
from reckon.team.settings import team_settings
from reckon.web.auth import Actor, current_actor, done, handle_post, server_of
from reckon.web.render import respond
from reckon.web.state import Server, ServedCase

router = APIRouter()

QUEUES = ("uncertain", "refused")
ANSWERS = {"same": MUST_LINK, "different": CANNOT_LINK, "skip": None}
QUEUE_DEPTH = 200  # candidates read per request: enough for every reviewer to get a pair of their own
PREFETCH = 32  # explanations computed together ahead of time, so reviewers find theirs ready


@router.get("/review")
@router.get("/review.json")
def review_page(request: Request, queue: str = "uncertain", left: str | None = None, right: str | None = None) -> Response:
    actor = current_actor(request)
    queue = _queue_name(queue)
    server = server_of(request)
    with server.case(actor.user.name) as case:
        run = latest_run(case)
        pair, waiting = None, 0
        if run is not None:
            if left and right:
                pair = ordered(left, right)
            else:
                pairs = server.desk.candidates(queue, lambda: _candidates(case, queue))
                waiting = len(pairs)
                pair = server.desk.take(actor.user.name, pairs)
                if pair is not None:
                    _prefetch(server, pairs[pairs.index(pair):])
        shown = review_pair(case, *pair) if pair else None
    return respond(request, "review.html", {
        "queue": queue, "queues": QUEUES, "linked": run is not None, "waiting": waiting, "queue_depth": QUEUE_DEPTH,
        "explicit": bool(left and right), "pair": shown,
    })


def _candidates(case: ServedCase, queue: str) -> list[tuple[str, str]]:
    """The queue's next pairs, most uncertain (or, refused: strongest) first."""
    settings = team_settings(case)
    if queue == "refused":
        frame = pairs_to_review(case, limit=QUEUE_DEPTH, refused=True)
        return list(zip(frame["record_id_l"], frame["record_id_r"]))
    return uncertain_pair_ids(case, low=settings["review_low"], high=settings["review_high"], limit=QUEUE_DEPTH)


_prefetching = threading.Lock()


def _prefetch(server: Server, upcoming: list[tuple[str, str]]) -> None:
    """Explain, in the background and in one batch, the pairs reviewers will be shown after this
    one (those not explained yet, a little ahead), so their pages need not wait for it."""
    if not _prefetching.acquire(blocking=False):
        return  # one batch at a time; the next page asks again

    def run() -> None:
        try:
            with server.case("reckon serve") as case:
                batch = not_yet_explained(case, upcoming[1:2 * PREFETCH])[:PREFETCH]
                if batch:
                    explain_pairs(case, batch)
        except Exception:  # a pair gone since (a new run): its page explains it, or says why not
            pass
        finally:
            _prefetching.release()

    threading.Thread(target=run, name="reckon-explain-prefetch", daemon=True).start()


@router.post("/review/decide")
async def decide(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        answer = form.get("answer", "")
        if answer not in ANSWERS:
            raise InputError(f"answer {answer[:20]!r} is not same, different or skip", fix="use the buttons")
        pair = ordered(form.get("left", ""), form.get("right", ""))
        server = server_of(request)
        if ANSWERS[answer] is not None:
            with server.case(actor.user.name) as case:
                record_decision(case, *pair, ANSWERS[answer], actor.user.name, form.get("note") or None)
        server.desk.answered(actor.user.name, pair, skipped=ANSWERS[answer] is None)
        return done(request, _queue_url(form.get("queue", "uncertain")), {"pair": pair, "answer": answer})

    return await handle_post(request, "review", work)


@router.post("/review/undo")
async def undo(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        pair = server_of(request).desk.undo(actor.user.name)
        queue = _queue_name(form.get("queue", "uncertain"))
        if pair is None:
            return done(request, _queue_url(queue), {"pair": None})
        target = "/review?" + urlencode({"queue": queue, "left": pair[0], "right": pair[1]})
        return done(request, target, {"pair": pair})

    return await handle_post(request, "review", work)


def _queue_name(queue: str) -> str:
    if queue not in QUEUES:
        raise InputError(f"no review queue {queue[:20]!r}", fix="use uncertain or refused")
    return queue


def _queue_url(queue: str) -> str:
    return "/review?" + urlencode({"queue": _queue_name(queue)})

