package dev.accountlinker;

import javafx.application.Application;

/**
 * Plain main class: JavaFX on the classpath (and jpackage) need an entry point that does not
 * extend {@link Application} itself.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(AccountLinkerApp.class, args);
    }
}
