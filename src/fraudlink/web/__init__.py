"""The agency's web pages: server-rendered, in five languages, on the API's app and stages.

``install(app)`` adds the pages to the app ``create_app`` builds. Each page is a
router in ``fraudlink.web.routes`` listed in ``routes.ROUTERS``; handlers call the
same stage and access functions as the API and render a template.
"""

from fraudlink.web.app import install

__all__ = ["install"]
