"""One field names the lists that show translated headlines (it was a boolean per language);
language choices and title validators now come from the language table and headlines.validators."""

import bilingual.languages
import headlines.models
import headlines.validators
from django.db import migrations, models

# The languages the two old booleans stood for.
FLAG_LANGUAGES = {"english_list_shows_translations": "en", "mongolian_list_shows_translations": "mn"}


def lists_from_flags(settings) -> list[str]:
    """The codes of the lists whose old boolean was on, e.g. ["en"]."""
    return [code for flag, code in FLAG_LANGUAGES.items() if getattr(settings, flag)]


def flags_from_lists(settings) -> dict[str, bool]:
    """The old booleans for the codes in the new field (other languages had none)."""
    chosen = settings.lists_showing_translations or []
    return {flag: code in chosen for flag, code in FLAG_LANGUAGES.items()}


def carry_forward(apps, schema_editor):
    HeadlineListSettings = apps.get_model("headlines", "HeadlineListSettings")
    for settings in HeadlineListSettings.objects.all():
        settings.lists_showing_translations = lists_from_flags(settings)
        settings.save(update_fields=["lists_showing_translations"])


def carry_back(apps, schema_editor):
    HeadlineListSettings = apps.get_model("headlines", "HeadlineListSettings")
    for settings in HeadlineListSettings.objects.all():
        flags = flags_from_lists(settings)
        for flag, value in flags.items():
            setattr(settings, flag, value)
        settings.save(update_fields=list(flags))


class Migration(migrations.Migration):

    dependencies = [
        ('headlines', '0003_refuse_control_characters'),
    ]

    operations = [
        migrations.AddField(
            model_name='headlinelistsettings',
            name='lists_showing_translations',
            field=headlines.models.LanguageCodesField(blank=True, default=list, help_text="Headlines from another language with a title in this list's language join it, marked as translated.", verbose_name='lists that show translated headlines'),
        ),
        migrations.RunPython(carry_forward, carry_back),
        migrations.RemoveField(
            model_name='headlinelistsettings',
            name='english_list_shows_translations',
        ),
        migrations.RemoveField(
            model_name='headlinelistsettings',
            name='mongolian_list_shows_translations',
        ),
        migrations.AlterField(
            model_name='headline',
            name='language',
            field=models.CharField(choices=bilingual.languages.language_choices, max_length=2, verbose_name='original language'),
        ),
        migrations.AlterField(
            model_name='headline',
            name='title',
            field=models.CharField(max_length=500, validators=[headlines.validators.refuse_control_characters, headlines.validators.refuse_html], verbose_name='headline'),
        ),
        migrations.AlterField(
            model_name='headline',
            name='title_en',
            field=models.CharField(max_length=500, null=True, validators=[headlines.validators.refuse_control_characters, headlines.validators.refuse_html], verbose_name='headline'),
        ),
        migrations.AlterField(
            model_name='headline',
            name='title_mn',
            field=models.CharField(max_length=500, null=True, validators=[headlines.validators.refuse_control_characters, headlines.validators.refuse_html], verbose_name='headline'),
        ),
        migrations.AlterField(
            model_name='source',
            name='language',
            field=models.CharField(choices=bilingual.languages.language_choices, max_length=2, verbose_name='language'),
        ),
    ]
