package dev.accountlinker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.accountlinker.launch.InstallerSettingsCheck;
import dev.accountlinker.localtenant.LocalTenantMain;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the developers' guide, checked on the production classes: packages by feature, arrows pointing
 * down only (ui → linking/connect → account/auth/net → config), the local tenant beside the product rather than in
 * it, JavaFX only where the screens are.
 */
@AnalyzeClasses(packages = "dev.accountlinker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "dev.accountlinker";
    private static final String LOCAL_TENANT = "dev.accountlinker.localtenant..";
    private static final String UI = "dev.accountlinker.ui..";
    private static final String LOGGING = "dev.accountlinker.logging..";

    @ArchTest
    static final ArchRule localTenantUsesNothingOfTheProduct = classes()
            .that()
            .resideInAPackage(LOCAL_TENANT)
            .should()
            .onlyDependOnClassesThat(resideInAPackage(LOCAL_TENANT).or(resideOutsideOfPackage(ROOT + "..")))
            .because("the local tenant stands in for Auth0: it must behave as Auth0 does, not as the app expects, "
                    + "and it runs on its own (LocalTenantMain) for testers");

    @ArchTest
    static final ArchRule onlyTheWiringStartsTheLocalTenant = noClasses()
            .that()
            .resideOutsideOfPackage(LOCAL_TENANT)
            .and(not(belongToAnyOf(AppServices.class)))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(LOCAL_TENANT)
            .because("the app talks to the demo tenant over HTTP like to any Auth0 tenant; only AppServices starts it, "
                    + "so no screen or service can take a shortcut into the tenant's own state");

    @ArchTest
    static final ArchRule noJavaFxOutsideTheScreens = noClasses()
            .that()
            .resideOutsideOfPackages(ROOT, UI)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..", "netscape.javascript..")
            .because("rules, services and configuration are plain classes tested without a toolkit; "
                    + "JavaFX belongs to ui and to the root package that starts it");

    @ArchTest
    static final ArchRule servicesNeverReachIntoTheScreens = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.accountlinker.launch..",
                    "dev.accountlinker.config..",
                    "dev.accountlinker.auth..",
                    "dev.accountlinker.account..",
                    "dev.accountlinker.linking..",
                    "dev.accountlinker.errors..",
                    "dev.accountlinker.net..",
                    "dev.accountlinker.connect..",
                    "dev.accountlinker.i18n..",
                    "dev.accountlinker.logging..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(UI)
            .because("the screens use the services, never the other way round: a service that knows a screen "
                    + "cannot be tested or reused without it (the launcher's --help needs the words, not a window)");

    @ArchTest
    static final ArchRule nothingImportsTheRootPackage = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT)
            .because("the root package (Launcher, AccountLinkerApp, AppServices) wires everything together; "
                    + "a feature that reaches back up into it depends on the whole app");

    @ArchTest
    static final ArchRule arrowsPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Wiring")
            .definedBy(ROOT)
            .layer("Screens")
            .definedBy(UI)
            .layer("Launch")
            .definedBy("dev.accountlinker.launch..")
            .layer("Features")
            .definedBy("dev.accountlinker.linking..", "dev.accountlinker.connect..")
            .layer("Words")
            .definedBy("dev.accountlinker.i18n..")
            .layer("Errors")
            .definedBy("dev.accountlinker.errors..")
            .layer("Services")
            .definedBy("dev.accountlinker.account..", "dev.accountlinker.auth..", "dev.accountlinker.net..")
            .layer("Config")
            .definedBy("dev.accountlinker.config..")
            .layer("Logging")
            .definedBy(LOGGING)
            .layer("LocalTenant")
            .definedBy(LOCAL_TENANT)
            .whereLayer("Wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Screens")
            .mayOnlyAccessLayers("Features", "Words", "Errors", "Services", "Config", "Logging")
            .whereLayer("Launch")
            .mayOnlyAccessLayers("Words", "Errors", "Config", "Logging")
            .whereLayer("Features")
            .mayOnlyAccessLayers("Errors", "Services", "Config", "Logging")
            .whereLayer("Words")
            .mayOnlyAccessLayers("Errors", "Config", "Logging")
            .whereLayer("Errors")
            .mayOnlyAccessLayers("Services", "Config", "Logging")
            .whereLayer("Services")
            .mayOnlyAccessLayers("Config", "Logging")
            .whereLayer("Config")
            .mayOnlyAccessLayers("Logging")
            .whereLayer("Logging")
            .mayNotAccessAnyLayer()
            .whereLayer("LocalTenant")
            .mayNotAccessAnyLayer()
            .because(
                    "each layer builds only on the ones below it (ui → linking/connect → account/auth/net → config, "
                            + "with errors and the words in between, the log beneath them all), so any layer can be tested with only what is below it");

    @ArchTest
    static final ArchRule theAppLogsOnlyThroughAppLog = noClasses()
            .that()
            .resideOutsideOfPackage(LOGGING)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.util.logging..")
            .orShould()
            .callMethod(System.class, "getLogger", String.class)
            .because("AppLog sets the logging up at the first record and redacts every record before the file: "
                    + "a logger of its own would write tokens unredacted, or to the console");

    @ArchTest
    static final ArchRule onlyTheCommandLineToolsWriteToTheConsole = noClasses()
            .that()
            .doNotBelongToAnyOf(Launcher.class, InstallerSettingsCheck.class, LocalTenantMain.class)
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            // printStackTrace() prints to System.err. Matched by name: with dependencies outside the app unresolved
            // (archunit.properties), the exception's type is not known to be a Throwable.
            .orShould()
            .callMethodWhere(target(name("printStackTrace")).and(target(rawParameterTypes(new Class<?>[0]))))
            .because("a desktop app's console is seen by nobody: diagnostics go to the log file (AppLog), redacted; "
                    + "only the launcher's one-line messages and the command-line tools speak on the console");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("dev.accountlinker.(*)..")
            .should()
            .beFreeOfCycles()
            .because("two packages that need each other are one feature split in two: neither can change or be "
                    + "tested alone");

    @ArchTest
    static final ArchRule screensHaveNoCycles = slices().matching("dev.accountlinker.ui.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each screen (connect, settings, signin, theme, welcome) can be changed and tested alone; "
                    + "what two screens share lives below them, not in one of them");
}
