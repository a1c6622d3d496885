package dev.toolocr.server.tasks;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for each user's own tasks: state changes, page progress and queue positions.
 * Emitters are keyed by owner, so an event can only ever reach the task's owner.
 */
@Component
class TaskEventStream implements SmartLifecycle {

    /** Queue positions are computed over this many head entries; beyond it clients see "later". */
    private static final int POSITION_WINDOW = 1000;

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final TaskRepository tasks;
    private final Map<String, Set<SseEmitter>> byUser = new ConcurrentHashMap<>();
    private volatile boolean running;

    TaskEventStream(TaskRepository tasks) {
        this.tasks = tasks;
    }

    SseEmitter open(String userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Set<SseEmitter> emitters = byUser.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>());
        emitters.add(emitter);
        Runnable remove = () -> {
            emitters.remove(emitter);
            byUser.computeIfPresent(userId, (id, set) -> set.isEmpty() ? null : set);
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, emitter, "ready", Map.of("connected", true));
        return emitter;
    }

    @EventListener
    void onTaskChanged(TaskChanged changed) {
        Set<SseEmitter> emitters = byUser.get(changed.userId());
        if (emitters == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("task_id", changed.taskId());
        payload.put("status", changed.status());
        payload.put("pages_done", changed.pagesDone());
        payload.put("pages_total", changed.pagesTotal());
        if (changed.errorCode() != null) {
            payload.put("error_code", changed.errorCode());
        }
        emitters.forEach(e -> send(changed.userId(), e, "task", payload));
    }

    /** Positions move whenever any task starts, so refresh them for connected users. */
    @Scheduled(fixedDelay = 2000)
    void publishQueuePositions() {
        if (byUser.isEmpty()) {
            return;
        }
        List<Object[]> order = tasks.queueOrder(TaskStatus.QUEUED, PageRequest.of(0, POSITION_WINDOW));
        Map<String, Map<String, Integer>> positions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String taskId = (String) order.get(i)[0];
            String owner = (String) order.get(i)[1];
            if (byUser.containsKey(owner)) {
                positions.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(taskId, i);
            }
        }
        positions.forEach((owner, mine) -> {
            Set<SseEmitter> emitters = byUser.get(owner);
            if (emitters != null) {
                Map<String, Object> payload = Map.of("positions", mine, "window", POSITION_WINDOW);
                emitters.forEach(e -> send(owner, e, "queue", payload));
            }
        });
    }

    /** Keeps proxies from closing idle streams and notices clients that went away. */
    @Scheduled(fixedDelay = 15000)
    void keepAlive() {
        byUser.forEach((owner, emitters) -> emitters.forEach(e -> {
            try {
                e.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException ex) {
                emitters.remove(e);
            }
        }));
    }

    private void send(String owner, SseEmitter emitter, String name, Object payload) {
        try {
            emitter.send(SseEmitter.event().name(name).data(payload));
        } catch (IOException | IllegalStateException e) {
            Set<SseEmitter> emitters = byUser.get(owner);
            if (emitters != null) {
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Open streams would hold graceful shutdown for its whole timeout; end them first. */
    @Override
    public void stop() {
        running = false;
        byUser.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        byUser.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
