package dev.toolocr.incident.files;

import dev.toolocr.incident.files.FileEvents.FileDownloaded;
import dev.toolocr.incident.files.FileEvents.FileUploaded;
import dev.toolocr.incident.files.FileEvents.Variant;
import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.storage.NoSuchObjectException;
import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectStorage.StoredObject;
import dev.toolocr.platform.storage.ObjectTooLargeException;
import dev.toolocr.platform.storage.Streams;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and downloads of a room's files. Bytes go only through the platform's {@link
 * ObjectStorage}; the database row is written last, so a failed upload leaves no file the API knows.
 *
 * <p>Previews and thumbnails are made during the upload rather than on first view: the uploader then
 * learns at once whether the image is readable ({@code has_preview} is a fact, not a promise), the
 * one decode happens once instead of racing on every node when a room full of phones opens the
 * message, and downloads stay plain storage reads. The cost is a slower upload for large photos,
 * bounded by the header pixel check and the subsampled decode in {@link Renditions}.
 */
@Service
class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    /** An opened file: what to tell the browser, and the bytes (the caller closes them). */
    record Download(
            String fileId,
            String contentType,
            boolean inline,
            String filename,
            long length,
            String etag,
            InputStream body) {}

    private final StoredFileRepository files;
    private final RoomAccess access;
    private final ObjectStorage storage;
    private final Renditions renditions;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;

    FileService(
            StoredFileRepository files,
            RoomAccess access,
            ObjectStorage storage,
            Renditions renditions,
            ApplicationEventPublisher publisher,
            PlatformTransactionManager transactions,
            Clock clock,
            FilesProperties properties) {
        this.files = files;
        this.access = access;
        this.storage = storage;
        this.renditions = renditions;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxBytes = properties.maxSize().toBytes();
    }

    Attachment upload(CurrentUser user, String roomId, MultipartFile upload) {
        access.requireCanAct(user, roomId);
        if (upload == null) {
            throw ApiException.invalid("file-required", "Send the file as the multipart part named 'file'.");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("irs-upload-", ".part");
            long size;
            try (InputStream in = upload.getInputStream();
                    OutputStream out = Files.newOutputStream(temp)) {
                size = Streams.copyLimited(in, out, maxBytes);
            } catch (ObjectTooLargeException e) {
                throw tooLarge();
            }
            if (size == 0) {
                throw ApiException.invalid("empty-file", "The file is empty.");
            }
            return store(user, roomId, upload.getOriginalFilename(), temp);
        } catch (IOException e) {
            throw unavailable(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("could not remove a temporary upload: {}", e.getMessage());
                }
            }
        }
    }

    private Attachment store(CurrentUser user, String roomId, String originalName, Path temp) throws IOException {
        FileType type = FileType.sniff(temp);
        Renditions.Result images = null;
        if (type.image()) {
            // The header first: a decompression bomb is refused here, before any pixel is decoded.
            Renditions.Size declared = renditions.inspect(temp, type);
            images = renditions.render(temp, type, declared);
        }
        String id = UUID.randomUUID().toString();
        String prefix = StoredFile.prefix(roomId, id);
        try {
            StoredObject original;
            try (InputStream in = Files.newInputStream(temp)) {
                original = storage.put(prefix + "/original", in, maxBytes);
            }
            if (images != null) {
                put(prefix + "/preview", images.preview().bytes());
                put(prefix + "/thumbnail", images.thumbnail().bytes());
            }
            StoredFile file = new StoredFile(
                    id,
                    roomId,
                    user.id(),
                    FileNames.sanitise(originalName),
                    type.mimeType(),
                    original.size(),
                    original.sha256(),
                    images == null ? null : images.width(),
                    images == null ? null : images.height(),
                    images != null,
                    original.key(),
                    clock.instant());
            tx.executeWithoutResult(status -> files.saveAndFlush(file));
            publisher.publishEvent(new FileUploaded(
                    id, roomId, user.id(), type.mimeType(), original.size(), original.sha256(), clock.instant()));
            return file.view();
        } catch (IOException | RuntimeException e) {
            try {
                storage.deletePrefix(prefix);
            } catch (IOException cleanup) {
                log.warn("could not remove the objects of a failed upload {}: {}", id, cleanup.getMessage());
            }
            throw e;
        }
    }

    private void put(String key, byte[] bytes) throws IOException {
        storage.put(key, new ByteArrayInputStream(bytes), bytes.length);
    }

    /** The bytes of a file (or its preview or thumbnail) for a reader of its room; 404 for anyone else. */
    Download open(CurrentUser user, String fileId, Variant variant) {
        StoredFile file = tx.execute(status -> files.findLive(fileId)
                .filter(f -> access.canRead(user, f.roomId()))
                .orElseThrow(() -> ApiException.notFound("File")));
        if (variant != Variant.ORIGINAL && !file.hasPreview()) {
            throw ApiException.notFound("Preview");
        }
        String key = switch (variant) {
            case ORIGINAL -> file.storageKey();
            case PREVIEW -> StoredFile.prefix(file.roomId(), file.id()) + "/preview";
            case THUMBNAIL -> StoredFile.prefix(file.roomId(), file.id()) + "/thumbnail";
        };
        try {
            InputStream body = new BufferedInputStream(storage.open(key));
            publisher.publishEvent(
                    new FileDownloaded(file.id(), file.roomId(), user.id(), user.email(), variant, clock.instant()));
            String etag = "\"" + file.sha256() + "-" + variant.name().toLowerCase(java.util.Locale.ROOT) + "\"";
            if (variant == Variant.ORIGINAL) {
                // Raster images we could decode may be shown; anything else (HTML, SVG, XML, scripts,
                // PDFs, archives, text) is a download of opaque bytes that no browser will run.
                boolean inline = file.hasPreview();
                return new Download(
                        file.id(),
                        inline ? file.mimeType() : "application/octet-stream",
                        inline,
                        file.filename(),
                        file.size(),
                        etag,
                        body);
            }
            String rendered = renditionType(body);
            return new Download(file.id(), rendered, true, renamed(file.filename(), variant, rendered), -1, etag, body);
        } catch (NoSuchObjectException e) {
            log.error("file {} has no stored object under its key", file.id());
            throw ApiException.notFound("File");
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** Renditions are JPEG or PNG; which one is in their first bytes (the stream is marked and reset). */
    private static String renditionType(InputStream body) throws IOException {
        body.mark(8);
        int first = body.read();
        body.reset();
        return first == 0x89 ? "image/png" : "image/jpeg";
    }

    private static String renamed(String filename, Variant variant, String mimeType) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        String suffix = variant == Variant.PREVIEW ? "-preview" : "-thumbnail";
        return stem + suffix + (mimeType.equals("image/png") ? ".png" : ".jpg");
    }

    private ApiException tooLarge() {
        return new ApiException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "file-too-large",
                "The file is larger than the limit of " + maxBytes + " bytes.",
                Map.of("max_bytes", maxBytes));
    }

    private static ApiException unavailable(IOException e) {
        log.warn("file storage failed: {}", e.getMessage());
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, "File storage is unavailable; try again shortly.");
    }
}
