package dev.toolocr.platform.web;

/** What every application tells browsers about its pages; applied by the platform's web security. */
public final class BrowserPolicy {

    /**
     * Scripts, workers and connections from the application's own origin only: no inline script and no
     * eval. Inline style attributes are allowed (component libraries set them); images may be blob:
     * or data: URLs (page previews are drawn from downloaded bytes).
     */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; worker-src 'self' blob:;"
                    + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
                    + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private BrowserPolicy() {}
}
