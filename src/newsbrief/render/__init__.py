"""Renderers of briefings: JSON (the stable schema), Markdown, self-contained HTML and plain text.

Every renderer takes the JSON form (``briefing_json.briefings_to_json``), so a briefing cached in the
store renders exactly like a fresh one.
"""
