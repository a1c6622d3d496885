package dev.toolocr.platform.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A parsed database location: JDBC URL, credentials and vendor. Accepts JDBC URLs as well as the
 * {@code postgresql://user:pass@host:5432/db} form that hosting panels hand out.
 */
public record DatabaseTarget(String jdbcUrl, String username, String password, Vendor vendor) {

    public enum Vendor {
        H2("TIMESTAMP(6)"),
        POSTGRESQL("TIMESTAMP(6)"),
        MYSQL("DATETIME(6)");

        private final String timestampType;

        Vendor(String timestampType) {
            this.timestampType = timestampType;
        }

        /** MariaDB/MySQL TIMESTAMP stops at 2038, so they get DATETIME; both hold UTC values. */
        public String timestampType() {
            return timestampType;
        }
    }

    public static DatabaseTarget parse(String url, String username, String password) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseTarget(normaliseH2(trimmed), username, password, vendorOf(trimmed));
        }
        return fromUri(trimmed, username, password);
    }

    /** The URL without any password it may carry, fit for logs and error messages. */
    public static String redact(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static DatabaseTarget fromUri(String url, String username, String password) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid database URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String jdbcScheme = switch (scheme) {
            case "postgres", "postgresql" -> "postgresql";
            case "mariadb" -> "mariadb";
            case "mysql" -> "mysql";
            default ->
                throw new IllegalArgumentException(
                        "must be a JDBC URL (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:h2:)"
                                + " or a postgresql://, mysql:// or mariadb:// URL");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("must name a host");
        }
        String user = username;
        String pass = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            if (user.isEmpty()) {
                user = decode(parts[0]);
            }
            if (pass.isEmpty() && parts.length > 1) {
                pass = decode(parts[1]);
            }
        }
        StringBuilder jdbc =
                new StringBuilder("jdbc:").append(jdbcScheme).append("://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new DatabaseTarget(jdbc.toString(), user, pass, vendorOf(jdbc.toString()));
    }

    private static Vendor vendorOf(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return Vendor.MYSQL;
        }
        throw new IllegalArgumentException("names an unsupported database; use PostgreSQL, MariaDB/MySQL or H2");
    }

    /** H2 refuses paths that are implicitly relative; resolve them against the working directory. */
    private static String normaliseH2(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (!jdbcUrl.startsWith(prefix)) {
            return jdbcUrl;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int options = rest.indexOf(';');
        String file = options < 0 ? rest : rest.substring(0, options);
        String tail = options < 0 ? "" : rest.substring(options);
        return prefix + Path.of(file).toAbsolutePath().normalize() + tail;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + redact(jdbcUrl) + ", vendor=" + vendor + "]";
    }
}
