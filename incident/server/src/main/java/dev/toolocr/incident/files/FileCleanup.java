package dev.toolocr.incident.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.platform.storage.ObjectStorage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes files nobody may see any more: those of a deleted message (in the deleting transaction,
 * so the API stops serving them with the delete) and uploads that no message took within the
 * retention. Their objects are deleted after the commit; a failure there leaves an unreachable
 * object, never a reachable row without bytes.
 */
@Component
class FileCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private final StoredFileRepository files;
    private final ObjectStorage storage;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retention;

    FileCleanup(
            StoredFileRepository files,
            ObjectStorage storage,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            Clock clock,
            FilesProperties properties) {
        this.files = files;
        this.storage = storage;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = properties.unattachedRetention();
    }

    /** Published inside the transaction that deletes the message. */
    @EventListener
    void onRoomEvent(RoomEvents.Recorded event) throws IOException {
        if (!event.type().equals("message.deleted")) {
            return;
        }
        String messageId = json.readTree(event.json()).path("message_id").asText(null);
        if (messageId == null) {
            return;
        }
        List<String> ids = files.idsOf(messageId);
        if (ids.isEmpty()) {
            return;
        }
        files.deleteOf(messageId);
        List<String> prefixes =
                ids.stream().map(id -> StoredFile.prefix(event.roomId(), id)).toList();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteObjects(prefixes);
                }
            });
        } else {
            deleteObjects(prefixes);
        }
    }

    /** Every node may run this; a claim and a removal of the same upload cannot both succeed. */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT5M")
    void removeAbandonedUploads() {
        List<String> removed = tx.execute(status -> {
            List<String> prefixes = new ArrayList<>();
            for (StoredFile f : files.abandoned(clock.instant().minus(retention), PageRequest.of(0, 500))) {
                if (files.deleteIfUnclaimed(f.id()) == 1) {
                    prefixes.add(StoredFile.prefix(f.roomId(), f.id()));
                }
            }
            return prefixes;
        });
        deleteObjects(removed);
    }

    private void deleteObjects(List<String> prefixes) {
        for (String prefix : prefixes) {
            try {
                storage.deletePrefix(prefix);
            } catch (IOException e) {
                log.warn("could not delete the objects under a removed file: {}", e.getMessage());
            }
        }
    }
}
