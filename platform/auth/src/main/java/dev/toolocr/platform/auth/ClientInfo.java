package dev.toolocr.platform.auth;

/** Where a request came from, as far as we can trust it. */
public record ClientInfo(String ipAddress, String userAgent) {}
