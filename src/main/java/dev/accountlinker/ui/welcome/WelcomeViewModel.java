package dev.accountlinker.ui.welcome;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.AppContext;
import dev.accountlinker.ui.DemoAccount;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.signin.LoginPurpose;
import dev.accountlinker.ui.signin.SignInFlow;
import dev.accountlinker.ui.signin.SignInFlows;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.function.Consumer;

/** State and actions of the sign-in screen; the view only binds to it. */
public final class WelcomeViewModel {
    private final AppContext context;
    private final Messages messages;
    private final SignInFlows signIns;
    private final AuthorizeOptions signInOptions;
    private final Consumer<SignedInAccount> onSignedIn;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper configBroken = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenantText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private final ReadOnlyBooleanWrapper demoOffered = new ReadOnlyBooleanWrapper(false);
    private SignInFlow flow;

    /**
     * @param signInOptions how the main sign-in is asked for: after a sign-out, a login is always asked for, so a
     *                      session left in a browser cannot sign the next person in silently
     */
    public WelcomeViewModel(
            AppContext context,
            SignInFlows signIns,
            AuthorizeOptions signInOptions,
            Consumer<SignedInAccount> onSignedIn,
            StatusMessage initialStatus) {
        this.context = context;
        this.messages = context.messages();
        this.signIns = signIns;
        this.signInOptions = signInOptions;
        this.onSignedIn = onSignedIn;
        status.set(initialStatus);
        tenantText.set(
                context.config().demo()
                        ? messages.get("signin.tenant.builtInDemo")
                        : messages.get(
                                "signin.tenant.remote",
                                context.config()
                                        .tenant()
                                        .orElseThrow()
                                        .address()
                                        .baseUrl()));
        context.configProblem().ifPresent(this::showConfigProblem);
        demoOffered.set(configBroken.get() && context.config().installer().offerDemo());
    }

    /** The product's name: the app's own, or the one an organisation's build gives it. */
    public String appName() {
        return context.config().installer().productName().orElse(messages.get("app.title"));
    }

    /**
     * "Use the demo tenant instead" is shown: the configuration is broken or the tenant cannot be reached, and the
     * build offers the demo.
     */
    public ReadOnlyBooleanProperty demoOfferedProperty() {
        return demoOffered.getReadOnlyProperty();
    }

    /** "Use your own Auth0 tenant…": on the demo (or instead of a broken configuration), when the build offers it. */
    public boolean connectTenantOffered() {
        return context.config().installer().offerConnect() && context.config().demo();
    }

    /** "Change tenant…": on the sign-in screen of a configured tenant, when the build offers it. */
    public boolean changeTenantOffered() {
        return context.config().installer().offerConnect() && !context.config().demo();
    }

    /** The demo accounts are listed (collapsed) on the screen: the built-in demo tenant is in use. */
    public boolean demoAccountsShown() {
        return context.config().demo() && context.configProblem().isEmpty();
    }

    /** The demo tenant's accounts with their public passwords; read when the list is first opened. */
    public List<DemoAccount> demoAccounts() {
        return demoAccountsShown() ? context.demoAccounts() : List.of();
    }

    /** What signing in with a demo account shows, in a few words. */
    public String demoNote(DemoAccount account) {
        String key = "signin.demo.note."
                + account.email().substring(0, account.email().indexOf('@'));
        String connection = messages.connectionName(account.connection());
        connection = connection.substring(0, 1).toUpperCase(messages.locale()) + connection.substring(1);
        return messages.has(key) ? messages.get("signin.demo.line", connection, messages.get(key)) : connection;
    }

    /** Says what was just copied (the text itself never goes into the status line when it is a password). */
    public void copied(String what) {
        status.set(StatusMessage.info(what));
    }

    /** Says more about what just happened (a sign-out that could not end every session), unless a sign-in runs. */
    public void replaceStatus(StatusMessage message) {
        if (!busy.get()) {
            status.set(message);
        }
    }

    private void showConfigProblem(ConfigException problem) {
        configBroken.set(true);
        tenantText.set("");
        status.set(StatusMessage.error(messages.format(context.errors().translate(problem))));
    }

    public void signIn() {
        if (busy.get() || configBroken.get()) {
            return;
        }
        busy.set(true);
        status.set(StatusMessage.NONE);
        flow = signIns.create(
                signInOptions,
                LoginPurpose.MAIN_ACCOUNT,
                step -> progressText.set(messages.get(
                        switch (step) {
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
                    status.set(describe(failure));
                });
        flow.start();
    }

    private StatusMessage describe(Throwable failure) {
        if (ErrorTranslator.isCancellation(failure)) {
            return StatusMessage.info(messages.get("signin.cancelled"));
        }
        if (context.config().demo()
                && failure instanceof AuthException auth
                && auth.reason() == AuthException.Reason.STARTUP_FAILED) {
            return StatusMessage.error(messages.get("config.error.demoFailed"));
        }
        if (!context.config().demo()
                && failure instanceof AuthException auth
                && auth.reason() == AuthException.Reason.PAGE_LOAD_FAILED) {
            // The tenant could not be reached: say where, what happened, and offer the ways on.
            demoOffered.set(context.config().installer().offerDemo());
            return StatusMessage.error(messages.get(
                    "signin.error.unreachableTenant",
                    context.config().tenant().orElseThrow().address().baseUrl(),
                    sentence(auth.detail())));
        }
        return StatusMessage.error(messages.format(context.errors().translate(failure)));
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
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
