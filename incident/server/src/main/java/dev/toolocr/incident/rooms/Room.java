package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Status;
import dev.toolocr.incident.rooms.Codes.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One incident. Its status moves only through the lifecycle methods, which guard the transitions. */
@Entity
@Table(name = "rooms")
public class Room {

    private static final Set<Status> CANCELLABLE = EnumSet.of(Status.OPEN, Status.ACKNOWLEDGED, Status.IN_PROGRESS);

    @Id
    private String id;

    private String title;
    private String description;
    private String line;
    private String station;
    private String equipment;
    private String workOrder;
    private String category;
    private String severity;
    private int severityRank;
    private String visibility;
    private String status;
    private int statusRank;
    private String templateId;
    private String createdBy;
    private Instant reportedAt;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private Instant cancelledAt;
    private String resolution;
    private Instant updatedAt;

    /** Raised only by {@link RoomEventLog}'s locking update, never by flushing this entity. */
    @Column(updatable = false)
    private long lastSeq;

    protected Room() {}

    Room(RoomContext context, Visibility visibility, String templateId, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        apply(context);
        setVisibility(visibility);
        this.templateId = templateId;
        this.createdBy = createdBy;
        this.reportedAt = now;
        this.updatedAt = now;
        moveTo(Status.OPEN);
    }

    /** The fields a creator and an owner describe the incident with. */
    record RoomContext(
            String title,
            String description,
            String line,
            String station,
            String equipment,
            String workOrder,
            Category category,
            Severity severity) {}

    void apply(RoomContext c) {
        this.title = c.title().strip();
        this.description = blankToNull(c.description());
        this.line = c.line().strip();
        this.station = blankToNull(c.station());
        this.equipment = blankToNull(c.equipment());
        this.workOrder = blankToNull(c.workOrder());
        this.category = c.category().code();
        this.severity = c.severity().code();
        this.severityRank = c.severity().ordinal();
    }

    void setVisibility(Visibility v) {
        this.visibility = v.code();
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void acknowledge(Instant now) {
        require(status() == Status.OPEN);
        acknowledgedAt = now;
        moveTo(Status.ACKNOWLEDGED);
        updatedAt = now;
    }

    void start(Instant now) {
        require(status() == Status.ACKNOWLEDGED);
        moveTo(Status.IN_PROGRESS);
        updatedAt = now;
    }

    void resolve(String resolution, Instant now) {
        require(status() == Status.IN_PROGRESS);
        this.resolution = resolution.strip();
        resolvedAt = now;
        moveTo(Status.RESOLVED);
        updatedAt = now;
    }

    void close(Instant now) {
        require(status() == Status.RESOLVED);
        closedAt = now;
        moveTo(Status.CLOSED);
        updatedAt = now;
    }

    void cancel(Instant now) {
        require(CANCELLABLE.contains(status()));
        cancelledAt = now;
        moveTo(Status.CANCELLED);
        updatedAt = now;
    }

    /** Back to work: the resolution times are cleared so the next resolve measures again. */
    void reopen(Instant now) {
        require(status() == Status.RESOLVED || status() == Status.CLOSED);
        resolvedAt = null;
        closedAt = null;
        moveTo(Status.IN_PROGRESS);
        updatedAt = now;
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new InvalidTransitionException(status());
        }
    }

    private void moveTo(Status next) {
        status = next.code();
        statusRank = next.ordinal();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String line() {
        return line;
    }

    public String station() {
        return station;
    }

    public String equipment() {
        return equipment;
    }

    public String workOrder() {
        return workOrder;
    }

    public Category category() {
        return Category.of(category);
    }

    public Severity severity() {
        return Severity.of(severity);
    }

    public Visibility visibility() {
        return Visibility.of(visibility);
    }

    public Status status() {
        return Status.of(status);
    }

    public String templateId() {
        return templateId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String resolution() {
        return resolution;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Long timeToAcknowledgeSeconds() {
        return acknowledgedAt == null
                ? null
                : Duration.between(reportedAt, acknowledgedAt).toSeconds();
    }

    public Long timeToResolveSeconds() {
        return resolvedAt == null
                ? null
                : Duration.between(reportedAt, resolvedAt).toSeconds();
    }
}
