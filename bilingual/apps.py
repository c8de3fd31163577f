from django.apps import AppConfig


class BilingualConfig(AppConfig):
    name = "bilingual"
    verbose_name = "Bilingual helpers"
