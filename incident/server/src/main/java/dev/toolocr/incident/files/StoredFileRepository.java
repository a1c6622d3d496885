package dev.toolocr.incident.files;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StoredFileRepository extends JpaRepository<StoredFile, String> {

    /** A file the API may still show: not removed with its message or as an abandoned upload. */
    @Query("select f from StoredFile f where f.id = :id and f.deleted = false")
    Optional<StoredFile> findLive(String id);

    /**
     * Claims the files for a message in one conditional update: only the uploader's own live,
     * unattached files of this room change, so a concurrent claim of the same file updates nothing.
     */
    @Modifying(flushAutomatically = true)
    @Query("""
            update StoredFile f set f.messageId = :messageId
            where f.id in :ids and f.roomId = :roomId and f.uploadedBy = :uploaderId
              and f.messageId is null and f.deleted = false""")
    int claim(Collection<String> ids, String roomId, String uploaderId, String messageId);

    /** Rows, not entities: a claim just made by bulk update is seen even where entities are cached. */
    @Query("""
            select new dev.toolocr.incident.files.AttachedFile(
                f.messageId, f.id, f.filename, f.mimeType, f.size, f.width, f.height, f.hasPreview)
            from StoredFile f where f.messageId in :messageIds and f.deleted = false
            order by f.createdAt asc, f.id asc""")
    List<AttachedFile> attachedTo(Collection<String> messageIds);

    @Query("select f.id from StoredFile f where f.messageId = :messageId and f.deleted = false")
    List<String> idsOf(String messageId);

    @Modifying(flushAutomatically = true)
    @Query("update StoredFile f set f.deleted = true where f.messageId = :messageId")
    int deleteOf(String messageId);

    @Query("""
            select f from StoredFile f
            where f.messageId is null and f.deleted = false and f.createdAt < :before
            order by f.createdAt asc""")
    List<StoredFile> abandoned(Instant before, Pageable page);

    /** Removes an upload only while no message has claimed it (a send may be claiming it right now). */
    @Modifying(flushAutomatically = true)
    @Query("update StoredFile f set f.deleted = true where f.id = :id and f.messageId is null and f.deleted = false")
    int deleteIfUnclaimed(String id);
}
