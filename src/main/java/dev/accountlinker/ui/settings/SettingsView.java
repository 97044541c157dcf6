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
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Binds settings.fxml to its {@link SettingsViewModel}; builds the identity cards, link buttons and status banner. */
public final class SettingsView {
    private static final double PICTURE_SIZE = 64;
    private static final String FXML = "settings.fxml";

    private final SettingsViewModel viewModel;
    private final Messages messages;
    private final Runnable signInAgain;
    private final Optional<Node> themeMenu;

    @FXML
    private StackPane profilePicture;

    @FXML
    private Label profileInitials;

    @FXML
    private ImageView profileImage;

    @FXML
    private Label profileName;

    @FXML
    private Label profileEmail;

    @FXML
    private StackPane themeSlot;

    @FXML
    private Label identitiesHeading;

    @FXML
    private VBox identitiesColumn;

    @FXML
    private Label identitiesEmptyState;

    @FXML
    private StackPane feedbackArea;

    @FXML
    private FlowPane linkButtons;

    @FXML
    private Button linkAccountButton;

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
    private Button refreshButton;

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
        ProfileModel profile = viewModel.profile();
        profileName.textProperty().bind(profile.nameProperty());
        profileEmail.textProperty().bind(profile.emailProperty());
        profileInitials.textProperty().bind(profile.nameProperty().map(SettingsView::initials));
        profileImage.setClip(new Circle(PICTURE_SIZE / 2, PICTURE_SIZE / 2, PICTURE_SIZE / 2));
        profile.pictureUrlProperty().addListener((observable, old, url) -> showPicture(url));
        showPicture(profile.pictureUrlProperty().get());
        profilePicture
                .accessibleTextProperty()
                .bind(profile.nameProperty().map(name -> messages.get("settings.profile.picture", name)));
        themeMenu.ifPresent(menu -> themeSlot.getChildren().setAll(menu));

        ObservableValue<SettingsState> state = viewModel.stateProperty();
        BooleanBinding busy = Bindings.createBooleanBinding(() -> state.getValue() != SettingsState.IDLE, state);
        IdentityList identities = new IdentityList(
                profile.identities(),
                identity -> new IdentityCard(identity, messages, profile.emailProperty(), busy, viewModel::unlink),
                viewModel::unlink);
        identities.setId("identitiesTable");
        identities.setAccessibleText(messages.get("settings.identities"));
        identities.setAccessibleHelp(messages.get("settings.identities.cards.help"));
        identitiesColumn.getChildren().add(0, identities);
        identitiesHeading.setLabelFor(identities);
        // The empty-state line: only the main sign-in so far.
        identitiesEmptyState
                .visibleProperty()
                .bind(Bindings.size(profile.identities()).isEqualTo(1));
        identitiesEmptyState.managedProperty().bind(identitiesEmptyState.visibleProperty());

        BooleanBinding linkingBlocked = Bindings.createBooleanBinding(
                () -> !profile.loadedProperty().get() || state.getValue() != SettingsState.IDLE,
                state,
                profile.loadedProperty());
        LinkButtons perConnection = new LinkButtons(messages, profile.identities(), linkingBlocked, viewModel::link);
        int position = 0;
        for (String connection : viewModel.connections()) {
            linkButtons.getChildren().add(position++, perConnection.forConnection(connection));
        }
        linkAccountButton.disableProperty().bind(linkingBlocked);
        linkAccountButton.setOnAction(event -> viewModel.link(Optional.empty()));

        // Progress, loading and the status banner share the area above the Link buttons; only one shows at a time.
        linkProgressBox.visibleProperty().bind(state.map(SettingsState::isOperation));
        linkProgressBox.managedProperty().bind(linkProgressBox.visibleProperty());
        linkProgressLabel.textProperty().bind(viewModel.stateTextProperty());
        linkProgress.accessibleTextProperty().bind(viewModel.stateTextProperty());
        linkCancelButton.disableProperty().bind(state.map(current -> !current.isCancellable()));
        busyBox.visibleProperty().bind(state.map(SettingsState::isLoading));
        busyBox.managedProperty().bind(busyBox.visibleProperty());
        busyLabel.textProperty().bind(viewModel.stateTextProperty());
        busyIndicator.accessibleTextProperty().bind(viewModel.stateTextProperty());
        refreshButton.disableProperty().bind(busy);

        StatusBanner status = new StatusBanner(messages);
        Button signInAgainButton = new Button(messages.get("settings.signInAgain"));
        signInAgainButton.setId("signInAgainButton");
        signInAgainButton.setMnemonicParsing(false);
        signInAgainButton.setAccessibleHelp(messages.get("settings.signInAgain.help"));
        signInAgainButton.setMinWidth(Button.USE_PREF_SIZE);
        signInAgainButton.visibleProperty().bind(viewModel.sessionExpiredProperty());
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        signInAgainButton.setOnAction(event -> signInAgain.run());
        status.actions().getChildren().add(signInAgainButton);
        feedbackArea.getChildren().add(status);
        viewModel.statusProperty().addListener((observable, old, message) -> status.show(message));
        // While progress shows, the banner waits (the progress line says what is happening).
        status.visibleProperty()
                .bind(status.hasMessageProperty()
                        .or(viewModel.sessionExpiredProperty())
                        .and(linkProgressBox.visibleProperty().not())
                        .and(busyBox.visibleProperty().not()));
        status.visibleProperty().addListener((observable, was, shown) -> updateFeedbackArea());
        linkProgressBox.visibleProperty().addListener((observable, was, shown) -> updateFeedbackArea());
        busyBox.visibleProperty().addListener((observable, was, shown) -> updateFeedbackArea());
        updateFeedbackArea();

        // After a change (or the first load) the keyboard focus rests on the list: never on a button that an
        // Enter left over from the sign-in page could press, such as Sign out or Link.
        state.addListener((observable, old, now) -> {
            if (now == SettingsState.IDLE && (old.isOperation() || old.isLoading())) {
                identities.requestFocus();
            }
        });
    }

    private void updateFeedbackArea() {
        boolean any = feedbackArea.getChildren().stream().anyMatch(Node::isVisible);
        feedbackArea.setVisible(any);
        feedbackArea.setManaged(any);
    }

    private void showPicture(String url) {
        profileImage.setImage(null);
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            // Background loading: a slow avatar host never holds up the screen; initials show meanwhile.
            Image image = new Image(url, PICTURE_SIZE, PICTURE_SIZE, true, true, true);
            image.errorProperty().addListener((observable, old, failed) -> {
                if (failed) {
                    profileImage.setImage(null);
                }
            });
            profileImage.setImage(image);
        } catch (IllegalArgumentException e) {
            profileImage.setImage(null);
        }
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
}
