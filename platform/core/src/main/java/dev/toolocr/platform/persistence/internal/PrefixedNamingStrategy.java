package dev.toolocr.platform.persistence.internal;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** Gives every entity table the configured prefix, the same one the migrations use. */
public final class PrefixedNamingStrategy extends CamelCaseToUnderscoresNamingStrategy {

    private final String prefix;

    public PrefixedNamingStrategy(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment context) {
        Identifier plain = super.toPhysicalTableName(logicalName, context);
        return Identifier.toIdentifier(prefix + plain.getText(), plain.isQuoted());
    }
}
