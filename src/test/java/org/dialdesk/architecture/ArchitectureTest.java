package org.dialdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client, sandbox, store, bulk engine and CLI must run without the UI toolkit. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dialdesk");

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
}
