package dev.toolocr.incident.rooms;

import dev.toolocr.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Group commit for sends: a few lanes, each one thread that takes what queued up while it was
 * committing and hands it to {@code commit} as one batch (one transaction). A room always maps to
 * the same lane, so a room's sends stay in arrival order and two lanes of a process never wait on
 * each other's room locks. The batch's futures are completed by {@code commit}, after its commit:
 * nothing is acknowledged that could still be lost.
 */
final class GroupCommit<T extends GroupCommit.Pending> {

    /** One queued send; {@code roomId} picks its lane. */
    interface Pending {
        String roomId();

        CompletableFuture<?> done();
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final List<BlockingQueue<T>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int maxBatch;
    private final Consumer<List<T>> commit;
    private volatile boolean closed;

    GroupCommit(String name, int laneCount, int maxBatch, int queuePerLane, Consumer<List<T>> commit) {
        this.maxBatch = maxBatch;
        this.commit = commit;
        for (int i = 0; i < laneCount; i++) {
            BlockingQueue<T> queue = new ArrayBlockingQueue<>(queuePerLane);
            lanes.add(queue);
            Thread t = new Thread(() -> run(queue), name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Queues a send, or refuses it with 503 when its lane is full (the server is overloaded). False
     * once closing: the caller then does the work itself.
     */
    synchronized boolean submit(T pending) {
        if (closed) {
            return false;
        }
        BlockingQueue<T> lane = lanes.get(Math.floorMod(pending.roomId().hashCode(), lanes.size()));
        if (!lane.offer(pending)) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "server-busy", "The server is busy; send again.", Map.of());
        }
        return true;
    }

    /** Stops taking sends and commits what is queued before returning. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(BlockingQueue<T> queue) {
        List<T> batch = new ArrayList<>(maxBatch);
        while (true) {
            T first;
            try {
                // Not interrupted to stop: an interrupt would break a connection borrow mid-commit.
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed) {
                    return; // closed and drained
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                commit.accept(batch);
            } catch (RuntimeException | Error e) {
                // commit completes every future itself; this only guards the lane against a bug there.
                log.error("A batch of sends failed unexpectedly", e);
                for (T p : batch) {
                    p.done().completeExceptionally(e);
                }
            }
            batch.clear();
        }
    }
}
