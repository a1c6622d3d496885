package dev.toolocr.platform.settings;

/**
 * A configuration value that passed type conversion but cannot be used. Carries the environment
 * variable's name so start-up can tell the operator exactly what to fix; the reason must not echo
 * the value, which may be a secret.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String variable;

    public InvalidSettingException(String variable, String reason) {
        super(variable + " " + reason);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
