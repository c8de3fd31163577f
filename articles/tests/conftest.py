import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    call_command("load_demo", verbosity=0)
