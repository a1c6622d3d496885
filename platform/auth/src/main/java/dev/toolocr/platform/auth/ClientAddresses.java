package dev.toolocr.platform.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address and user agent, believing {@code X-Forwarded-For} only from the configured
 * trusted proxies; what audit entries record.
 */
public interface ClientAddresses {

    ClientInfo resolve(HttpServletRequest request);
}
