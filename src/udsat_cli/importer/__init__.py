"""Reading existing minutes (.docx, .txt, .md): meeting fields, agenda items and proposed actions.

``source`` turns a file into lines, ``fields`` reads the meeting's header, ``items`` finds the
agenda items and their sections, ``actions`` finds who promised what by when, and ``extract``
puts it together. Nothing here touches the store: ``core.imports`` writes what a person accepts.
"""
