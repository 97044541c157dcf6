package dev.accountlinker.ui;

import javafx.fxml.FXMLLoader;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Loads an FXML screen of the app with the controller the caller made (it has constructor arguments, which
 * {@code fx:controller} cannot give). The loader's controller factory hands out that one object, and only for the type
 * the file names: a file whose {@code fx:controller} names another class, a second controller (an {@code fx:include}
 * with its own) or a file without {@code fx:controller} fails to load with a message that says which, instead of
 * showing a screen that nothing binds.
 */
public final class Fxml {
    private Fxml() {}

    /** The screen described by {@code resource}, in the words of {@code bundle}, bound to {@code controller}. */
    public static <T> T load(URL resource, ResourceBundle bundle, Object controller) {
        Objects.requireNonNull(resource, "the FXML resource is missing from the application");
        FXMLLoader loader = new FXMLLoader(resource, bundle);
        loader.setControllerFactory(controllerFactory(resource, controller));
        T root;
        try {
            root = loader.load();
        } catch (IOException e) {
            // The loader wraps what the controller factory threw; the mistake in the file is the message to show.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof WrongController wrong) {
                    throw new IllegalStateException(wrong.getMessage(), e);
                }
            }
            throw new UncheckedIOException("A screen of the application itself failed to load: " + resource, e);
        }
        if (loader.getController() != controller) {
            throw new IllegalStateException(
                    resource + " names no fx:controller, so nothing binds it; its controller is a "
                            + controller.getClass().getName());
        }
        return root;
    }

    /** Answers {@code controller} when asked for exactly its class; any other type is a mistake in the FXML. */
    static Callback<Class<?>, Object> controllerFactory(URL resource, Object controller) {
        return type -> {
            if (type != controller.getClass()) {
                throw new WrongController(resource + " asks for a controller of type " + type.getName()
                        + ", but its controller is a " + controller.getClass().getName());
            }
            return controller;
        };
    }

    /** An {@code fx:controller} (or an included file's) that is not the type of the controller given. */
    private static final class WrongController extends IllegalStateException {
        WrongController(String message) {
            super(message);
        }
    }
}
