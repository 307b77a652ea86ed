"""zh_TW translations for the chat_compose area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
