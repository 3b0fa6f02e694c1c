"""The REST API (FastAPI): ``create_app`` builds it; routes are thin over ``service`` core functions."""

from service.api.app import create_app

__all__ = ["create_app"]
