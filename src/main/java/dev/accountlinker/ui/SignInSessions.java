package dev.accountlinker.ui;

import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.signin.BrowserLogin;
import dev.accountlinker.ui.signin.LoginLaunchers;
import dev.accountlinker.ui.signin.LoginWindow;
import dev.accountlinker.ui.signin.SignInFlows;
import dev.accountlinker.ui.signin.SignInHistory;
import dev.accountlinker.ui.signin.TenantSignOut;
import javafx.stage.Stage;

import java.io.File;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sign-ins the main window starts and the tenant sessions they leave behind. One {@link SignInHistory} is shared
 * by both sides: it tells sign-out where a sign-in left a session (the app's web view, the system browser), so
 * sign-out ends exactly those (see {@link TenantSignOut}).
 */
final class SignInSessions implements AutoCloseable {
    private final Stage owner;
    private final SignInHistory history = new SignInHistory();
    private TenantSignOut tenantSignOut;
    /** The context {@link #tenantSignOut} was made for: another tenant has other ports and another data folder. */
    private AppContext signOutContext;

    /** @param owner the main window, owner of the login windows */
    SignInSessions(Stage owner) {
        this.owner = owner;
    }

    /** The sign-in flows of the tenant {@code current} names. */
    SignInFlows flows(AppContext current) {
        LoginLaunchers launchers = new LoginLaunchers(
                () -> new LoginWindow(
                        current.messages(),
                        () -> owner,
                        current.loginSettings(),
                        current.tasks(),
                        current::webDataFolder,
                        () -> whyUnreachable(current),
                        current.config().signInHosts()),
                () -> new BrowserLogin(
                        current.messages(),
                        () -> owner,
                        current.loginSettings(),
                        current.tasks(),
                        current.config().ways().loopbackPorts()),
                current.config().ways());
        return new SignInFlows(current.signInService(), current.tasks(), launchers, history);
    }

    /**
     * Ends the tenant's session wherever a sign-in left one; the next sign-in asks for a login whatever session a
     * browser may still hold.
     *
     * @param federated            also signs out of the identity provider (Google, GitHub...) behind the tenant
     * @param browserStillSignedIn told what to say when the browser's session could not be ended
     */
    void signOut(AppContext current, boolean federated, Consumer<String> browserStillSignedIn) {
        if (tenantSignOut == null || signOutContext != current) {
            if (tenantSignOut != null) {
                tenantSignOut.close(); // the previous tenant's signed-out page frees its port
            }
            signOutContext = current;
            tenantSignOut = new TenantSignOut(
                    current.messages(),
                    current.loginSettings(),
                    current.tasks(),
                    current.config().ways(),
                    webSession(current),
                    history);
        }
        tenantSignOut.signOut(current.signInService().join(), federated, browserStillSignedIn);
    }

    /** The app quits: the signed-out page stops listening, an unfinished sign-out in the web view ends now. */
    @Override
    public void close() {
        if (tenantSignOut != null) {
            tenantSignOut.close();
        }
    }

    private static TenantSignOut.WebSession webSession(AppContext current) {
        return new TenantSignOut.WebSession() {
            @Override
            public boolean isActive() {
                return current.hasWebSession();
            }

            @Override
            public void clear() {
                current.clearWebSession();
                current.wipeWebData();
            }

            @Override
            public File dataFolder() {
                return current.webDataFolder();
            }
        };
    }

    /** What the connect screen's check says about the tenant's reachability, when it is not reachable. */
    private static Optional<UserMessage> whyUnreachable(AppContext current) {
        try {
            return new TenantCheck(current.proxies())
                    .run(current.signInService().join().settings().address()).lines().stream()
                            .filter(line -> line.item() == TenantCheck.Item.REACHABLE && !line.passed())
                            .findFirst()
                            .map(TenantCheck.Line::message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
