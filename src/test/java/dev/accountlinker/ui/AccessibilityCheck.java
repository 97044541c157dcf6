package dev.accountlinker.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What a screen reader needs from a screen: every interactive control has a name (its text, or its accessible text
 * when it shows only an icon), buttons and other controls also say what they do (accessible help), text fields are
 * named by a label or their accessible text, anything else that takes the focus (the identities list, the login
 * page) and every visible progress indicator has accessible text. Reading order is checked separately, from the
 * order Tab visits the controls ({@link #readingOrderProblems}).
 */
public final class AccessibilityCheck {
    private AccessibilityCheck() {}

    /** The problems on a scene's visible nodes; empty when there are none. Call on the JavaFX thread. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        collect(scene.getRoot(), labels, new ArrayList<>());
        visit(scene.getRoot(), labels, problems);
        return problems;
    }

    private static void collect(Node node, List<Label> labels, List<Node> all) {
        if (node instanceof Label label) {
            labels.add(label);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, labels, all));
        }
    }

    private static void visit(Node node, List<Label> labels, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        String who = describe(node);
        if (node instanceof ButtonBase button) {
            if (blank(button.getText()) && blank(button.getAccessibleText())) {
                problems.add(who + " has no name (text or accessible text)");
            }
            if (blank(button.getAccessibleHelp())
                    && !(button instanceof MenuButton menu && !blank(menu.getAccessibleText()))) {
                problems.add(who + " has no accessible help");
            }
            if (button instanceof MenuButton menu) {
                for (MenuItem item : menu.getItems()) {
                    if (blank(item.getText())) {
                        problems.add(who + " has a menu item without text");
                    }
                }
            }
        } else if (node instanceof TextInputControl field) {
            boolean labelled =
                    labels.stream().anyMatch(label -> label.getLabelFor() == field && !blank(label.getText()));
            if (!labelled && blank(field.getAccessibleText())) {
                problems.add(who + " has neither a label nor accessible text");
            }
        } else if (node instanceof TitledPane pane) {
            if (blank(pane.getText())) {
                problems.add(who + " has no title");
            }
        } else if (node instanceof ProgressIndicator progress) {
            if (blank(progress.getAccessibleText())) {
                problems.add(who + " says nothing about what it waits for");
            }
        } else if (node.isFocusTraversable() && !(node instanceof Labeled) && blank(node.getAccessibleText())) {
            problems.add(who + " takes the focus but has no accessible text");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, labels, problems);
            }
        }
    }

    /** A control Tab reached, and where it was on screen then (a scrolled screen brings it into view first). */
    public record Visit(Node node, Bounds bounds) {}

    /**
     * Where the order in which Tab visited the controls (in the same window) goes against reading order: top to
     * bottom, and left to right along a row. Nodes whose tops are within {@code rowTolerance} share a row.
     */
    public static List<String> readingOrderProblems(List<Visit> visited, double rowTolerance) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < visited.size(); i++) {
            Bounds before = visited.get(i - 1).bounds();
            Bounds after = visited.get(i).bounds();
            boolean sameRow = Math.abs(after.getMinY() - before.getMinY()) <= rowTolerance;
            boolean forward =
                    sameRow ? after.getMinX() >= before.getMinX() - rowTolerance : after.getMinY() > before.getMinY();
            if (!forward) {
                problems.add(describe(visited.get(i).node()) + " comes after "
                        + describe(visited.get(i - 1).node()) + " but is above it or to its left");
            }
        }
        return problems;
    }

    static String describe(Node node) {
        String text = node instanceof Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The controls Tab visits in {@code window}, once round, as {@code robot} presses Tab (at most 40 times), starting
     * with the one nearest the top left (so a dialog that opens with the focus in its middle is read from its top).
     * Call on the test's thread.
     */
    public static List<Visit> tabCycle(FxRobot robot, Window window) {
        robot.targetWindow(window);
        List<Visit> seen = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            Node owner = onFx(() -> window.getScene().getFocusOwner());
            if (owner == null || seen.stream().anyMatch(visit -> visit.node() == owner)) {
                break;
            }
            seen.add(new Visit(owner, onFx(() -> owner.localToScene(owner.getBoundsInLocal()))));
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Visit first = seen.stream()
                .min(Comparator.comparingDouble((Visit visit) -> top(visit.bounds()))
                        .thenComparingDouble(visit -> visit.bounds().getMinX()))
                .orElseThrow();
        int start = seen.indexOf(first);
        List<Visit> cycle = new ArrayList<>(seen.subList(start, seen.size()));
        cycle.addAll(seen.subList(0, start));
        return cycle;
    }

    private static double top(Bounds bounds) {
        return Math.round(bounds.getMinY() / 14) * 14.0;
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX action failed", e);
        }
    }
}
