"""Loading the official classification files (KBLI 2020, JSIC Rev.14, ISIC Rev.4) before the
demo, when a deployment has them, through the `taxonomy` command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from django.utils.translation import gettext as _

from jembatan.registry.models import Classification

# ISIC first: the KBLI and JSIC loaders link their codes to it.
SCHEMES: tuple[str, ...] = ("isic4", "kbli2020", "jsic14")


def reference_folders(folder: str | Path | None) -> dict[str, Path]:
    """The scheme folders (isic4/, kbli2020/, jsic14/) present under `folder`."""
    if not folder:
        return {}
    root = Path(folder)
    return {scheme: root / scheme for scheme in SCHEMES if (root / scheme).is_dir()}


def load_reference_data(folder: str | Path | None, write: Callable[[str], object] = print) -> bool:
    """Load the classification files under `folder`; True when classifications are available.

    A scheme that already has rows is not loaded again, which keeps a second demo run fast.
    """
    folders = reference_folders(folder)
    if len(folders) < len(SCHEMES):
        write(_("Reference classification files not found: using programme sectors only."))
        return False
    for scheme, path in folders.items():
        if Classification.objects.filter(scheme=scheme).exists():
            write(_("%(scheme)s is already loaded.") % {"scheme": scheme})
            continue
        write(_("Loading %(scheme)s from %(path)s") % {"scheme": scheme, "path": path})
        call_command("taxonomy", "load", scheme, str(path), "--no-crosswalk")
    return True


def propose_crosswalk_for_demo(write: Callable[[str], object] = print) -> None:
    """Propose ISIC links for the codes the demo companies use (the whole classification
    takes minutes to embed on a small machine; `jembatan taxonomy crosswalk` does it all)."""
    if Classification.objects.filter(scheme="isic4").exists():
        call_command("taxonomy", "crosswalk", "--only-used")
