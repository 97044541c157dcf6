package dev.accountlinker.ui.theme;

import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.i18n.Messages;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;

/**
 * The small "Theme" menu in the corner of the main window: Light, Dark, or the system's. Reachable with Tab; Space
 * or Enter opens it, the arrow keys choose. Its icon is drawn with two shapes rather than taken from the icon font,
 * so the first frame does not wait for the font to load.
 */
public final class ThemeMenu {
    private ThemeMenu() {}

    public static MenuButton create(ThemeManager themes, Messages messages) {
        MenuButton button = new MenuButton(messages.get("theme.button"), icon());
        button.setId("themeButton");
        button.setMnemonicParsing(false);
        button.getStyleClass().addAll("theme-button", "flat");
        button.setMinWidth(MenuButton.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(messages.get("theme.button.help")));
        button.setAccessibleHelp(messages.get("theme.button.help"));
        ToggleGroup group = new ToggleGroup();
        for (ThemeSetting setting : ThemeSetting.values()) {
            RadioMenuItem item = new RadioMenuItem(messages.get("theme." + setting.value()));
            item.setId("theme-" + setting.value());
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setUserData(setting);
            item.setSelected(themes.settingProperty().get() == setting);
            item.setOnAction(event -> themes.choose(setting));
            button.getItems().add(item);
        }
        button.accessibleTextProperty()
                .bind(themes.settingProperty()
                        .map(setting ->
                                messages.get("theme.button.accessible", messages.get("theme." + setting.value()))));
        themes.settingProperty()
                .addListener((observable, old, setting) -> group.getToggles().stream()
                        .filter(toggle -> toggle.getUserData() == setting)
                        .findFirst()
                        .ifPresent(toggle -> toggle.setSelected(true)));
        return button;
    }

    /** A circle, half filled: the usual light/dark sign. */
    private static Node icon() {
        Circle outline = new Circle(7, 7, 6.25);
        outline.getStyleClass().add("theme-icon-outline");
        Arc half = new Arc(7, 7, 6.25, 6.25, 90, 180);
        half.setType(ArcType.ROUND);
        half.getStyleClass().add("theme-icon-fill");
        return new Group(outline, half);
    }
}
