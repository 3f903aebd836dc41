package org.dialdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Date;
import java.util.stream.Stream;

/** The rules of ../shared/design/architecture.md that a machine can check. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dialdesk");

    /** Where a program starts: the only places that may read the system clock. */
    static final Set<String> COMPOSITION_POINTS = Set.of("org.dialdesk.Launcher", "org.dialdesk.App");

    /** The toolkit stays in the screens, their assembly and the entry: the CLI, services and engine run without it. */
    @Test
    void noJavaFxOutsideUiAppAndTheRoot() {
        noClasses().that().resideOutsideOfPackages("org.dialdesk.ui..", "org.dialdesk.app..", "org.dialdesk")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.fxmisc..", "org.dialdesk.ui..", "org.dialdesk.app..")
                .check(MAIN);
    }

    /** A screen reaches another only through ui.common (Navigation); features never import each other. */
    @Test
    void noFeatureImportsAnother() {
        slices().matching("org.dialdesk.ui.(*)..").namingSlices("ui.$1")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("org.dialdesk.ui.common.."))
                .check(MAIN);
    }

    /** Screens go through services: no view or view model touches the stores, the client or the sandbox. */
    @Test
    void screensUseServicesNotStoresOrTheClient() {
        noClasses().that().resideInAPackage("org.dialdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dialdesk.store..", "org.dialdesk.sandbox..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dialdesk.api.DialClient")
                .check(MAIN);
    }

    /** domain holds pure rules and records: no I/O layer, no toolkit. */
    @Test
    void domainIsPure() {
        noClasses().that().resideInAPackage("org.dialdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dialdesk.service..", "org.dialdesk.store..",
                        "org.dialdesk.sandbox..", "org.dialdesk.cli..", "okhttp3..", "java.sql..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.dialdesk.api.DialClient")
                .check(MAIN);
    }

    /** Services are what screens, commands and the engine call: they know none of those. */
    @Test
    void servicesKnowNoCallers() {
        noClasses().that().resideInAPackage("org.dialdesk.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dialdesk.cli..", "org.dialdesk.sandbox..",
                        "org.dialdesk.bulk..")
                .check(MAIN);
    }

    /** Profiles and their keys are below the services and screens: they know neither, nor the commands. */
    @Test
    void profilesKnowNoServicesScreensOrCommands() {
        noClasses().that().resideInAPackage("org.dialdesk.profile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dialdesk.service..", "org.dialdesk.ui..",
                        "org.dialdesk.app..", "org.dialdesk.cli..", "org.dialdesk.sandbox..", "org.dialdesk.bulk..")
                .check(MAIN);
    }

    /** The screens' state and logic (view models and their small models) know no controls: they test without a window. */
    @Test
    void viewModelsUseNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                .or().haveSimpleName("DialAttempt").or().haveSimpleName("DialPickers").or().haveSimpleName("DialFormFill")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "atlantafx..", "org.controlsfx..",
                        "org.fxmisc..")
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
                    public boolean test(JavaClass type) {
                        String outermost = type.getName().replaceFirst("\\$.*", "");
                        return !COMPOSITION_POINTS.contains(outermost);
                    }
                })
                .should().callMethodWhere(readsTheSystemClock())
                .check(MAIN);
        // What the rule above cannot see: Instant::now handed on as a method reference, and new Date().
        List<String> hidden = MAIN.stream()
                .filter(type -> !COMPOSITION_POINTS.contains(type.getName().replaceFirst("\\$.*", "")))
                .flatMap(type -> Stream.concat(
                        type.getMethodReferencesFromSelf().stream()
                                .filter(ref -> ref.getName().equals("now") || ref.getName().startsWith("system")
                                        || ref.getName().equals("currentTimeMillis"))
                                .filter(ref -> ref.getTargetOwner().getName().startsWith("java.time.")
                                        || ref.getTargetOwner().isEquivalentTo(System.class))
                                .map(ref -> ref.getDescription()),
                        type.getConstructorCallsFromSelf().stream()
                                .filter(call -> call.getTargetOwner().isEquivalentTo(Date.class)
                                        && call.getTarget().getRawParameterTypes().isEmpty())
                                .map(call -> call.getDescription())))
                .toList();
        assertEquals(List.of(), hidden);
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
