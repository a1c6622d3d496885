package dev.toolocr.platform.events;

/**
 * An event every process of an application must see, not only the one that raised it: a task's
 * progress, a cancel request, a session that ended. Records of plain values only, so that they can
 * travel through a broker when one is configured.
 */
public interface SharedEvent {}
