package dev.accountlinker;

import dev.accountlinker.TestTierFilter.Tier;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tier, and so which surefire execution, a test class belongs to (this class runs in the unit tier). */
class TestTierFilterTest {
    @Test
    void theEndOfTheOutermostClassNameGivesTheTier() {
        assertEquals(Tier.UI, Tier.of("dev.accountlinker.ui.LinkingUiTest"));
        assertEquals(Tier.UI, Tier.of("dev.accountlinker.ui.LinkingUiTest$WhenOffline"));
        assertEquals(Tier.COMPONENT, Tier.of("dev.accountlinker.ui.settings.SettingsViewComponentTest"));
        assertEquals(Tier.COMPONENT, Tier.of("dev.accountlinker.ui.connect.ConnectViewComponentTest$Nested"));
        assertEquals(Tier.UNIT, Tier.of("dev.accountlinker.ui.settings.SettingsViewModelTest"));
        assertEquals(Tier.UNIT, Tier.of("dev.accountlinker.ui.FxmlTest$UiTest"), "a nested class has its outer's");
    }

    @Test
    void thisJvmRunsTheUnitAndComponentTiers() {
        // The pom names each execution's tiers; were it missing, every test would run in every execution.
        assertEquals("unit,component", System.getProperty(TestTierFilter.PROPERTY));
    }

    @Test
    void aTestWithoutASourceOfItsOwnIsInItsClasssTier() {
        // As an ArchUnit rule: a field, under the descriptor of its class.
        Descriptor uiClass = new Descriptor("ui", ClassSource.from("dev.accountlinker.ui.LinkingUiTest"));
        Descriptor unitClass = new Descriptor("unit", ClassSource.from("dev.accountlinker.ArchitectureTest"));
        Descriptor uiRule = new Descriptor("ui-rule", null);
        Descriptor unitRule = new Descriptor("unit-rule", null);
        uiClass.addChild(uiRule);
        unitClass.addChild(unitRule);

        TestTierFilter filter = new TestTierFilter();
        assertTrue(filter.apply(unitRule).included(), "in the unit JVM, a unit test's rule runs");
        assertFalse(filter.apply(uiRule).included(), "a UI test's does not");
    }

    @Test
    void anExecutionOfSeveralTiersRunsEachOfThemAndNoOther() {
        Descriptor component =
                new Descriptor("component", ClassSource.from("dev.accountlinker.ui.connect.ConnectViewComponentTest"));
        Descriptor unit = new Descriptor("unit", ClassSource.from("dev.accountlinker.ArchitectureTest"));
        Descriptor ui = new Descriptor("ui", ClassSource.from("dev.accountlinker.ui.LinkingUiTest"));
        TestTierFilter filter = new TestTierFilter();
        String tiers = System.getProperty(TestTierFilter.PROPERTY);
        try {
            System.setProperty(TestTierFilter.PROPERTY, "component, ui-own-jvm");
            assertTrue(filter.apply(component).included());
            assertFalse(filter.apply(unit).included());
            assertFalse(filter.apply(ui).included(), "a UI class without @OwnJvm is not in ui-own-jvm");
        } finally {
            System.setProperty(TestTierFilter.PROPERTY, tiers);
        }
    }

    private static final class Descriptor extends AbstractTestDescriptor {
        Descriptor(String name, TestSource source) {
            super(UniqueId.root("test", name), name, source);
        }

        @Override
        public Type getType() {
            return getChildren().isEmpty() ? Type.TEST : Type.CONTAINER;
        }
    }
}
