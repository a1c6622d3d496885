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
    /** PDF/A was asked for, but the PDF's own pages carry something PDF/A forbids. */
    PDFA_NOT_POSSIBLE,
    ENGINE_FAILURE
}
