package dev.accountlinker.ui.theme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text contrast in both themes, computed from the palettes themselves: Primer Light's and Primer Dark's colour
 * variables (read from AtlantaFX's stylesheets) and app.css's palette block, which names every colour the app uses
 * by its role. Each text colour must reach 4.5:1 on each background it is drawn on (WCAG AA), the focus ring 3:1 on
 * the surfaces it surrounds. Translucent backgrounds are composed over what they lie on, as the screen shows them.
 */
class ThemeContrastTest {
    private static final Pattern VARIABLE = Pattern.compile("(-[a-z0-9-]+)\\s*:\\s*([^;]+);");

    /** A text colour on a background, the background laid over {@code under} (for translucent ones). */
    private record Pair(String text, String background, String under) {}

    private static final List<Pair> TEXT = List.of(
            // body text and secondary text on the window, cards and header
            new Pair("-app-text", "-app-surface", "-app-surface"),
            new Pair("-app-text", "-app-canvas", "-app-canvas"),
            new Pair("-app-text-muted", "-app-surface", "-app-surface"),
            new Pair("-app-text-muted", "-app-canvas", "-app-canvas"),
            // the chosen account card, the main-account badge, avatars' initials, progress
            new Pair("-app-text", "-app-accent-surface", "-app-surface"),
            new Pair("-app-text-muted", "-app-accent-surface", "-app-surface"),
            new Pair("-app-accent-text", "-app-accent-surface", "-app-surface"),
            new Pair("-app-accent-text", "-app-accent-surface", "-app-canvas"),
            new Pair("-app-accent-text", "-app-surface", "-app-surface"),
            // the merge table's tags, on the table's canvas
            new Pair("-app-added-text", "-app-added-surface", "-app-canvas"),
            new Pair("-app-dropped-text", "-app-dropped-surface", "-app-canvas"),
            new Pair("-app-text-muted", "-app-surface", "-app-canvas"),
            // the "different emails" warning
            new Pair("-app-text", "-app-warning-surface", "-app-surface"),
            // status lines: banners (the theme's message colours) and plain lines (connect screen, sign-in window)
            new Pair("-app-text", "-color-success-subtle", "-app-canvas"),
            new Pair("-app-text", "-color-danger-subtle", "-app-canvas"),
            new Pair("-app-text", "-color-accent-subtle", "-app-canvas"),
            new Pair("-app-text", "-color-success-subtle", "-app-surface"),
            new Pair("-app-text", "-color-danger-subtle", "-app-surface"),
            new Pair("-app-text", "-color-accent-subtle", "-app-surface"),
            new Pair("-app-error-text", "-app-surface", "-app-surface"),
            new Pair("-app-error-text", "-app-canvas", "-app-canvas"),
            new Pair("-app-success-text", "-app-surface", "-app-surface"),
            new Pair("-app-success-text", "-app-canvas", "-app-canvas"),
            // the theme's own accent button (Sign in, a dialog's default button)
            new Pair("-color-fg-emphasis", "-color-accent-emphasis", "-app-surface"));

    private static final List<Pair> FOCUS_RING = List.of(
            new Pair("-app-focus-ring", "-app-surface", "-app-surface"),
            new Pair("-app-focus-ring", "-app-canvas", "-app-canvas"),
            new Pair("-app-focus-ring", "-app-accent-surface", "-app-surface"),
            new Pair("-app-focus-ring", "-app-warning-surface", "-app-surface"));

    @Test
    void everyTextColourReadsOnItsBackgroundInBothThemes() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String theme : List.of("primer-light", "primer-dark")) {
            Map<String, String> variables = variables(theme);
            check(theme, variables, TEXT, 4.5, failures);
            check(theme, variables, FOCUS_RING, 3.0, failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theStylesheetHasNoColourOutsideItsPalette() throws IOException {
        String css = read("/dev/accountlinker/ui/app.css").replaceAll("(?s)/\\*.*?\\*/", "");
        int start = css.indexOf(".root {");
        int end = css.indexOf('}', start);
        String outside = css.substring(0, start) + css.substring(end + 1);
        Matcher raw = Pattern.compile(
                        "#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsba?\\(|:\\s*(white|black|red|green|blue|gr[ae]y)\\b")
                .matcher(outside);
        assertTrue(!raw.find(), "a colour outside the palette block: " + (raw.hitEnd() ? "" : raw.group()));
        Matcher palette = VARIABLE.matcher(css.substring(start, end));
        int count = 0;
        while (palette.find()) {
            if (palette.group(1).startsWith("-app-")) {
                count++;
                assertTrue(
                        palette.group(2).strip().startsWith("-color-"),
                        palette.group(1) + " is one of the theme's variables, not " + palette.group(2));
            }
        }
        assertTrue(count >= 15, "the palette block was read");
    }

    @Test
    void theContrastFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast(new double[] {0, 0, 0}, new double[] {255, 255, 255}), 0.01);
        assertEquals(4.54, contrast(hex("#767676"), hex("#ffffff")), 0.01); // the classic AA threshold grey
    }

    private static void check(
            String theme, Map<String, String> variables, List<Pair> pairs, double minimum, List<String> failures) {
        for (Pair pair : pairs) {
            double[] under = colour(variables, pair.under(), null);
            double[] background = colour(variables, pair.background(), under);
            double[] text = colour(variables, pair.text(), background);
            double ratio = contrast(text, background);
            if (ratio < minimum) {
                failures.add(String.format(
                        "%s: %s on %s is %.2f:1 (at least %.1f:1 needed)",
                        theme, pair.text(), pair.background(), ratio, minimum));
            }
        }
    }

    /** The theme's variables with app.css's palette on top. */
    private static Map<String, String> variables(String theme) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        String themeCss = read("/atlantafx/base/theme/" + theme + ".css");
        String root =
                themeCss.substring(themeCss.indexOf(".root {"), themeCss.indexOf('}', themeCss.indexOf(".root {")));
        Matcher matcher = VARIABLE.matcher(root);
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(2).strip());
        }
        String app = read("/dev/accountlinker/ui/app.css").replaceAll("(?s)/\\*.*?\\*/", "");
        String palette = app.substring(app.indexOf(".root {"), app.indexOf('}', app.indexOf(".root {")));
        matcher = VARIABLE.matcher(palette);
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(2).strip());
        }
        return variables;
    }

    /** RGB of a variable, a translucent one laid over {@code under}. */
    private static double[] colour(Map<String, String> variables, String name, double[] under) {
        String value = name;
        for (int depth = 0; value.startsWith("-"); depth++) {
            assertTrue(depth < 10 && variables.containsKey(value), "unknown colour variable " + value);
            value = variables.get(value);
        }
        if (value.startsWith("#")) {
            return hex(value);
        }
        Matcher rgb = Pattern.compile(
                        "rgba?\\(\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*(?:,\\s*([\\d.]+))?\\s*\\)")
                .matcher(value);
        assertTrue(rgb.matches(), "a colour: " + value);
        double alpha = rgb.group(4) == null ? 1 : Double.parseDouble(rgb.group(4));
        double[] base = under == null ? new double[] {255, 255, 255} : under;
        double[] result = new double[3];
        for (int i = 0; i < 3; i++) {
            result[i] = alpha * Double.parseDouble(rgb.group(i + 1)) + (1 - alpha) * base[i];
        }
        return result;
    }

    private static double[] hex(String value) {
        String digits = value.substring(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2)
                    + digits.charAt(2);
        }
        return new double[] {
            Integer.parseInt(digits.substring(0, 2), 16),
            Integer.parseInt(digits.substring(2, 4), 16),
            Integer.parseInt(digits.substring(4, 6), 16)
        };
    }

    /** WCAG 2 contrast ratio of two sRGB colours (0–255). */
    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
