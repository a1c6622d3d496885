package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.server.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The pipeline's guarantees with the real queue, storage and engine; workers are off (pool size 0)
 * so the test decides when each task runs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:pipeline;DB_CLOSE_DELAY=-1",
            "tool-ocr.tasks.workers.pool-size=0",
            "tool-ocr.tasks.retention-days=30"
        })
@Import(MovableClock.Config.class)
class TaskPipelineIT {

    @Autowired
    TaskService service;

    @Autowired
    TaskQueue queue;

    @Autowired
    WorkerPool workers;

    @Autowired
    TaskRepository tasks;

    @Autowired
    RetentionJob retention;

    @Autowired
    ObjectStorage storage;

    @Autowired
    UserDirectory directory;

    @Autowired
    TaskStatistics statistics;

    @Autowired
    MovableClock clock;

    private String alice;
    private String bob;

    @BeforeEach
    void users() {
        // Drain anything a previous test left queued so each test sees only its own tasks.
        while (queue.claimNext("drain").isPresent()) {
            // claimed tasks stay processing and are ignored below
        }
        String stamp = Long.toString(System.nanoTime());
        String admin = directory
                .list(null, 0, 1, "created_at", false)
                .getContent()
                .get(0)
                .id();
        alice = directory
                .createLocalUser("alice" + stamp + "@example.com", "Alice", "Alice-password-1", admin)
                .id();
        bob = directory
                .createLocalUser("bob" + stamp + "@example.com", "Bob", "Bob-password-123", admin)
                .id();
    }

    @Test
    void oneUsersBacklogDoesNotStarveAnothersSingleUpload() throws Exception {
        for (int i = 0; i < 6; i++) {
            upload(alice, "typewriter.png", "a" + i + ".png");
        }
        TaskService.TaskDetails bobs = upload(bob, "typewriter.png", "b.png");

        List<String> order = new ArrayList<>();
        Optional<String> next;
        while ((next = queue.claimNext("test")).isPresent()) {
            order.add(tasks.findById(next.get()).orElseThrow().userId());
        }
        assertThat(order).hasSize(7);
        assertThat(order.indexOf(bob)).as("bob's position in the run order").isLessThanOrEqualTo(1);
    }

    @Test
    void identicalUploadReusesEarlierResults() throws Exception {
        TaskService.TaskDetails first = upload(alice, "typewriter.png", "one.png");
        runNext();
        TaskService.TaskDetails second = upload(alice, "typewriter.png", "two.png");
        runNext();

        Task again = tasks.findById(second.task().id()).orElseThrow();
        assertThat(again.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(again.reusedFromTaskId()).isEqualTo(first.task().id());
        assertThat(read(again.resultKey(ResultFormat.TXT)))
                .isEqualTo(read(tasks.findById(first.task().id()).orElseThrow().resultKey(ResultFormat.TXT)));
    }

    @Test
    void storageUseIsTheRecordedSizeOfInputsAndResults() throws Exception {
        long before = statistics.storedBytes();
        TaskService.TaskDetails task = upload(alice, "linn.png", "sized.png");
        runNext();

        String id = task.task().id();
        assertThat(tasks.findById(id).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(storage.list(TaskObjects.results(alice, id))).isNotEmpty();
        assertThat(statistics.storedBytes() - before).isEqualTo(storage.sizeOfPrefix(TaskObjects.task(alice, id)));
    }

    @Test
    void cancelWhileProcessingStopsWithinAPageAndLeavesNoResults() throws Exception {
        TaskService.TaskDetails task = upload(alice, "cardinal.pdf", "four-pages.pdf");
        String id = task.task().id();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<?> running = runner.submit(() -> workers.runOnce());
        long deadline = System.currentTimeMillis() + 60_000;
        while (tasks.findById(id).orElseThrow().pagesDone() < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        service.cancel(alice, id);
        long cancelledAt = System.nanoTime();
        running.get();
        runner.shutdown();

        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(30));
        Task after = tasks.findById(id).orElseThrow();
        assertThat(after.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(after.pagesDone()).isLessThan(4);
        assertThat(storage.list(TaskObjects.results(alice, id))).isEmpty();
        assertThat(storage.list(TaskObjects.task(alice, id))).containsExactly(TaskObjects.input(alice, id));
    }

    @Test
    void retentionRemovesOldFilesKeepsTheRowAndDownloadsAnswerGone() throws Exception {
        TaskService.TaskDetails old = upload(alice, "typewriter.png", "old.png");
        runNext();
        clock.advance(Duration.ofDays(31));
        try {
            assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
        Task purged = tasks.findById(old.task().id()).orElseThrow();
        assertThat(purged.fileDeleted()).isTrue();
        assertThat(storage.list(TaskObjects.task(alice, purged.id()))).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> service.download(alice, purged.id(), ResultFormat.TXT)))
                .isInstanceOfSatisfying(
                        dev.toolocr.platform.web.ApiException.class,
                        e -> assertThat(e.status().value()).isEqualTo(410));
    }

    @Test
    void twentyUsersUploadingAtOnceLoseAndDuplicateNothing() throws Exception {
        String admin = directory
                .list(null, 0, 1, "created_at", false)
                .getContent()
                .get(0)
                .id();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(directory
                    .createLocalUser(
                            "load" + i + "-" + System.nanoTime() + "@example.com", "L" + i, "Load-password-1", admin)
                    .id());
        }
        byte[] png = Files.readAllBytes(corpus("typewriter.png"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<List<String>>> calls = new ArrayList<>();
        for (String user : users) {
            calls.add(() -> {
                List<String> ids = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    ids.addAll(service
                            .create(
                                    user,
                                    List.of(new TaskService.Upload(
                                            "p" + k + ".png", () -> new java.io.ByteArrayInputStream(png))),
                                    TaskOptions.DEFAULTS,
                                    false)
                            .stream()
                            .map(d -> d.task().id())
                            .toList());
                }
                return ids;
            });
        }
        Set<String> all = new HashSet<>();
        int count = 0;
        for (Future<List<String>> f : pool.invokeAll(calls)) {
            count += f.get().size();
            all.addAll(f.get());
        }
        pool.shutdown();

        assertThat(count).isEqualTo(60);
        assertThat(all).hasSize(60);
        for (String user : users) {
            assertThat(tasks.countByUserId(user)).isEqualTo(3);
        }
    }

    private void runNext() {
        assertThat(workers.runOnce()).isTrue();
    }

    private TaskService.TaskDetails upload(String user, String corpusFile, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(corpus(corpusFile));
        // English named, not detected: these are the pipeline's guarantees, and detection (the
        // engine's, tested there) adds a script pass per page and sometimes a second reading.
        return service.create(
                        user,
                        List.of(new TaskService.Upload(name, () -> new java.io.ByteArrayInputStream(bytes))),
                        TaskOptions.from(TaskOptions.DEFAULTS, "eng", null, "txt,json", null),
                        true)
                .get(0);
    }

    private String read(String key) throws Exception {
        try (var in = storage.open(key)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Path corpus(String name) {
        return Path.of(System.getProperty("toolocr.corpus", "../../../shared/corpus/ocrmypdf"))
                .resolve(name);
    }
}
