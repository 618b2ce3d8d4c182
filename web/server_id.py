"""Which app process is answering: GET /api/server gives an id that is new every time a process starts.

Behind nginx with several processes (deploy/), or after a restart, a browser's websocket can come
back to a process that never knew its Streamlit session. Streamlit's page then reconnects but sits
on the old process's page: its first text commits did not reach the new process, and its first
rerun replaced what the fields held with stored text. So the page's script (ui/browser.py) asks
this route after every reconnect, and reloads when the answer differs from the process that drew
the page; everything stored is then drawn fresh, signed in by the session cookie, at the same step.
"""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

SERVER_PATH = "/api/server"
PROCESS_ID = secrets.token_hex(8)  # made once, when this process imports the module


async def server(request: Request) -> JSONResponse:
    return JSONResponse({"id": PROCESS_ID}, headers={"Cache-Control": "no-store"})


ROUTES = [Route(SERVER_PATH, server, methods=["GET"])]
