"""The one exception tree every layer renders the same way.

    FraudlinkError                      (500)  something went wrong; message is for the user
    ├── ConfigError                     (500)  a setting or database URL is unusable
    ├── DatabaseError                   (503)  the database cannot be reached or is not migrated
    │   └── SchemaOutOfDate             (409)  the schema needs ``fraudlink init``
    ├── InputError                      (400)  the user's input cannot be read
    │   ├── UnsupportedFormat           (415)  a file of a kind we do not read
    │   ├── ColumnMappingError          (400)  a CSV mapping that does not fit the header
    │   ├── PurposeRequired             (428)  a read of personal data without a justification
    │   └── TooLarge                    (413)  a request body over the server's limit
    ├── Unauthenticated                 (401)  no token, or one expired, revoked or unknown
    ├── Forbidden                       (403)  signed in, but the role does not allow the action
    ├── Conflict                        (409)  the action clashes with the record's state
    ├── RateLimited                     (429)  too many requests for one token
    └── NotFound                        (404)  a record that does not exist *or is not visible*

The CLI prints ``message`` on one line and exits non-zero; the API renders the
same object as RFC 9457 problem+json using ``status``.
"""

from __future__ import annotations

from typing import ClassVar


class FraudlinkError(Exception):
    """Root of every error a user may see; ``message`` says what to do next."""

    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        return self.message


class ConfigError(FraudlinkError):
    title = "Configuration error"


class DatabaseError(FraudlinkError):
    status = 503
    title = "Database unavailable"


class SchemaOutOfDate(DatabaseError):
    status = 409
    title = "Database schema out of date"


class InputError(FraudlinkError):
    status = 400
    title = "Bad input"


class UnsupportedFormat(InputError):
    status = 415
    title = "Unsupported format"


class ColumnMappingError(InputError):
    title = "Bad column mapping"


class NotFound(FraudlinkError):
    status = 404
    title = "Not found"


class PurposeRequired(InputError):
    status = 428
    title = "Justification required"


class TooLarge(InputError):
    status = 413
    title = "Request too large"


class Unauthenticated(FraudlinkError):
    status = 401
    title = "Not signed in"


class Forbidden(FraudlinkError):
    status = 403
    title = "Not allowed"


class Conflict(FraudlinkError):
    status = 409
    title = "Conflict"


class RateLimited(FraudlinkError):
    status = 429
    title = "Too many requests"
