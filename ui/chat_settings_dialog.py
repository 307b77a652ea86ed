"""Settings ▸ Chat sources…: the Twitch channel and login, YouTube video, tokens and keys (OS keyring).

``ChatSettingsDialog`` fields: ``twitchChannelEdit``, ``twitchLoginEdit``, ``twitchTokenEdit`` (+
``twitchTokenShow``), ``twitchClientIdEdit``, ``youtubeVideoEdit`` (an id or a link),
``youtubeKeyEdit`` (+ ``youtubeKeyShow``), ``youtubeTokenEdit`` (+ ``youtubeTokenShow``),
``streamerNameEdit``, ``rememberSecrets``, ``keyringNote``, ``envNote`` (which ``ONAIR_…`` variables
win), ``chatSettingsProblems`` (validation) and ``chatSettingsApply``. Secrets are masked until their
"Show" button is toggled on.

:class:`ChatSettingsController` (one per main window, see :func:`add_chat_settings_action`) opens the
dialog without blocking the event loop, saves what it returns (:meth:`ChatConfig.save`) and swaps the
hub's Twitch/YouTube sources for new ones (:meth:`ChatHub.replace_sources`, stopped off the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controllers import secrets
from controllers.chat.config import SOURCE_NAMES, ChatConfig, build_sources
from controllers.chat.hub import ChatHub
from controllers.settings import Settings

ERROR_COLOR = "#c62828"


class ChatSettingsDialog(QDialog):
    """See the module docstring; :meth:`config` reads the fields back."""

    def __init__(self, config: ChatConfig, parent: QWidget | None = None, *,
                 env_overrides: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSettingsDialog")
        self.setWindowTitle(self.tr("Chat sources"))
        self.secret_edits: list[QLineEdit] = []

        self.twitch_channel = self._line("twitchChannelEdit", config.twitch_channel, self.tr("e.g. mychannel"))
        self.twitch_login = self._line("twitchLoginEdit", config.twitch_login,
                                       self.tr("the account that sends (often the channel)"))
        self.twitch_token = self._line("twitchTokenEdit", config.twitch_token,
                                       self.tr("needed to send (scopes chat:read chat:edit)"))
        self.twitch_client_id = self._line("twitchClientIdEdit", config.twitch_client_id,
                                           self.tr("optional: viewer counts (Helix)"))
        twitch = QGroupBox(self.tr("Twitch"), self)
        twitch.setObjectName("twitchGroup")
        form = QFormLayout(twitch)
        form.addRow(self.tr("Channel"), self.twitch_channel)
        form.addRow(self.tr("Login name"), self.twitch_login)
        form.addRow(self.tr("OAuth token"), self._secret_row(self.twitch_token, "twitchTokenShow"))
        form.addRow(self.tr("Client id"), self.twitch_client_id)

        self.youtube_video = self._line("youtubeVideoEdit", config.youtube_video_id,
                                        self.tr("video id or link of the live stream"))
        self.youtube_key = self._line("youtubeKeyEdit", config.youtube_api_key, self.tr("reads chat"))
        self.youtube_token = self._line("youtubeTokenEdit", config.youtube_token,
                                        self.tr("reads and sends (youtube.force-ssl scope)"))
        youtube = QGroupBox(self.tr("YouTube"), self)
        youtube.setObjectName("youtubeGroup")
        form = QFormLayout(youtube)
        form.addRow(self.tr("Video"), self.youtube_video)
        form.addRow(self.tr("API key"), self._secret_row(self.youtube_key, "youtubeKeyShow"))
        form.addRow(self.tr("OAuth token"), self._secret_row(self.youtube_token, "youtubeTokenShow"))

        self.streamer_name = self._line("streamerNameEdit", config.streamer_name,
                                        self.tr("highlights mentions (default: the Twitch channel)"))
        general = QGroupBox(self.tr("Chat panel"), self)
        general.setObjectName("chatPanelGroup")
        form = QFormLayout(general)
        form.addRow(self.tr("Streamer name"), self.streamer_name)

        for edit in self.secret_edits:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        keyring = secrets.keyring_available()
        self.remember = QCheckBox(self.tr("Remember tokens and keys in the system keyring"), self)
        self.remember.setObjectName("rememberSecrets")
        self.remember.setChecked(keyring)
        self.remember.setEnabled(keyring)
        self.keyring_note = self._note("keyringNote", self.tr("Tokens and keys are stored in the OS keyring, never "
                                                              "in the settings file or the log.") if keyring
                                       else self.tr("No system keyring is available: tokens and keys are kept in "
                                                    "memory only, for this session."))
        overrides = env_overrides or []
        self.env_note = self._note("envNote", self.tr("Set in the environment, these win over the settings here: "
                                                      "{names}").format(names=", ".join(overrides)))
        self.env_note.setVisible(bool(overrides))
        self.problems_label = self._note("chatSettingsProblems", "")
        self.problems_label.setStyleSheet(f"color: {ERROR_COLOR};")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("Apply and connect"))
        self.apply_button.setObjectName("chatSettingsApply")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("chatSettingsCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(twitch)
        layout.addWidget(youtube)
        layout.addWidget(general)
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.env_note)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self._align_labels((twitch, youtube, general))
        self._set_tab_order()
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self.validate)
        self.validate()
        self.resize(520, self.sizeHint().height())

    def _set_tab_order(self) -> None:
        """Top to bottom: each secret's Show button right after its field (it was made after the form)."""
        show = {b.property("edit"): b for b in self.findChildren(QToolButton)}
        chain: list[QWidget] = []
        for edit in (self.twitch_channel, self.twitch_login, self.twitch_token, self.twitch_client_id,
                     self.youtube_video, self.youtube_key, self.youtube_token, self.streamer_name):
            chain.append(edit)
            if edit in show:
                chain.append(show[edit])
        chain += [self.remember, self.apply_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _align_labels(groups: tuple[QGroupBox, ...]) -> None:
        """One label column width for every group, so the fields line up."""
        labels = [label for group in groups for label in group.findChildren(QLabel)
                  if isinstance(group.layout(), QFormLayout)]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _note(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _secret_row(self, edit: QLineEdit, show_name: str) -> QWidget:
        self.secret_edits.append(edit)
        show = QToolButton(self)
        show.setObjectName(show_name)
        show.setText(self.tr("Show"))
        show.setCheckable(True)
        show.setToolTip(self.tr("Show or hide the secret"))
        show.setProperty("edit", edit)
        show.toggled.connect(self._on_show_toggled)
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        box.addWidget(show)
        return row

    @Slot(bool)
    def _on_show_toggled(self, shown: bool) -> None:
        button = self.sender()
        if not isinstance(button, QToolButton):
            return
        edit = button.property("edit")
        if isinstance(edit, QLineEdit):
            edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def config(self) -> ChatConfig:
        """What the fields say, cleaned (links reduced to ids, pasted prefixes dropped)."""
        return ChatConfig(
            twitch_channel=self.twitch_channel.text(), twitch_login=self.twitch_login.text(),
            twitch_token=self.twitch_token.text(), twitch_client_id=self.twitch_client_id.text(),
            youtube_video_id=self.youtube_video.text(), youtube_api_key=self.youtube_key.text(),
            youtube_token=self.youtube_token.text(), streamer_name=self.streamer_name.text(),
        ).cleaned()

    @Slot()
    def validate(self) -> list[str]:
        """Show what is wrong; Apply stays disabled until it is fixed."""
        problems = self.config().problems()
        self.problems_label.setText("\n".join(f"• {p}" for p in problems))
        self.problems_label.setVisible(bool(problems))
        self.apply_button.setEnabled(not problems)
        return problems

    def accept(self) -> None:
        if not self.validate():
            super().accept()


class ChatSettingsController(QObject):
    """Opens :class:`ChatSettingsDialog` for ``window`` and applies it to the settings and the hub."""

    def __init__(self, window: QMainWindow, settings: Settings, hub: ChatHub | None,
                 panel: QWidget | None = None) -> None:
        super().__init__(window)
        self.setObjectName("chatSettingsController")
        self.window = window
        self.settings = settings
        self.hub = hub
        self.panel = panel
        self.dialog: ChatSettingsDialog | None = None

    def add_action(self, menu: QMenu) -> QAction:
        action = QAction(self.tr("&Chat sources…"), self.window)
        action.setObjectName("actionChatSources")
        action.triggered.connect(self.open_dialog)
        menu.addAction(action)
        return action

    @Slot()
    def open_dialog(self) -> ChatSettingsDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        self.dialog = ChatSettingsDialog(ChatConfig.load(self.settings, env=False), self.window,
                                         env_overrides=ChatConfig.env_overrides())
        self.dialog.finished.connect(self._on_finished)
        self.dialog.open()
        return self.dialog

    @Slot(int)
    def _on_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if result == QDialog.DialogCode.Accepted:
            self.apply(dialog.config(), remember=dialog.remember.isChecked())
        dialog.deleteLater()

    def apply(self, config: ChatConfig, *, remember: bool = True) -> None:
        """Save ``config`` and (re)start the hub's Twitch/YouTube sources from it (environment first)."""
        persisted = config.save(self.settings, remember=remember)
        if self.hub is not None:
            self.hub.replace_sources(build_sources(config.with_env(), self.hub), SOURCE_NAMES)
        apply_highlights = getattr(self.panel, "apply_highlights", None)
        if callable(apply_highlights):
            apply_highlights(self.settings.streamer_name, self.settings.chat_highlights,
                             self.settings.chat_highlight_mentions)
        has_secrets = bool(config.twitch_token or config.youtube_api_key or config.youtube_token)
        if persisted or not has_secrets:
            message = self.tr("Chat sources applied.")
        else:
            message = self.tr("Chat sources applied. Tokens and keys are kept in memory for this session only.")
        self.window.statusBar().showMessage(message, 8000)


def add_chat_settings_action(window: QMainWindow, menu: QMenu) -> QAction:
    """Settings ▸ Chat sources… (``actionChatSources``) for ``window`` (a MainWindow: its settings and
    chat panel's hub are used)."""
    settings: Settings = window.settings  # type: ignore[attr-defined]
    panel = getattr(window, "chat_panel", None)
    controller = ChatSettingsController(window, settings, getattr(panel, "hub", None), panel)
    window.chat_settings = controller  # type: ignore[attr-defined]
    return controller.add_action(menu)
