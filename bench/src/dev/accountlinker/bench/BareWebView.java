package dev.accountlinker.bench;

import javafx.application.Application;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/** Baseline: one WebView on an empty page (about:blank); the marker is written after the page has loaded and a frame followed. */
public class BareWebView extends Application {

    @Override
    public void start(Stage stage) {
        WebView webView = new WebView();
        Scene scene = new Scene(new StackPane(webView), 900, 620);
        stage.setTitle("Bare WebView");
        stage.setScene(scene);
        webView.getEngine().getLoadWorker().stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                FirstFrame.markAfterNextFrame(scene);
            }
        });
        stage.show();
        webView.getEngine().load("about:blank");
    }
}
