package dev.toolocr.incident.templates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A template as the API shows it; rooms read it when they are created from it. */
public record TemplateView(
        String id,
        String name,
        String category,
        String defaultSeverity,
        String titlePrefix,
        String description,
        List<String> defaultMemberEmails,
        List<String> checklist,
        List<EscalationStep> escalation,
        Instant updatedAt) {

    /** After {@code after_minutes} without acknowledgement, these people are told. */
    public record EscalationStep(
            @NotNull @Min(1) @Max(10080) Integer afterMinutes,
            @NotEmpty @Size(max = 20) List<@Email @NotBlank String> notifyEmails) {}

    /** What admins send to create or replace a template. */
    public record Body(
            @NotBlank @Size(max = 120) String name,

            @NotNull @Pattern(regexp = "machine_down|quality|material|safety|other")
            String category,

            @NotNull @Pattern(regexp = "critical|high|medium|low")
            String defaultSeverity,

            @Size(max = 60) String titlePrefix,
            @Size(max = 4000) String description,
            @Size(max = 50) List<@Email @NotBlank String> defaultMemberEmails,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> checklist,
            @Size(max = 10) List<@Valid EscalationStep> escalation) {}
}
