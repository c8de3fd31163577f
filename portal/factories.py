import factory
import wagtail_factories
from wagtail.models import Site

from .models import HomePage
from .site_root import tree_root


class HomePageFactory(wagtail_factories.PageFactory):
    title_en = "Mongolia News Portal"
    title_mn = "Монголын мэдээний портал"
    title = factory.LazyAttribute(lambda o: o.title_en)
    slug = "home"

    class Meta:
        model = HomePage


def make_site_home(**kwargs) -> HomePage:
    """A HomePage as the default site's root, replacing Wagtail's placeholder page."""
    root = tree_root()
    root.get_children().filter(slug="home").delete()
    home = HomePageFactory(parent=root, **kwargs)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home
