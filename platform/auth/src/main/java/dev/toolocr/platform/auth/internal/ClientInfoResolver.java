package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The client's address: the socket's peer, unless that peer is a configured trusted proxy, in which
 * case the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 */
public class ClientInfoResolver implements ClientAddresses {

    private final Set<String> trustedProxies;

    public ClientInfoResolver(AuthProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
    }

    @Override
    public ClientInfo resolve(HttpServletRequest request) {
        String ip = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(ip)) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                    ip = hop.length() <= 45 && hop.matches("[0-9A-Fa-f:.]+") ? hop : ip;
                    break;
                }
            }
        }
        String ua = request.getHeader("User-Agent");
        if (ua != null) {
            ua = ua.replaceAll("[\\p{Cntrl}]", "");
            ua = ua.length() > 512 ? ua.substring(0, 512) : ua;
        }
        return new ClientInfo(ip, ua);
    }
}
