package dev.toolocr.incident.realtime;

import dev.toolocr.platform.auth.CurrentUser;
import java.security.Principal;

/** The signed-in person behind a STOMP session; the name (the user id) keys their /user queues. */
record StompUser(CurrentUser user) implements Principal {

    @Override
    public String getName() {
        return user.id();
    }
}
