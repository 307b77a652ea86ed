"""zh_TW translations for the imports area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
