package dev.accountlinker.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.ui.theme.SystemColorScheme.Scheme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's light and dark themes: AtlantaFX's Primer Light and Primer Dark as the user-agent stylesheet of every
 * window (main window, sign-in windows, dialogs), under the app's own {@link #APP_STYLESHEET}, which uses only the
 * theme's colour variables. "System" follows the operating system's scheme as {@link SystemColorScheme} reads it
 * in the background: the theme is applied before the first scene with what is known then (light while nothing
 * is), and changes once the answer comes. Used on the JavaFX thread.
 */
public final class ThemeManager {
    /** The app's own stylesheet, added to every scene above the theme. */
    public static final String APP_STYLESHEET = "/dev/accountlinker/ui/app.css";

    private final ReadOnlyObjectWrapper<ThemeSetting> setting = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private final Supplier<CompletableFuture<Optional<Scheme>>> readSystemAgain;
    private final Consumer<ThemeSetting> remember;
    private Optional<Scheme> system = Optional.empty();

    /**
     * @param systemScheme    the system's scheme as far as it has been read (it may still be running)
     * @param readSystemAgain reads it again (when the person chooses "system")
     * @param remember        saves a choice made in the menu (in the background)
     */
    public ThemeManager(
            ThemeSetting initial,
            CompletableFuture<Optional<Scheme>> systemScheme,
            Supplier<CompletableFuture<Optional<Scheme>>> readSystemAgain,
            Consumer<ThemeSetting> remember) {
        this.readSystemAgain = readSystemAgain;
        this.remember = remember;
        setting.set(initial);
        if (systemScheme.isDone()) {
            system = systemScheme.getNow(Optional.empty());
        } else {
            follow(systemScheme);
        }
        apply();
    }

    /** The stylesheet URL to add to a scene or dialog pane. */
    public static String appStylesheet() {
        return ThemeManager.class.getResource(APP_STYLESHEET).toExternalForm();
    }

    public ReadOnlyObjectProperty<ThemeSetting> settingProperty() {
        return setting.getReadOnlyProperty();
    }

    /** True while the dark theme is shown. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** The person's choice from the menu: shown at once and remembered. */
    public void choose(ThemeSetting choice) {
        if (choice == ThemeSetting.SYSTEM) {
            follow(readSystemAgain.get()); // the system may have changed since the app started
        }
        setting.set(choice);
        apply();
        remember.accept(choice);
    }

    private void follow(CompletableFuture<Optional<Scheme>> reading) {
        reading.thenAccept(scheme -> Platform.runLater(() -> {
            system = scheme;
            apply();
        }));
    }

    private void apply() {
        boolean wantDark = switch (setting.get()) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> system.orElse(Scheme.LIGHT) == Scheme.DARK;
        };
        String stylesheet = stylesheet(wantDark);
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
        dark.set(wantDark);
    }

    /** Primer's stylesheet, in its binary form: JavaFX loads that without parsing 170 KB of CSS text. */
    static String stylesheet(boolean dark) {
        return dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
    }
}
