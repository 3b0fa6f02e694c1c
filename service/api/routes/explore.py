"""The explorer: a small page at ``/explore`` over the REST API (search, entity card, neighbour graph).

Our own files (``service/explore/index.html``, ``explore.js``, ``explore.css``) are served
under ``/explore/static/``. The graph library, vis-network, is never copied into the
repository: ``make explore-assets`` installs it with npm from ``service/explore/package-lock.json``
(the Docker image copies its dist file to ``service/explore/vendor/``), and it is served
under ``/explore/vendor/``. When it is not installed the page still loads (search and cards
work) and says which make target installs it.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from service.errors import NotFoundError

EXPLORE_DIR = Path(__file__).resolve().parents[2] / "explore"
STATIC = {
    "explore.js": "text/javascript",
    "explore.css": "text/css",
}
# Where `make explore-assets` (npm) puts each library file, then where the Docker image copies it.
VENDOR = {
    "vis-network.min.js": (
        EXPLORE_DIR / "node_modules/vis-network/standalone/umd/vis-network.min.js",
        EXPLORE_DIR / "vendor/vis-network.min.js",
    ),
}
INSTALL_HINT = "run `make explore-assets` (npm ci --prefix service/explore)"

router = APIRouter(tags=["explore"], include_in_schema=False)


@router.get("/explore")
def page() -> FileResponse:
    return FileResponse(EXPLORE_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/explore/static/{name}")
def static(name: str) -> FileResponse:
    if name not in STATIC:
        raise NotFoundError(f"No explorer file {name!r}.")
    return FileResponse(EXPLORE_DIR / name, media_type=f"{STATIC[name]}; charset=utf-8")


def vendor_file(name: str) -> Path | None:
    """The installed copy of a library file, or None."""
    return next((path for path in VENDOR.get(name, ()) if path.is_file()), None)


@router.get("/explore/vendor/{name}")
def vendor(name: str) -> FileResponse:
    if name not in VENDOR:
        raise NotFoundError(f"No vendor file {name!r}.")
    path = vendor_file(name)
    if path is None:
        raise NotFoundError(f"{name} is not installed: {INSTALL_HINT}.")
    return FileResponse(path, media_type="text/javascript; charset=utf-8")
