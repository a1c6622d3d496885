package dev.toolocr.platform.persistence;

/** The rule every table-name prefix obeys; short enough that prefixed index names fit every database's limit. */
public final class TablePrefix {

    public static final String PATTERN = "^[a-z][a-z0-9_]{0,23}$";

    private TablePrefix() {}
}
