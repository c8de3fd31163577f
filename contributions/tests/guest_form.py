"""What the guest area's piece form sends, for the guest-area tests."""

import uuid


def piece(**overrides):
    """The guest form as a guest sends it; an override of None leaves that field out."""
    data = {
        "form_key": str(uuid.uuid4()),
        "language": "en",
        "title": "Herders and the winter of 2024",
        "summary": "How families on the steppe got through the dzud.",
        "body": "First paragraph.\n\nSecond paragraph.",
        "consent": "on",
        "action": "submit",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
