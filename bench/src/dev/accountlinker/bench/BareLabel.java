package dev.accountlinker.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Baseline: the floor for any JavaFX window — one label in a window the size of the app's. With
 * {@code --authapi} it first builds an auth0-java AuthAPI client on the JavaFX thread (what an app pays when it
 * creates its HTTP client before its first window).
 */
public class BareLabel extends Application {

    @Override
    public void start(Stage stage) {
        if (getParameters().getRaw().contains("--authapi")) {
            com.auth0.client.auth.AuthAPI.newBuilder("http://127.0.0.1:9", "bench")
                    .build();
        }
        Scene scene = new Scene(new StackPane(new Label("Account Linker")), 900, 620);
        stage.setTitle("Bare label");
        stage.setScene(scene);
        stage.show();
        FirstFrame.markAfterNextFrame(scene);
    }
}
