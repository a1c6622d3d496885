package dev.toolocr.platform.storage;

import java.util.regex.Pattern;

/** The one rule for object keys, shared by every implementation. */
public final class ObjectKeys {

    /** Slash-separated segments of lower-case letters, digits, '.', '_' and '-', none starting with '.'. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}(/[a-z0-9][a-z0-9._-]{0,127}){0,15}");

    private ObjectKeys() {}

    /** The key itself when it obeys the rule; otherwise an {@link IllegalArgumentException}. */
    public static String check(String key) {
        if (key == null || key.length() > 1024 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid object key");
        }
        return key;
    }
}
