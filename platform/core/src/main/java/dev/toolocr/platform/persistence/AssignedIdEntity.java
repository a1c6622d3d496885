package dev.toolocr.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose creator assigns its id and only ever inserts it once. Spring Data takes an entity
 * with an id for an existing one and reads it before saving; this one is new until it has been
 * persisted or loaded, so {@code save} inserts without that extra SELECT on a hot path.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    protected void markStored() {
        stored = true;
    }
}
