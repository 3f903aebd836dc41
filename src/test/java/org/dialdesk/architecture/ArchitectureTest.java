package org.dialdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of ../shared/design/architecture.md that a machine can check. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dialdesk");

    /** Where a program starts: the only places that may read the system clock. */
    static final Set<String> COMPOSITION_POINTS = Set.of("org.dialdesk.Launcher", "org.dialdesk.App",
            "org.dialdesk.cli.Cli");

    @Test
    void nonUiPackagesImportNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.dialdesk.api..", "org.dialdesk.sandbox..", "org.dialdesk.store..",
                        "org.dialdesk.bulk..", "org.dialdesk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.dialdesk.ui..")
                .check(MAIN);
    }

    @Test
    void viewModelsUseNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "atlantafx..", "org.controlsfx..")
                .check(MAIN);
    }

    @Test
    void theSandboxIsAnIndependentImplementationOfTheContract() {
        noClasses().that().resideInAPackage("org.dialdesk.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dialdesk.api..", "okhttp3..")
                .check(MAIN);
    }

    /**
     * A read-only JavaFX wrapper follows its source through a weak listener: made afresh in a
     * getter, with nothing holding it, it is collected and the listeners added to it go silent.
     * Wrappers are made once, where fields are set.
     */
    @Test
    void readOnlyCollectionWrappersAreMadeOnceInFields() {
        List<String> madeInMethods = MAIN.stream()
                .flatMap(type -> type.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().getName().equals("javafx.collections.FXCollections")
                        && call.getName().startsWith("unmodifiable"))
                .filter(call -> !call.getOrigin().isConstructor() && !call.getOrigin().getName().equals("<clinit>"))
                .map(JavaMethodCall::getDescription)
                .toList();
        assertEquals(List.of(), madeInMethods);
    }

    /**
     * Everything that needs "now" takes a {@link Clock}, so tests can fix time and never depend on
     * the day they run; only the composition points read the system clock and hand it on.
     */
    @Test
    void onlyTheCompositionPointsReadTheSystemClock() {
        noClasses().that(new DescribedPredicate<>("are not a composition point " + COMPOSITION_POINTS) {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
                        String outermost = type.getName().replaceFirst("\\$.*", "");
                        return !COMPOSITION_POINTS.contains(outermost);
                    }
                })
                .should().callMethodWhere(readsTheSystemClock())
                .check(MAIN);
    }

    /** {@code Clock.system…()}, {@code X.now()} without a clock, {@code System.currentTimeMillis()}. */
    static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        return new DescribedPredicate<>("read the system clock") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                if (owner.equals(Clock.class.getName())) {
                    return name.startsWith("system");
                }
                if (owner.equals(System.class.getName())) {
                    return name.equals("currentTimeMillis");
                }
                return owner.startsWith("java.time.") && name.equals("now")
                        && call.getTarget().getRawParameterTypes().stream()
                                .noneMatch(type -> type.isEquivalentTo(Clock.class));
            }
        };
    }
}
