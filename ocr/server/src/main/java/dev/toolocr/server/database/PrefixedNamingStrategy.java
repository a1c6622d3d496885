package dev.toolocr.server.database;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** Gives every entity table the configured prefix, the same one the migrations use. */
final class PrefixedNamingStrategy extends CamelCaseToUnderscoresNamingStrategy {

    private final String prefix;

    PrefixedNamingStrategy(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment context) {
        Identifier plain = super.toPhysicalTableName(logicalName, context);
        return Identifier.toIdentifier(prefix + plain.getText(), plain.isQuoted());
    }
}
