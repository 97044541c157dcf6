package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Binds settings.fxml to its {@link SettingsViewModel}; builds the per-connection buttons and table cells. */
public final class SettingsController {
    private static final double PICTURE_SIZE = 72;

    private final SettingsViewModel viewModel;
    private final Messages messages;
    private final Runnable signInAgain;

    @FXML private StackPane profilePicture;
    @FXML private Label profileInitials;
    @FXML private ImageView profileImage;
    @FXML private Label profileName;
    @FXML private Label profileEmail;
    @FXML private TableView<Identity> identitiesTable;
    @FXML private TableColumn<Identity, String> connectionColumn;
    @FXML private TableColumn<Identity, String> providerColumn;
    @FXML private TableColumn<Identity, String> userIdColumn;
    @FXML private TableColumn<Identity, String> profileColumn;
    @FXML private TableColumn<Identity, String> primaryColumn;
    @FXML private TableColumn<Identity, Identity> actionsColumn;
    @FXML private FlowPane linkButtons;
    @FXML private Button linkAccountButton;
    @FXML private HBox linkProgressBox;
    @FXML private ProgressIndicator linkProgress;
    @FXML private Label linkProgressLabel;
    @FXML private Button linkCancelButton;
    @FXML private HBox busyBox;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Label statusMessage;
    @FXML private HBox statusRow;
    @FXML private Button signInAgainButton;
    @FXML private Button refreshButton;
    @FXML private Button signOutButton;

    public SettingsController(SettingsViewModel viewModel, Messages messages, Runnable signInAgain) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.signInAgain = signInAgain;
    }

    @FXML
    private void initialize() {
        ProfileModel profile = viewModel.profile();
        profileName.textProperty().bind(profile.nameProperty());
        profileEmail.textProperty().bind(profile.emailProperty());
        profileInitials.textProperty().bind(profile.nameProperty().map(SettingsController::initials));
        Circle clip = new Circle(PICTURE_SIZE / 2, PICTURE_SIZE / 2, PICTURE_SIZE / 2);
        profileImage.setClip(clip);
        profile.pictureUrlProperty().addListener((observable, old, url) -> showPicture(url));
        showPicture(profile.pictureUrlProperty().get());
        profilePicture.accessibleTextProperty().bind(
                profile.nameProperty().map(name -> messages.get("settings.profile.picture", name)));

        identitiesTable.setItems(profile.identities());
        // Keyboard route to Unlink: select a linked sign-in and press Delete (asks first, like the button).
        identitiesTable.setOnKeyPressed(event -> {
            Identity selected = identitiesTable.getSelectionModel().getSelectedItem();
            if ((event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE)
                    && selected != null && !selected.primary()) {
                event.consume();
                viewModel.unlink(selected);
            }
        });
        identitiesTable.setPlaceholder(new Label(messages.get("settings.identities.empty")));
        connectionColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(messages.connectionName(row.getValue().connection())));
        providerColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().provider()));
        userIdColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().userId()));
        profileColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().email().or(row.getValue()::name).orElse("")));
        primaryColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(messages.get(
                row.getValue().primary() ? "settings.primary.yes" : "settings.primary.no")));
        actionsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        actionsColumn.setCellFactory(column -> new UnlinkCell());

        ObservableValue<SettingsState> state = viewModel.stateProperty();
        ObservableValue<Boolean> idle = state.map(current -> current == SettingsState.IDLE);
        BooleanBinding linkingBlocked = Bindings.createBooleanBinding(
                () -> !profile.loadedProperty().get() || state.getValue() != SettingsState.IDLE, state, profile.loadedProperty());
        LinkButtons perConnection = new LinkButtons(messages, profile.identities(), linkingBlocked, viewModel::link);
        int position = 0;
        for (String connection : viewModel.connections()) {
            linkButtons.getChildren().add(position++, perConnection.forConnection(connection));
        }
        linkAccountButton.disableProperty().bind(linkingBlocked);
        linkAccountButton.setOnAction(event -> viewModel.link(Optional.empty()));
        // Progress, loading and the status line share one row of fixed height: nothing above them ever moves.
        linkProgressBox.visibleProperty().bind(state.map(SettingsState::isOperation));
        linkProgressLabel.textProperty().bind(viewModel.stateTextProperty());
        linkProgress.accessibleTextProperty().bind(viewModel.stateTextProperty());
        linkCancelButton.disableProperty().bind(state.map(current -> !current.isCancellable()));

        busyBox.visibleProperty().bind(state.map(SettingsState::isLoading));
        busyLabel.textProperty().bind(viewModel.stateTextProperty());
        busyIndicator.accessibleTextProperty().bind(viewModel.stateTextProperty());
        refreshButton.disableProperty().bind(idle.map(isIdle -> !isIdle));
        signInAgainButton.visibleProperty().bind(viewModel.sessionExpiredProperty());
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        statusRow.visibleProperty().bind(Bindings.and(linkProgressBox.visibleProperty().not(),
                busyBox.visibleProperty().not()));
        viewModel.statusProperty().addListener((observable, old, message) -> message.applyTo(statusMessage));
        // After a change (or the first load) the keyboard focus rests on the list: never on a button that an
        // Enter left over from the sign-in page could press, such as Sign out or Link.
        state.addListener((observable, old, now) -> {
            if (now == SettingsState.IDLE && (old.isOperation() || old.isLoading())) {
                identitiesTable.requestFocus();
            }
        });
        StatusMessage.NONE.applyTo(statusMessage);
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

    /** An Unlink button on every secondary identity; none on the main one. */
    private final class UnlinkCell extends TableCell<Identity, Identity> {
        private final Button button = new Button(messages.get("unlink.button"));

        UnlinkCell() {
            button.setMnemonicParsing(false);
            button.disableProperty().bind(viewModel.stateProperty().map(state -> state != SettingsState.IDLE));
            button.setOnAction(event -> {
                if (getItem() != null) {
                    viewModel.unlink(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Identity identity, boolean empty) {
            super.updateItem(identity, empty);
            if (empty || identity == null || identity.primary()) {
                setGraphic(null);
                return;
            }
            button.setId("unlink-" + nodeIdPart(identity.provider()) + "-" + nodeIdPart(identity.userId()));
            button.setAccessibleHelp(messages.get("unlink.button.help", identity.label()));
            setGraphic(button);
        }
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
