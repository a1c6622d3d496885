package dev.toolocr.incident.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Templates: everyone reads them, admins keep them. */
@Service
public class TemplateService {

    private final TemplateRepository templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TemplateService(TemplateRepository templates, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list() {
        return templates.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    /** The template a room is created from; empty when there is none with that id. */
    @Transactional(readOnly = true)
    public Optional<TemplateView> find(String id) {
        return templates.findById(id).map(this::view);
    }

    @Transactional
    public TemplateView create(CurrentUser user, TemplateView.Body body) {
        requireAdmin(user);
        Template t = new Template(clock.instant());
        apply(t, body);
        TemplateView saved = view(templates.save(t));
        events.publishEvent(new TemplateChanged(saved.id(), saved.name(), "created", user.id(), user.email()));
        return saved;
    }

    @Transactional
    public TemplateView update(CurrentUser user, String id, TemplateView.Body body) {
        requireAdmin(user);
        Template t = templates.findById(id).orElseThrow(() -> ApiException.notFound("Template"));
        apply(t, body);
        TemplateView changed = view(t);
        events.publishEvent(new TemplateChanged(changed.id(), changed.name(), "updated", user.id(), user.email()));
        return changed;
    }

    @Transactional
    public void delete(CurrentUser user, String id) {
        requireAdmin(user);
        Template t = templates.findById(id).orElseThrow(() -> ApiException.notFound("Template"));
        templates.delete(t);
        events.publishEvent(new TemplateChanged(id, t.name(), "deleted", user.id(), user.email()));
    }

    private void apply(Template t, TemplateView.Body body) {
        List<String> emails = body.defaultMemberEmails() == null
                ? List.of()
                : body.defaultMemberEmails().stream()
                        .map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        t.describe(
                body.name(),
                body.category(),
                body.defaultSeverity(),
                body.titlePrefix(),
                body.description(),
                write(emails),
                write(body.checklist() == null ? List.of() : body.checklist()),
                write(body.escalation() == null ? List.of() : body.escalation()),
                clock.instant());
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.admin()) {
            throw ApiException.forbidden("Only administrators keep templates.");
        }
    }

    private TemplateView view(Template t) {
        return new TemplateView(
                t.id(),
                t.name(),
                t.category(),
                t.defaultSeverity(),
                t.titlePrefix(),
                t.description(),
                read(t.defaultMemberEmails(), new TypeReference<List<String>>() {}),
                read(t.checklist(), new TypeReference<List<String>>() {}),
                read(t.escalation(), new TypeReference<List<TemplateView.EscalationStep>>() {}),
                t.updatedAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("template not serialisable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored template unreadable", e);
        }
    }
}
