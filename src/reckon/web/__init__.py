"""`reckon serve`: the reviewer web UI for a small team, over the same library functions as the CLI.

    app.py       the FastAPI application: security headers, one JSON error shape
    state.py     the served case: one cursor per request, one writer lock; who reviews which pair
    auth.py      sessions, CSRF tokens, roles, the login page (accounts: reckon.team.users)
    render.py    each page rendered on the server, or as its .json twin
    review.py    the pair review queue        persons.py   a person: split and merge
    claims.py    the claims ledger and corrections
    analysis.py  lists, estimates, the background re-run, reports
    admin.py     the start page; users and settings
    jobs.py      the re-run: link, estimate, report in a background thread
    server.py    running it: the lock file the CLI reads, uvicorn

Pages are plain HTML forms that work without JavaScript; static/app.js adds keyboard
shortcuts and the re-run's progress. Nothing is loaded from another site.
"""
