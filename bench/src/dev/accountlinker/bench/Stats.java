package dev.accountlinker.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median, quartiles and extremes of a sample, formatted for the results tables. */
record Stats(int n, double min, double p25, double median, double p75, double max) {
    static Stats of(List<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(
                sorted.size(),
                sorted.get(0),
                quantile(sorted, 0.25),
                quantile(sorted, 0.5),
                quantile(sorted, 0.75),
                sorted.get(sorted.size() - 1));
    }

    private static double quantile(List<Double> sorted, double q) {
        double position = q * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    static String f(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "median | p25–p75 | min–max" columns. */
    String columns(int decimals) {
        return f(median, decimals) + " | " + f(p25, decimals) + "–" + f(p75, decimals) + " | " + f(min, decimals) + "–"
                + f(max, decimals);
    }
}
