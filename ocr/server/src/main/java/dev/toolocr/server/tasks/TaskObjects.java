package dev.toolocr.server.tasks;

import java.util.regex.Pattern;

/**
 * Where a task's files live in object storage: {@code <user>/<task>/input} and
 * {@code <user>/<task>/results/result.<ext>}. Both ids are server-generated UUIDs, checked here, so
 * no key ever carries user input.
 */
final class TaskObjects {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TaskObjects() {}

    /** Everything of one task. */
    static String task(String userId, String taskId) {
        return checked(userId) + "/" + checked(taskId);
    }

    static String input(String userId, String taskId) {
        return task(userId, taskId) + "/input";
    }

    static String results(String userId, String taskId) {
        return task(userId, taskId) + "/results";
    }

    static String result(String userId, String taskId, ResultFormat format) {
        return results(userId, taskId) + "/result." + format.extension();
    }

    private static String checked(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw new IllegalArgumentException("storage ids must be server-generated UUIDs");
        }
        return id;
    }
}
