package dev.toolocr.server.tasks;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persistent queue: the task rows are the truth, so a crash loses nothing, and a claim is an
 * atomic conditional update, so workers in several processes never take the same task.
 *
 * <p>Fairness is start-time fair queuing: a task's rank is the later of the queue head's rank and one
 * above its owner's last queued task. A user's 500 uploads get ranks h … h+499 while another user's
 * single upload gets h, so it runs right after the head instead of after all 500.
 */
@Component
class TaskQueue {

    private final TaskRepository tasks;
    private final Clock clock;

    TaskQueue(TaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The fair rank for a task its owner enqueues now. */
    long nextRank(String userId) {
        Long head = tasks.lowestQueuedRank(TaskStatus.QUEUED);
        Long own = tasks.highestQueuedRankOf(TaskStatus.QUEUED, userId);
        return Math.max(head == null ? 0 : head, own == null ? Long.MIN_VALUE : own + 1);
    }

    /** Claims the next task for {@code workerId}, if any is waiting. */
    @Transactional
    public Optional<String> claimNext(String workerId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<String> head = tasks.queueHead(TaskStatus.QUEUED, PageRequest.of(0, 5));
            if (head.isEmpty()) {
                return Optional.empty();
            }
            for (String id : head) {
                if (tasks.claim(id, workerId, clock.instant(), TaskStatus.QUEUED, TaskStatus.PROCESSING) == 1) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** How many queued tasks run before this one (0 = next). */
    long positionOf(Task task) {
        if (task.status() != TaskStatus.QUEUED || task.fairRank() == null) {
            return -1;
        }
        return tasks.countAhead(TaskStatus.QUEUED, task.fairRank(), task.queuedAt(), task.id());
    }
}
