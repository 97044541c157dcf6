package dev.accountlinker.testkit;

import java.util.Map;

/**
 * The system properties that run JavaFX headless on Monocle, and the robot's pace, set only where the test run did
 * not set them (so {@code -Dtestfx.headless=false -Dglass.platform=gtk} under Xvfb still shows real windows). They
 * must be in place before the JavaFX toolkit starts and the first robot is made: the extension and the robot both
 * apply them as soon as they are loaded, and so does the project's component tier
 * ({@code dev.accountlinker.ui.ComponentExtension}).
 */
public final class HeadlessDefaults {
    static final Map<String, String> PROPERTIES = Map.of(
            "testfx.robot", "glass",
            "testfx.headless", "true",
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",
            "java.awt.headless", "true");

    /**
     * TestFX's robot pace: the mouse goes straight to its target instead of in up to 200 steps a millisecond apart,
     * and typing leaves out the fixed 25 ms after each character. Every key and click still waits until the JavaFX
     * thread has handled it; only the fixed pauses go, which made a sign-in spend seconds asleep.
     */
    static final Map<String, String> ROBOT_PACE = Map.of(
            "testfx.robot.move_max_count", "1",
            "testfx.robot.write_sleep", "0");

    private HeadlessDefaults() {}

    public static synchronized void apply() {
        PROPERTIES.forEach(HeadlessDefaults::setUnlessSet);
        ROBOT_PACE.forEach(HeadlessDefaults::setUnlessSet);
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
