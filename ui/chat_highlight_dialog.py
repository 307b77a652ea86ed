"""The chat highlight rules dialog: the streamer's name (for mentions), "highlight mentions", and a list
of keywords / user names whose messages get a highlighted background in the chat panel.

Widgets: ``highlightStreamerName``, ``highlightMentions``, ``highlightRules`` (the list),
``highlightRuleEdit`` + ``highlightAdd``, ``highlightRemove``, ``highlightButtons`` (OK / Cancel).
Rules are plain text (a QListWidget draws items as plain text).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

RULE_LIMIT = 200  # characters per rule


class ChatHighlightDialog(QDialog):
    """Edits the highlight rules; read :meth:`rules`, :attr:`streamer` and :attr:`mentions` after OK."""

    def __init__(self, streamer: str, rules: list[str], highlight_mentions: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatHighlightDialog")
        self.setWindowTitle(self.tr("Chat highlights"))

        self.streamer_edit = QLineEdit(streamer, self)
        self.streamer_edit.setObjectName("highlightStreamerName")
        self.streamer_edit.setPlaceholderText(self.tr("Default: the Twitch channel"))
        self.streamer_edit.setMaxLength(RULE_LIMIT)
        self.mentions_box = QCheckBox(self.tr("Highlight mentions of the streamer"), self)
        self.mentions_box.setObjectName("highlightMentions")
        self.mentions_box.setChecked(highlight_mentions)
        form = QFormLayout()
        form.addRow(self.tr("Streamer name:"), self.streamer_edit)
        form.addRow(self.mentions_box)

        hint = QLabel(self.tr("Highlight messages that contain a keyword, or that a user wrote (@name):"), self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        self.rule_list = QListWidget(self)
        self.rule_list.setObjectName("highlightRules")
        for rule in rules:
            self.rule_list.addItem(rule)
        self.rule_edit = QLineEdit(self)
        self.rule_edit.setObjectName("highlightRuleEdit")
        self.rule_edit.setPlaceholderText(self.tr("Keyword or @user"))
        self.rule_edit.setMaxLength(RULE_LIMIT)
        self.rule_edit.returnPressed.connect(self.add_rule)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("highlightAdd")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("highlightRemove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.rule_list.itemSelectionChanged.connect(self._update_buttons)
        self.rule_edit.textChanged.connect(self._update_buttons)
        add_row = QHBoxLayout()
        add_row.addWidget(self.rule_edit, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.setObjectName("highlightButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("highlightOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("highlightCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.rule_list, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.buttons)
        self.resize(440, 360)
        self._update_buttons()

    @property
    def streamer(self) -> str:
        return self.streamer_edit.text().strip()

    @property
    def mentions(self) -> bool:
        return self.mentions_box.isChecked()

    def rules(self) -> list[str]:
        return [self.rule_list.item(i).text() for i in range(self.rule_list.count())]

    @Slot()
    def add_rule(self) -> None:
        rule = self.rule_edit.text().strip()
        if rule and rule.casefold() not in {r.casefold() for r in self.rules()}:
            self.rule_list.addItem(rule)
        self.rule_edit.clear()

    @Slot()
    def remove_selected(self) -> None:
        for item in self.rule_list.selectedItems():
            self.rule_list.takeItem(self.rule_list.row(item))

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.rule_edit.text().strip()))
        self.remove_button.setEnabled(bool(self.rule_list.selectedItems()))
