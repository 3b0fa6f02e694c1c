"""The service's small exception hierarchy. ``service.api.problems`` maps it to HTTP.

Every message names the cause and, where there is one, the fix.
"""

from __future__ import annotations


class AkgError(Exception):
    """Base of every error the service raises on purpose."""

    status = 500
    title = "Internal error"


class InvalidInputError(AkgError):
    """The request or file is not acceptable (empty, too large, wrong encoding...)."""

    status = 422
    title = "Invalid input"


class PayloadTooLargeError(InvalidInputError):
    status = 413
    title = "Payload too large"


class NotFoundError(AkgError):
    status = 404
    title = "Not found"


class EntityMergedError(AkgError):
    """The entity was merged into another one: answered with 308 to the survivor."""

    status = 308
    title = "Permanent redirect"

    def __init__(self, entity_id: str, survivor: str) -> None:
        super().__init__(f"Entity {entity_id} was merged into {survivor}.")
        self.entity_id = entity_id
        self.survivor = survivor


class GraphUnavailableError(AkgError):
    """The graph database cannot be reached; the request can be retried later."""

    status = 503
    title = "Graph unavailable"


class ModelUnavailableError(AkgError):
    """The NER model is missing or failed to load."""

    status = 503
    title = "Model unavailable"


class GraphServerError(AkgError):
    """The embedded graph server could not be started or stopped."""

    title = "Embedded graph server error"
