"""Turning core results (dataclasses) into what people and scripts read: text, Markdown, JSON."""
