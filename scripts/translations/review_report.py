"""zh_TW translations for the review_report area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
