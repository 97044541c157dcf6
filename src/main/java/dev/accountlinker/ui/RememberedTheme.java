package dev.accountlinker.ui;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.ui.theme.SystemColorScheme;
import dev.accountlinker.ui.theme.ThemeManager;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The theme as the person last chose it: the configured one at start, and each choice in the theme menu saved to
 * the user's settings file, so the next run starts in it.
 */
final class RememberedTheme {
    private RememberedTheme() {}

    /**
     * The app's themes, starting with the configured one; create it before the first scene, so the first frame is
     * drawn once, in its colours.
     *
     * @param context the app's context at the moment a choice is saved (it changes when the app switches tenant)
     */
    static ThemeManager start(ThemeSetting initial, Supplier<AppContext> context) {
        // The system's scheme is read (in the background) only when the theme follows it.
        return new ThemeManager(
                initial,
                initial == ThemeSetting.SYSTEM
                        ? SystemColorScheme.readEarly()
                        : CompletableFuture.completedFuture(Optional.empty()),
                () -> SystemColorScheme.ofThisSystem().readInBackground(),
                choice -> remember(context.get(), choice));
    }

    /**
     * Saves the theme chosen in the menu to the settings file, in the background; the other settings stay as they are.
     * A file with a setting that saving would drop (an unknown key, an unusable value) is left alone: repairing it is
     * the connect screen's job, with the person looking. The theme then holds for this run only.
     */
    private static void remember(AppContext context, ThemeSetting choice) {
        UserSettingsFile file = context.userSettings();
        context.tasks()
                .run(
                        () -> {
                            if (file.droppedOnSave(Set.of(ConfigLoader.THEME)).isEmpty()) {
                                file.save(Map.of(ConfigLoader.THEME, choice.value()));
                            }
                            return null;
                        },
                        saved -> {},
                        failure -> {});
    }
}
