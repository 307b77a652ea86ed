"""zh_TW translations for the review_panel area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
