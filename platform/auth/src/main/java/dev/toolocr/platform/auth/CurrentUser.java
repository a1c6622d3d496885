package dev.toolocr.platform.auth;

/**
 * The signed-in caller, resolved from a valid access token whose session is still alive. Declare it
 * as a controller method parameter to receive it.
 */
public record CurrentUser(String id, String email, String displayName, boolean admin, String sessionId) {}
