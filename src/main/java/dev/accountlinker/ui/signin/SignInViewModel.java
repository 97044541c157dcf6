package dev.accountlinker.ui.signin;

import dev.accountlinker.AppServices;
import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.login.LoginLaunchers;
import dev.accountlinker.ui.login.SignInFlow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/** State and actions of the sign-in screen; the controller only binds to it. */
public final class SignInViewModel {
    private final AppServices services;
    private final Messages messages;
    private final LoginLaunchers launchers;
    private final Consumer<SignedInAccount> onSignedIn;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper configBroken = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenantText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private SignInFlow flow;

    public SignInViewModel(AppServices services, LoginLaunchers launchers, Consumer<SignedInAccount> onSignedIn,
                           StatusMessage initialStatus) {
        this.services = services;
        this.messages = services.messages();
        this.launchers = launchers;
        this.onSignedIn = onSignedIn;
        status.set(initialStatus);
        tenantText.set(services.config().demo()
                ? messages.get("signin.tenant.demo")
                : messages.get("signin.tenant.remote", services.config().tenant().orElseThrow().address().baseUrl()));
        services.configProblem().ifPresent(this::showConfigProblem);
    }

    private void showConfigProblem(ConfigException problem) {
        configBroken.set(true);
        tenantText.set("");
        status.set(StatusMessage.error(messages.format(services.errors().translate(problem))));
    }

    public void signIn() {
        if (busy.get() || configBroken.get()) {
            return;
        }
        busy.set(true);
        status.set(StatusMessage.NONE);
        flow = new SignInFlow(services.signInService(), launchers, AuthorizeOptions.primarySignIn(), "login.title",
                step -> progressText.set(messages.get(switch (step) {
                    case STARTING_TENANT -> "signin.startingTenant";
                    case PREPARING, WAITING_FOR_USER -> "signin.preparing";
                    case WAITING_FOR_BROWSER -> "signin.waitingForBrowser";
                    case FINISHING -> "signin.finishing";
                })),
                account -> {
                    busy.set(false);
                    onSignedIn.accept(account);
                },
                failure -> {
                    busy.set(false);
                    status.set(StatusMessage.error(describe(failure)));
                });
        flow.start();
    }

    private String describe(Throwable failure) {
        if (failure instanceof AuthException || failure instanceof ConfigException || services.config().tenant().isPresent()) {
            return messages.format(services.errors().translate(failure));
        }
        // In demo mode anything else before sign-in means the built-in tenant did not start.
        UserMessage translated = services.errors().translate(failure);
        return translated.key().equals("error.unexpected") ? messages.get("config.error.demoFailed") : messages.format(translated);
    }

    public void cancel() {
        stopWork();
        status.set(StatusMessage.info(messages.get("signin.cancelled")));
    }

    /** Stops a running sign-in without a message (the screen is going away). */
    public void stopWork() {
        if (flow != null) {
            flow.cancel();
            flow = null;
        }
        busy.set(false);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty configBrokenProperty() {
        return configBroken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenantTextProperty() {
        return tenantText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
