package dev.toolocr.incident.realtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STOMP destinations of rooms: {@code /topic/rooms.{id}} and {@code /topic/rooms.{id}.typing}. */
final class Destinations {

    static final String ROOM_PREFIX = "/topic/rooms.";

    private static final Pattern ROOM_TOPIC = Pattern.compile("/topic/rooms\\.([0-9a-fA-F-]{36})(\\.typing)?");

    private Destinations() {}

    /** The room id of a room topic; empty for anything else. */
    static Optional<String> roomOf(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher m = ROOM_TOPIC.matcher(destination);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String events(String roomId) {
        return ROOM_PREFIX + roomId;
    }

    static String typing(String roomId) {
        return ROOM_PREFIX + roomId + ".typing";
    }
}
