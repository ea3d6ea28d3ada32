"""The web UI and JSON API (``newsbrief serve``): FastAPI + Jinja2 over the embedded store.

FastAPI is imported only inside this package; :func:`create_app` is imported lazily by the CLI.
"""
