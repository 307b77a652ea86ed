"""Scene switcher: OBS's scenes in OBS's order; click switches program (preview in studio mode)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controllers.obs.client import ObsClient
from controllers.obs.model import ObsSnapshot

from ..models.scene_list_model import SceneListModel


class ScenesPanel(QGroupBox):
    """Lists scenes; emits requests through the client. Keys 1–9 are handled by the main window."""

    def __init__(self, client: ObsClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scenes"))
        self.client = client
        self.model = SceneListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("sceneList")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setStyleSheet("QListView::item { padding: 6px 4px; }")
        font = self.view.font()
        font.setPointSize(font.pointSize() + 2)
        self.view.setFont(font)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.studio_toggle = QCheckBox(self.tr("Studio mode"), self)
        self.studio_toggle.setObjectName("studioModeToggle")
        self.studio_toggle.setToolTip(self.tr("Pick the next scene in preview, then press Transition"))
        self.studio_toggle.clicked.connect(self._on_studio_clicked)
        self.transition_button = QPushButton(self.tr("Transition"), self)
        self.transition_button.setObjectName("transitionButton")
        self.transition_button.setToolTip(self.tr("Send the preview scene to program (Ctrl+T)"))
        self.transition_button.clicked.connect(self.transition)
        row = QHBoxLayout()
        row.addWidget(self.studio_toggle)
        row.addStretch(1)
        row.addWidget(self.transition_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._studio = False
        self.show_snapshot(ObsSnapshot())

    def show_snapshot(self, snap: ObsSnapshot) -> None:
        self._studio = snap.studio_mode
        self.model.set_state(snap.scenes, snap.program_scene, snap.preview_scene)
        self.studio_toggle.setChecked(snap.studio_mode)
        self.transition_button.setVisible(snap.studio_mode)

    def set_connected(self, connected: bool) -> None:
        self.view.setEnabled(connected)
        self.studio_toggle.setEnabled(connected)
        self.transition_button.setEnabled(connected)

    def activate_number(self, number: int) -> bool:
        """Switch to the ``number``-th scene (1-based); False when there is none."""
        scene = self.model.scene_at(number - 1)
        if scene is None:
            return False
        self.switch_to(scene)
        return True

    def switch_to(self, scene: str) -> None:
        if self._studio:
            self.client.request(self.tr("Set preview scene"), "SetCurrentPreviewScene", {"sceneName": scene})
        else:
            self.client.request(self.tr("Switch scene"), "SetCurrentProgramScene", {"sceneName": scene})

    def transition(self) -> None:
        if self._studio:
            self.client.request(self.tr("Transition"), "TriggerStudioModeTransition")

    def _on_clicked(self, index: QModelIndex) -> None:
        scene = self.model.scene_at(index.row())
        if scene is not None:
            self.switch_to(scene)

    def _on_studio_clicked(self, checked: bool) -> None:
        self.client.request(self.tr("Studio mode"), "SetStudioModeEnabled", {"studioModeEnabled": checked})
        self.studio_toggle.setChecked(self._studio)  # the event from OBS sets the real state


__all__ = ["ScenesPanel", "Qt"]
