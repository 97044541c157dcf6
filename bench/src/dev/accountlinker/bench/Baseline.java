package dev.accountlinker.bench;

import javafx.application.Application;

/**
 * Plain main class for the baselines (a main class extending Application needs JavaFX as modules):
 * {@code Baseline label [--authapi]} or {@code Baseline webview}.
 */
public final class Baseline {
    private Baseline() {}

    public static void main(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "label" -> Application.launch(BareLabel.class, rest);
            case "webview" -> Application.launch(BareWebView.class, rest);
            default -> throw new IllegalArgumentException("label or webview");
        }
    }
}
