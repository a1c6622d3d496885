package dev.toolocr.engine;

/** Why a document could not be processed; stable, for callers to map to their own errors. */
public enum ErrorCode {
    EMPTY_FILE,
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    ENCRYPTED_PDF,
    CORRUPT_FILE,
    LANGUAGE_NOT_INSTALLED,
    PAGE_TIMEOUT,
    ENGINE_FAILURE
}
