package dev.toolocr.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The boundary rules every application's structure test applies (one definition for both servers). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** A dependency on {@code a.b.internal.X} is allowed only from classes inside {@code a.b}. */
    public static ArchRule nothingUsesAnotherModulesInternalPackage() {
        return classes()
                .should(new ArchCondition<>("use another module's internal package only from inside that module") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            int internal = target.indexOf(".internal");
                            if (!target.startsWith("dev.toolocr.") || internal < 0) {
                                continue;
                            }
                            String owner = target.substring(0, internal);
                            String from = origin.getPackageName();
                            if (!(from.equals(owner) || from.startsWith(owner + "."))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /** Platform modules know no application. */
    public static ArchRule platformKnowsNoApplication() {
        return noClasses()
                .that()
                .resideInAPackage("dev.toolocr.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.toolocr.server..", "dev.toolocr.engine..", "dev.toolocr.incident..");
    }
}
