package dev.toolocr.incident.realtime;

import dev.toolocr.platform.events.SharedEvent;

/**
 * Someone lost read access to a room (a named person removed, or with a null e-mail the room made
 * restricted): every process re-checks its own sockets subscribed to that room.
 */
record RoomAccessEnded(String roomId, String email) implements SharedEvent {}
