"""obs-websocket v5 protocol constants (see obs-websocket docs/generated/protocol.md)."""

from __future__ import annotations

from enum import IntEnum, IntFlag


class OpCode(IntEnum):
    HELLO = 0
    IDENTIFY = 1
    IDENTIFIED = 2
    REIDENTIFY = 3
    EVENT = 5
    REQUEST = 6
    REQUEST_RESPONSE = 7
    REQUEST_BATCH = 8
    REQUEST_BATCH_RESPONSE = 9


class EventSubscription(IntFlag):
    GENERAL = 1 << 0
    CONFIG = 1 << 1
    SCENES = 1 << 2
    INPUTS = 1 << 3
    TRANSITIONS = 1 << 4
    FILTERS = 1 << 5
    OUTPUTS = 1 << 6
    SCENE_ITEMS = 1 << 7
    MEDIA_INPUTS = 1 << 8
    VENDORS = 1 << 9
    UI = 1 << 10
    ALL = (1 << 11) - 1
    INPUT_VOLUME_METERS = 1 << 16


#: What OnAir subscribes to: every low-volume category (incl. Ui) plus the volume meters.
ONAIR_SUBSCRIPTIONS = int(EventSubscription.ALL | EventSubscription.INPUT_VOLUME_METERS)

#: obs-websocket-py 1.0 identifies with this; it lacks Ui and the meters.
LIBRARY_DEFAULT_SUBSCRIPTIONS = 1023

DEFAULT_PORT = 4455
#: Port 4444 makes obs-websocket-py switch to the v4 protocol unless legacy=False is passed.
LEGACY_V4_PORT = 4444

OUTPUT_STARTED = "OBS_WEBSOCKET_OUTPUT_STARTED"
OUTPUT_STOPPED = "OBS_WEBSOCKET_OUTPUT_STOPPED"
OUTPUT_RECONNECTING = "OBS_WEBSOCKET_OUTPUT_RECONNECTING"
OUTPUT_RECONNECTED = "OBS_WEBSOCKET_OUTPUT_RECONNECTED"
