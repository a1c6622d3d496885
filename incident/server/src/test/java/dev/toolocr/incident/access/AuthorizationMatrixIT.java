package dev.toolocr.incident.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * INCIDENT-SPEC 2, 3 and 6 as one table: every REST endpoint of a restricted room against every
 * caller who must be refused. Anonymous callers get 401; people who may not read the room get 404
 * (they cannot even learn it exists); viewers cannot post, upload, pin or move the status;
 * responders cannot manage the room or its members. A refusal changes nothing: the room's last seq
 * is the same after the whole table. The STOMP side (CONNECT, SUBSCRIBE, SEND) is RealtimeIT's.
 */
class AuthorizationMatrixIT extends LiveServer {

    /** One endpoint and the answer each kind of caller must get; null where the caller is allowed. */
    record Row(String method, String path, Object body, Integer outsider, Integer viewer, Integer responder) {}

    @Test
    void everyEndpointRefusesEveryCallerItMust() throws Exception {
        Person owner = person("Matrix Owner");
        Person responder = person("Matrix Responder");
        Person viewer = person("Matrix Viewer");
        Person outsider = person("Matrix Outsider");
        String room = room(owner, "restricted");
        addMember(owner, room, responder, "responder");
        addMember(owner, room, viewer, "viewer");
        String message =
                post(owner, room, "the owner's message", null).json().path("id").asText();
        String file = upload(owner, room);
        long seqBefore = lastSeq(owner, room);

        String r = "/api/v2/rooms/" + room;
        String m = r + "/messages/" + message;
        List<Row> table = List.of(
                new Row("GET", r, null, 404, null, null),
                new Row("PATCH", r, Map.of("title", "renamed"), 404, 403, 403),
                new Row("POST", r + "/acknowledge", Map.of(), 404, 403, null),
                new Row("POST", r + "/start", Map.of(), 404, 403, null),
                new Row("POST", r + "/resolve", Map.of("resolution", "x"), 404, 403, null),
                new Row("POST", r + "/close", Map.of(), 404, 403, null),
                new Row("POST", r + "/cancel", Map.of(), 404, 403, null),
                new Row("POST", r + "/reopen", Map.of(), 404, 403, null),
                new Row("GET", r + "/members", null, 404, null, null),
                new Row("POST", r + "/members", Map.of("email", "x@example.com", "role", "viewer"), 404, 403, 403),
                new Row("PATCH", r + "/members/" + viewer.id(), Map.of("role", "owner"), 404, 403, 403),
                new Row("DELETE", r + "/members/" + viewer.id(), null, 404, 403, 403),
                new Row("POST", r + "/join", Map.of(), 404, null, null),
                new Row("POST", r + "/leave", Map.of(), 404, null, null),
                new Row("GET", r + "/messages", null, 404, null, null),
                new Row("GET", r + "/events?after_seq=0", null, 404, null, null),
                new Row("POST", r + "/messages", Map.of("content", "hello"), 404, 403, null),
                new Row("PATCH", m, Map.of("content", "not mine"), 404, 403, 403),
                new Row("DELETE", m, null, 404, 403, 403),
                new Row("PUT", m + "/reactions/%F0%9F%91%8D", null, 404, null, null),
                new Row("DELETE", m + "/reactions/%F0%9F%91%8D", null, 404, null, null),
                new Row("POST", m + "/pin", null, 404, 403, null),
                new Row("DELETE", m + "/pin", null, 404, 403, null),
                new Row("POST", r + "/read", Map.of("seq", 1), 404, null, null),
                new Row("GET", r + "/presence", null, 404, null, null),
                new Row("GET", r + "/export?format=markdown", null, 404, null, null),
                new Row("GET", "/api/v2/files/" + file, null, 404, null, null),
                new Row("GET", "/api/v2/files/" + file + "/preview", null, 404, null, null),
                new Row("GET", "/api/v2/files/" + file + "/thumbnail", null, 404, null, null),
                new Row(
                        "POST",
                        "/api/v2/templates",
                        Map.of("name", "t", "category", "quality", "default_severity", "low", "checklist", List.of()),
                        403,
                        403,
                        403),
                new Row("GET", "/api/v2/admin/audit-logs", null, 403, 403, 403));

        List<String> wrong = new ArrayList<>();
        for (Row row : table) {
            expect(wrong, row, "anonymous", null, 401);
            expect(wrong, row, "outsider", outsider, row.outsider());
            expect(wrong, row, "viewer", viewer, row.viewer());
            expect(wrong, row, "responder", responder, row.responder());
        }
        Map<String, Integer> upload = new LinkedHashMap<>();
        upload.put("anonymous", uploadStatus(null, room));
        upload.put("outsider", uploadStatus(outsider, room));
        upload.put("viewer", uploadStatus(viewer, room));
        assertThat(upload)
                .containsExactly(Map.entry("anonymous", 401), Map.entry("outsider", 404), Map.entry("viewer", 403));

        assertThat(wrong).as("answers that differ from the table").isEmpty();
        assertThat(lastSeq(owner, room)).as("no refusal changed the room").isEqualTo(seqBefore);
        JsonNode roomNow = call("GET", r, owner, null).json();
        assertThat(roomNow.path("status").asText()).isEqualTo("open");
        assertThat(roomNow.path("member_count").asInt()).isEqualTo(3);
    }

    private void expect(List<String> wrong, Row row, String who, Person as, Integer expected) throws Exception {
        if (expected == null) {
            return;
        }
        Answer a = call(row.method(), row.path(), as, row.body());
        if (a.status() != expected) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": " + a.status() + " (want " + expected + ") "
                    + a.body());
        } else if (expected >= 400) {
            String type = a.raw().headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                wrong.add(row.method() + " " + row.path() + " as " + who + ": not problem+json but " + type);
            }
        }
    }

    private long lastSeq(Person as, String room) throws Exception {
        return call("GET", "/api/v2/rooms/" + room, as, null)
                .json()
                .path("last_seq")
                .asLong();
    }

    private String upload(Person as, String room) throws Exception {
        HttpResponse<byte[]> r = upload(as, room, "photo.png", "image/png", png());
        assertThat(r.statusCode()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private int uploadStatus(Person as, String room) throws Exception {
        if (as == null) {
            return call("POST", "/api/v2/rooms/" + room + "/files", null, null).status();
        }
        return upload(as, room, "photo.png", "image/png", png()).statusCode();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
