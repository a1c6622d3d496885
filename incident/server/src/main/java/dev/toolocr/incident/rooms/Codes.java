package dev.toolocr.incident.rooms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The fixed vocabularies of a room, written in JSON and the database as lower-case codes. */
public final class Codes {

    private Codes() {}

    public enum Category {
        MACHINE_DOWN,
        QUALITY,
        MATERIAL,
        SAFETY,
        OTHER;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Category of(String code) {
            return Category.valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Declared from most to least urgent: the ordinal is the sort rank. */
    public enum Severity {
        CRITICAL,
        HIGH,
        MEDIUM,
        LOW;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Severity of(String code) {
            return Severity.valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public enum Visibility {
        OPEN,
        RESTRICTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Visibility of(String code) {
            return Visibility.valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Declared in lifecycle order: the ordinal is the sort rank. */
    public enum Status {
        OPEN,
        ACKNOWLEDGED,
        IN_PROGRESS,
        RESOLVED,
        CLOSED,
        CANCELLED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean active() {
            return this == OPEN || this == ACKNOWLEDGED || this == IN_PROGRESS;
        }

        public static Status of(String code) {
            return Status.valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    public enum Role {
        OWNER,
        RESPONDER,
        VIEWER;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Role of(String code) {
            return Role.valueOf(code.toUpperCase(Locale.ROOT));
        }

        /** Owners and responders act on the incident; viewers read and react. */
        public boolean canAct() {
            return this != VIEWER;
        }
    }
}
