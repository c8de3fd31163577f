import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `python manage.py load_demo` builds it."""
    call_command("load_demo", verbosity=0)
