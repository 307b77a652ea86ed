"""zh_TW translations for the indicators area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ---- cli/report.py: main.py report / goals ---------------------------------------------------
    ("cli", "Report failed: there is no session {id}."): "報表產生失敗：沒有場次 {id}。",
    ("cli", "Report failed: {format} reports are not available in this build of OnAir."):
        "報表產生失敗：此版本的 OnAir 無法產生 {format} 報表。",
    ("cli", "Report failed: {id} is not a session id (a positive whole number)."):
        "報表產生失敗：{id} 不是場次編號（須為正整數）。",
    ("cli", "Report failed: {reason}"): "報表產生失敗：{reason}",
    ("cli", "Goals failed: {reason}"): "目標設定失敗：{reason}",
    ("cli", "There is no session {id}."): "沒有場次 {id}。",
    ("cli", "Session {id} has no goals."): "場次 {id} 沒有設定目標。",
    ("cli", "Session {id} has no goals of its own; its platform's template applies:"):
        "場次 {id} 沒有自己的目標，套用其平台的目標範本：",
    ("cli", "Session {id}: goal {metric} {op} {target} set."): "場次 {id}：已設定目標 {metric} {op} {target}。",
    ("cli", "Session {id}: {count} goal(s) removed."): "場次 {id}：已移除 {count} 個目標。",
    ("cli", "Template {platform} has no goals."): "{platform} 範本沒有設定目標。",
    ("cli", "Template {platform}: goal {metric} {op} {target} set."):
        "{platform} 範本：已設定目標 {metric} {op} {target}。",
    ("cli", "Template {platform}: {count} goal(s) removed."): "{platform} 範本：已移除 {count} 個目標。",
    ("cli", "(Sessions of this platform use the template for any platform, '*'.)"):
        "（此平台的場次會套用適用所有平台的範本「*」。）",
    ("cli", "Usage: goals ID clear [METRIC]"): "用法：goals ID clear [METRIC]",
    ("cli", "Usage: goals ID list"): "用法：goals ID list",
    ("cli", "Usage: goals ID set METRIC OP VALUE (for example: goals 12 set peak_viewers '>=' 300)"):
        "用法：goals ID set METRIC OP VALUE（例如：goals 12 set peak_viewers '>=' 300）",
}
