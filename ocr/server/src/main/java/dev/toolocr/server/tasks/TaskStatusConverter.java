package dev.toolocr.server.tasks;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses as the lower-case words the API and the original clients use. */
@Converter(autoApply = true)
class TaskStatusConverter implements AttributeConverter<TaskStatus, String> {

    @Override
    public String convertToDatabaseColumn(TaskStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public TaskStatus convertToEntityAttribute(String value) {
        return value == null ? null : TaskStatus.fromWire(value);
    }
}
