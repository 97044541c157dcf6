package dev.accountlinker.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The base of a {@code *ComponentTest} (the component tier, docs/testing.md): the test class is a TestFX robot
 * whose {@link ComponentExtension} shows one component per test and cleans up after it. A class named so runs in
 * the {@code default-test} execution, in JVMs it shares with the other component classes and the unit tests; it must
 * not need a WebView (those are journeys: {@code *UiTest}).
 */
public abstract class ComponentTestSupport extends FxRobot {
    private static final long TIMEOUT_SECONDS = 30;

    @RegisterExtension
    protected final ComponentExtension component = new ComponentExtension();

    /** Shows {@code root} as the test's whole scene, at this size. */
    protected Scene show(Parent root, double width, double height) {
        return component.show(root, width, height);
    }

    /** Runs on the JavaFX thread, waits for it and for what it set off, and returns the result. */
    protected <T> T onFx(Callable<T> action) {
        T result;
        try {
            result = WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX action failed", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    protected void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition} holds (checked on the test's thread; read nodes through {@link #onFx}). */
    protected void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The one node {@code query} finds (a TestFX query such as {@code "#refreshButton"}), as {@code type}. */
    protected <T extends Node> T node(String query, Class<T> type) {
        return onFx(() -> lookup(query).queryAs(type));
    }

    /** True when {@code query} finds a node that is shown: visible itself and all its parents, in a scene. */
    protected boolean shown(String query) {
        return onFx(() ->
                lookup(query).tryQuery().map(ComponentTestSupport::isShown).orElse(false));
    }

    /** The ids of the nodes {@code query} finds, in scene order. */
    protected List<String> ids(String query) {
        return onFx(() -> lookup(query).queryAll().stream().map(Node::getId).toList());
    }

    private static boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
