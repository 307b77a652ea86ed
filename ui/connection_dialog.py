"""Connection dialog: OBS host, port and password (kept in the OS keyring)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from controllers import secrets
from controllers.obs.worker import ObsEndpoint


class ConnectionDialog(QDialog):
    """``hostEdit``, ``portSpin``, ``passwordEdit``, ``rememberPassword``; ``endpoint()`` reads it."""

    def __init__(self, endpoint: ObsEndpoint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Connect to OBS"))
        self.host_edit = QLineEdit(endpoint.host, self)
        self.host_edit.setObjectName("hostEdit")
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(endpoint.port)
        self.password_edit = QLineEdit(endpoint.password, self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("OBS › Tools › WebSocket Server Settings"))
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(secrets.keyring_available())
        self.remember.setEnabled(secrets.keyring_available())
        note = QLabel(self.tr("Secrets are kept in the system keyring.") if secrets.keyring_available()
                      else self.tr("No system keyring is available: the password is kept for this "
                                   "session only."), self)
        note.setObjectName("keyringNote")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Host"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Password"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("connectButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def endpoint(self) -> ObsEndpoint:
        return ObsEndpoint(self.host_edit.text().strip() or "127.0.0.1", self.port_spin.value(),
                           self.password_edit.text())
