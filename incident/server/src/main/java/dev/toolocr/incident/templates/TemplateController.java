package dev.toolocr.incident.templates;

import dev.toolocr.platform.auth.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/templates}: read by everyone signed in, kept by admins. */
@RestController
@RequestMapping("/api/v2/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    Map<String, List<TemplateView>> list(CurrentUser user) {
        return Map.of("templates", templates.list());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(CurrentUser user, @Valid @RequestBody TemplateView.Body body) {
        return templates.create(user, body);
    }

    /** Replaces the template's fields (send the whole template). */
    @PatchMapping("/{id}")
    TemplateView update(CurrentUser user, @PathVariable String id, @Valid @RequestBody TemplateView.Body body) {
        return templates.update(user, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id) {
        templates.delete(user, id);
        return ResponseEntity.noContent().build();
    }
}
