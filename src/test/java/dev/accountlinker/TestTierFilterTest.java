package dev.accountlinker;

import dev.accountlinker.TestTierFilter.Tier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void thisJvmRunsTheUnitTier() {
        // The pom names each execution's tier; were it missing, every test would run in every execution.
        assertEquals("unit", System.getProperty(TestTierFilter.PROPERTY));
    }
}
