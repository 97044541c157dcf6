package dev.accountlinker.ui.settings;

import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.StatusMessage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the settings screen says about its work: the one {@link SettingsState} with its progress text, the status
 * line of the last operation, and whether only a new sign-in can help. UI thread only.
 */
final class ScreenState implements RateLimitCountdown.Screen {
    private final Messages messages;
    private final ReadOnlyObjectWrapper<SettingsState> state = new ReadOnlyObjectWrapper<>(SettingsState.IDLE);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private final ReadOnlyBooleanWrapper signInAgain = new ReadOnlyBooleanWrapper(false);

    ScreenState(Messages messages) {
        this.messages = messages;
    }

    /** Enters a state; {@code textArguments} fill in its progress text. */
    void enter(SettingsState next, Object... textArguments) {
        show(next, next.textKey().isEmpty() ? "" : messages.get(next.textKey(), textArguments));
    }

    @Override
    public SettingsState state() {
        return state.get();
    }

    @Override
    public String text() {
        return text.get();
    }

    @Override
    public void show(SettingsState next, String nextText) {
        state.set(next);
        text.set(nextText);
    }

    /** Shows a message on the status line. */
    void tell(StatusMessage message) {
        status.set(message);
    }

    /** Shows a failure; offers "Sign in again" when only a new session can help. */
    void fail(UserMessage message) {
        signInAgain.set(message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN);
        status.set(StatusMessage.error(messages.format(message)));
    }

    /** Sets whether "Sign in again" is offered, for a message built elsewhere. */
    void offerSignInAgain(boolean offer) {
        signInAgain.set(offer);
    }

    /** A new operation starts: the last one's message goes. */
    void clearStatus() {
        status.set(StatusMessage.NONE);
        signInAgain.set(false);
    }

    ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty signInAgainProperty() {
        return signInAgain.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SettingsState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
