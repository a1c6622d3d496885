package dev.toolocr.incident.escalation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.incident.rooms.RoomNotices;
import dev.toolocr.incident.rooms.RoomNotices.NoticedRoom;
import dev.toolocr.incident.templates.TemplateService;
import dev.toolocr.incident.templates.TemplateView;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.auth.UserDirectory.UserInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arms a template's escalation when a room is created from it and fires each step once when it is
 * due and the room is still {@code open}. Nothing is kept in memory: a step is a row, claimed by one
 * conditional update in the transaction that also writes its system message, its notifications and
 * its webhook delivery, so that a restart, a crash or another process racing for it can neither lose
 * nor repeat a step.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final TypeReference<List<String>> EMAILS = new TypeReference<>() {};

    private final EscalationStepRepository steps;
    private final WebhookDeliveryRepository deliveries;
    private final TemplateService templates;
    private final RoomNotices notices;
    private final RoomAccess access;
    private final UserDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final EscalationProperties properties;
    private final Clock clock;

    Escalations(
            EscalationStepRepository steps,
            WebhookDeliveryRepository deliveries,
            TemplateService templates,
            RoomNotices notices,
            RoomAccess access,
            UserDirectory directory,
            ApplicationEventPublisher publisher,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            EscalationProperties properties,
            Clock clock) {
        this.steps = steps;
        this.deliveries = deliveries;
        this.templates = templates;
        this.notices = notices;
        this.access = access;
        this.directory = directory;
        this.publisher = publisher;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** In the room's creating transaction: the template's steps, due counted from the report. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void arm(RoomEvents.Created created) {
        if (created.templateId() == null) {
            return;
        }
        Optional<TemplateView> template = templates.find(created.templateId());
        if (template.isEmpty() || template.get().escalation() == null) {
            return;
        }
        List<TemplateView.EscalationStep> ordered = template.get().escalation().stream()
                .sorted(Comparator.comparing(TemplateView.EscalationStep::afterMinutes))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            TemplateView.EscalationStep s = ordered.get(i);
            steps.save(new EscalationStep(
                    created.roomId(),
                    i + 1,
                    ordered.size(),
                    s.afterMinutes(),
                    write(s.notifyEmails()),
                    created.reportedAt().plus(Duration.ofMinutes(s.afterMinutes()))));
        }
    }

    /** Fires the steps due now, each in its own transaction; returns how many this call fired. */
    int fireDue() {
        Instant now = clock.instant();
        List<String> due = steps.due(now, PageRequest.of(0, properties.batchSize()));
        int fired = 0;
        for (String id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> fire(id)))) {
                    fired++;
                }
            } catch (RuntimeException e) {
                // Rolled back: the step is armed again and the next look retries it.
                log.warn("Escalation step {} could not fire yet: {}", id, e.toString());
            }
        }
        return fired;
    }

    private boolean fire(String id) {
        Instant now = clock.instant();
        if (steps.claim(id, now) != 1) {
            return false; // another process fired or dropped it
        }
        EscalationStep step = steps.findById(id).orElseThrow();
        List<String> emails = read(step.notifyEmails());
        Optional<NoticedRoom> posted = notices.postWhileOpen(step.roomId(), text(step, emails));
        if (posted.isEmpty()) {
            step.drop(); // acknowledged (or further) before this step was due
            return false;
        }
        NoticedRoom room = posted.get();
        List<String> notified = new ArrayList<>();
        for (UserInfo person : knownPeople(emails)) {
            // Only those who may read the room hear of it: a restricted room stays unknown to others.
            CurrentUser reader =
                    new CurrentUser(person.id(), person.email(), person.displayName(), person.admin(), null);
            if (access.canRead(reader, room.id())) {
                notified.add(person.id());
                publisher.publishEvent(new RoomEvents.UserNotified(person.id(), notification(step, room)));
            }
        }
        if (properties.webhook().enabled()) {
            String deliveryId = WebhookDelivery.newId();
            deliveries.save(
                    new WebhookDelivery(deliveryId, step.id(), webhookBody(deliveryId, step, room, emails, now), now));
        }
        publisher.publishEvent(new EscalationFired(
                room.id(),
                step.stepNo(),
                step.stepCount(),
                step.afterMinutes(),
                emails,
                List.copyOf(notified),
                room.seq(),
                now));
        return true;
    }

    private List<UserInfo> knownPeople(List<String> emails) {
        List<UserInfo> found = new ArrayList<>();
        for (String email : emails) {
            directory.list(email, 0, 20, "email", false).getContent().stream()
                    .filter(u -> u.active() && u.email().equalsIgnoreCase(email))
                    .findFirst()
                    .ifPresent(found::add);
        }
        return found;
    }

    private static String text(EscalationStep step, List<String> emails) {
        String stepOf = step.stepCount() > 1 ? " (step " + step.stepNo() + " of " + step.stepCount() + ")" : "";
        return "Escalated" + stepOf + ": not acknowledged " + step.afterMinutes() + " minute"
                + (step.afterMinutes() == 1 ? "" : "s") + " after it was reported. Notified: "
                + String.join(", ", emails) + ".";
    }

    private static Map<String, Object> notification(EscalationStep step, NoticedRoom room) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", "escalation");
        n.put("room_id", room.id());
        n.put("title", room.title());
        n.put("line", room.line());
        n.put("severity", room.severity());
        n.put("step", step.stepNo());
        n.put("steps", step.stepCount());
        n.put("after_minutes", step.afterMinutes());
        n.put("seq", room.seq());
        return n;
    }

    private String webhookBody(
            String deliveryId, EscalationStep step, NoticedRoom room, List<String> emails, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", room.id());
        r.put("title", room.title());
        r.put("line", room.line());
        r.put("station", room.station());
        r.put("equipment", room.equipment());
        r.put("category", room.category());
        r.put("severity", room.severity());
        r.put("visibility", room.visibility());
        r.put("status", "open");
        r.put("reported_at", room.reportedAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "incident.escalated");
        body.put("delivery_id", deliveryId);
        body.put("fired_at", now.toString());
        body.put("room", r);
        body.put("step", Map.of("number", step.stepNo(), "of", step.stepCount(), "after_minutes", step.afterMinutes()));
        body.put("notify_emails", emails);
        return write(body);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("escalation not serialisable", e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, EMAILS);
        } catch (Exception e) {
            throw new IllegalStateException("stored escalation step unreadable", e);
        }
    }
}
