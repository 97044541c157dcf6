package dev.accountlinker.testkit;

import java.util.Map;

/**
 * The system properties that run JavaFX headless on Monocle, set only where the test run did not set them (so
 * {@code -Dtestfx.headless=false -Dglass.platform=gtk} under Xvfb still shows real windows). They must be in place
 * before the JavaFX toolkit starts: the extension and the robot both apply them as soon as they are loaded, and so
 * does the project's component tier ({@code dev.accountlinker.ui.ComponentExtension}).
 */
public final class HeadlessDefaults {
    static final Map<String, String> PROPERTIES = Map.of(
            "testfx.robot", "glass",
            "testfx.headless", "true",
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",
            "java.awt.headless", "true");

    private HeadlessDefaults() {}

    public static synchronized void apply() {
        PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
