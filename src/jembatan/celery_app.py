"""Celery application.

Without CELERY_BROKER_URL every task runs inline (task_always_eager), so a laptop or a test
run needs no broker; with one (Redis or RabbitMQ), tasks go to real workers.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")

app = Celery("jembatan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
