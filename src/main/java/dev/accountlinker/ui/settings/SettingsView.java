package dev.accountlinker.ui.settings;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.Fxml;
import dev.accountlinker.ui.StatusBanner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds settings.fxml, which declares the whole screen, to its {@link SettingsViewModel}, one part at a time. It
 * builds nothing but the Link button of each configured connection ({@link LinkButtons}, one per connection the view
 * model lists) and the identity cards the list asks for.
 */
public final class SettingsView {
    private static final String FXML = "settings.fxml";

    private final SettingsViewModel viewModel;
    private final Messages messages;
    private final Runnable signInAgain;
    private final Optional<Node> themeMenu;

    @FXML
    private Avatar profilePicture;

    @FXML
    private Label profileName;

    @FXML
    private Label profileEmail;

    @FXML
    private Button refreshButton;

    @FXML
    private StackPane themeSlot;

    @FXML
    private Label identitiesHeading;

    @FXML
    private IdentityList identitiesTable;

    @FXML
    private Label identitiesEmptyState;

    @FXML
    private StackPane feedbackArea;

    @FXML
    private HBox linkProgressBox;

    @FXML
    private ProgressIndicator linkProgress;

    @FXML
    private Label linkProgressLabel;

    @FXML
    private Button linkCancelButton;

    @FXML
    private HBox busyBox;

    @FXML
    private ProgressIndicator busyIndicator;

    @FXML
    private Label busyLabel;

    @FXML
    private StatusBanner statusBanner;

    @FXML
    private Button signInAgainButton;

    @FXML
    private FlowPane linkButtons;

    @FXML
    private Button linkAccountButton;

    /** True while anything runs (loading included): Refresh and Unlink wait. */
    private BooleanBinding busy;

    public SettingsView(SettingsViewModel viewModel, Messages messages, Runnable signInAgain) {
        this(viewModel, messages, signInAgain, Optional.empty());
    }

    /** @param themeMenu the window's theme menu, shown after Sign out */
    public SettingsView(
            SettingsViewModel viewModel, Messages messages, Runnable signInAgain, Optional<Node> themeMenu) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.signInAgain = signInAgain;
        this.themeMenu = themeMenu;
    }

    /** The screen: settings.fxml in the app's language, bound to this view. */
    public Parent load() {
        return Fxml.load(SettingsView.class.getResource(FXML), messages.bundle(), this);
    }

    @FXML
    private void initialize() {
        ObservableValue<SettingsState> state = viewModel.stateProperty();
        busy = Bindings.createBooleanBinding(() -> state.getValue() != SettingsState.IDLE, state);
        bindProfile();
        placeThemeMenu();
        bindIdentities();
        bindLinkButtons();
        bindProgress();
        bindFeedback();
        bindFocus();
    }

    /** Name, email, the picture over the initials; Refresh waits while something runs. */
    private void bindProfile() {
        ProfileModel profile = viewModel.profile();
        profileName.textProperty().bind(profile.nameProperty());
        profileEmail.textProperty().bind(profile.emailProperty());
        profilePicture.initialsProperty().bind(profile.nameProperty().map(SettingsView::initials));
        profilePicture
                .accessibleTextProperty()
                .bind(profile.nameProperty().map(name -> messages.get("settings.profile.picture", name)));
        // The picture is loaded at the avatar's size, which the stylesheet gives it once the screen is shown.
        profile.pictureUrlProperty().addListener((observable, old, url) -> showPicture(url));
        profilePicture
                .sizeProperty()
                .addListener((observable, old, size) ->
                        showPicture(profile.pictureUrlProperty().get()));
        showPicture(profile.pictureUrlProperty().get());
        refreshButton.disableProperty().bind(busy);
    }

    private void placeThemeMenu() {
        themeMenu.ifPresent(menu -> themeSlot.getChildren().setAll(menu));
    }

    /** One card per identity; the empty-state line while there is only the main sign-in. */
    private void bindIdentities() {
        ProfileModel profile = viewModel.profile();
        identitiesTable.setCards(
                identity -> new IdentityCard(identity, messages, profile.emailProperty(), busy, viewModel::unlink));
        identitiesTable.setOnUnlink(viewModel::unlink);
        identitiesTable.setItems(profile.identities());
        identitiesHeading.setLabelFor(identitiesTable);
        identitiesEmptyState
                .visibleProperty()
                .bind(Bindings.size(profile.identities()).isEqualTo(1));
        identitiesEmptyState.managedProperty().bind(identitiesEmptyState.visibleProperty());
    }

    /** A Link button per configured connection, in front of "Link another account"; none while linking is blocked. */
    private void bindLinkButtons() {
        ProfileModel profile = viewModel.profile();
        ObservableValue<SettingsState> state = viewModel.stateProperty();
        BooleanBinding linkingBlocked = Bindings.createBooleanBinding(
                () -> !profile.loadedProperty().get() || state.getValue() != SettingsState.IDLE,
                state,
                profile.loadedProperty());
        LinkButtons perConnection = new LinkButtons(messages, profile.identities(), linkingBlocked, viewModel::link);
        linkButtons
                .getChildren()
                .addAll(
                        0,
                        viewModel.connections().stream()
                                .map(perConnection::forConnection)
                                .toList());
        linkAccountButton.disableProperty().bind(linkingBlocked);
    }

    /** The progress line of a link or unlink (with Cancel), and the loading line, each with the state's text. */
    private void bindProgress() {
        ObservableValue<SettingsState> state = viewModel.stateProperty();
        linkProgressBox.visibleProperty().bind(state.map(SettingsState::isOperation));
        linkProgressBox.managedProperty().bind(linkProgressBox.visibleProperty());
        linkProgressLabel.textProperty().bind(viewModel.stateTextProperty());
        linkProgress.accessibleTextProperty().bind(viewModel.stateTextProperty());
        linkCancelButton.disableProperty().bind(state.map(current -> !current.isCancellable()));
        busyBox.visibleProperty().bind(state.map(SettingsState::isLoading));
        busyBox.managedProperty().bind(busyBox.visibleProperty());
        busyLabel.textProperty().bind(viewModel.stateTextProperty());
        busyIndicator.accessibleTextProperty().bind(viewModel.stateTextProperty());
    }

    /**
     * The status banner shows the view model's message, and "Sign in again" when only that helps; while progress
     * shows, the banner waits (the progress line says what is happening). The area takes no room when empty.
     */
    private void bindFeedback() {
        statusBanner.show(viewModel.statusProperty().get());
        viewModel.statusProperty().addListener((observable, old, message) -> statusBanner.show(message));
        signInAgainButton.visibleProperty().bind(viewModel.sessionExpiredProperty());
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        statusBanner
                .visibleProperty()
                .bind(statusBanner
                        .hasMessageProperty()
                        .or(viewModel.sessionExpiredProperty())
                        .and(linkProgressBox.visibleProperty().not())
                        .and(busyBox.visibleProperty().not()));
        feedbackArea
                .visibleProperty()
                .bind(linkProgressBox
                        .visibleProperty()
                        .or(busyBox.visibleProperty())
                        .or(statusBanner.visibleProperty()));
        feedbackArea.managedProperty().bind(feedbackArea.visibleProperty());
    }

    /**
     * After a change (or the first load) the keyboard focus rests on the list: never on a button that an Enter left
     * over from the sign-in page could press, such as Sign out or Link.
     */
    private void bindFocus() {
        viewModel.stateProperty().addListener((observable, old, now) -> {
            if (now == SettingsState.IDLE && (old.isOperation() || old.isLoading())) {
                identitiesTable.requestFocus();
            }
        });
    }

    private void showPicture(String url) {
        profilePicture.setImage(null);
        double size = profilePicture.getSize();
        if (size <= 0) {
            return;
        }
        ProfilePictureImage.of(viewModel.pictures(), url, size).ifPresent(image -> {
            image.errorProperty().addListener((observable, old, failed) -> {
                if (failed) {
                    profilePicture.setImage(null);
                }
            });
            profilePicture.setImage(image);
        });
    }

    /** Node ids keep {@code [A-Za-z0-9_-]}; anything else becomes {@code _} (the UI contract). */
    static String nodeIdPart(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String initials(String name) {
        return Arrays.stream(name.strip().split("[\\s@._-]+"))
                .filter(part -> !part.isEmpty())
                .limit(2)
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    @FXML
    private void linkAnyAccount() {
        viewModel.link(Optional.empty());
    }

    @FXML
    private void cancelOperation() {
        viewModel.cancelOperation();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }

    @FXML
    private void signInAgain() {
        signInAgain.run();
    }
}
