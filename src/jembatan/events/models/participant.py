"""Who meets: company representatives (participants) and the interpreters officers book."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AgendaLanguage(models.TextChoices):
    INDONESIAN = "id", _("Indonesian")
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")


class Participant(models.Model):
    """A representative a company registers for an event.

    ``email`` and ``phone`` are private: only the company itself and officers see them.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(
        "registry.Company", on_delete=models.CASCADE, related_name="event_participants"
    )
    name = models.CharField(pgettext_lazy("a person's", "name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list)
    agenda_language = models.CharField(
        _("agenda language"),
        max_length=2,
        choices=AgendaLanguage.choices,
        default=AgendaLanguage.ENGLISH,
    )
    available_everywhere = models.BooleanField(_("available for the whole event"), default=True)
    available_slots = models.ManyToManyField(
        "events.Slot", blank=True, related_name="available_participants"
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("maximum number of meetings"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    max_consecutive = models.PositiveSmallIntegerField(
        _("most meetings in a row"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Empty: the event's setting."),
    )
    # Soft wishes, weighed below any request's priority by the scheduler.
    preferred_slots = models.ManyToManyField(
        "events.Slot", blank=True, related_name="preferred_by", verbose_name=_("preferred slots")
    )
    unwanted_slots = models.ManyToManyField(
        "events.Slot", blank=True, related_name="unwanted_by", verbose_name=_("unwanted slots")
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    no_show_at = models.DateTimeField(_("marked as no-show"), null=True, blank=True)

    class Meta:
        ordering = ["company__name", "name", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.name} ({self.company})"


class Interpreter(models.Model):
    """An interpreter officers register, with the languages they interpret and their slots."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(pgettext_lazy("a person's", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.JSONField(_("languages"), default=list)
    available_everywhere = models.BooleanField(_("available for the whole event"), default=True)
    available_slots = models.ManyToManyField(
        "events.Slot", blank=True, related_name="available_interpreters"
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def __str__(self) -> str:
        return self.name
