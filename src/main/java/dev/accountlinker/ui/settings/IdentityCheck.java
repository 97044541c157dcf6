package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.signin.LoginPurpose;
import dev.accountlinker.ui.signin.SignInFlow;
import dev.accountlinker.ui.signin.SignInFlows;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Confirm it's you": the signed-in person signs in again, now ({@code max_age=0}, {@code prompt=login}), on their
 * main connection with their email filled in ({@code login_hint}), before a change that needs a recent sign-in
 * (linking, unlinking, keeping the second account as main). Another account answering is refused: the change must
 * rest on the account it changes.
 *
 * <p>What it proves: that whoever is at the app can sign in as this account now. For an email-and-password account
 * that is its password (or passkey); when the main account is a social one (Google, GitHub), that provider may
 * answer from its own browser session without asking anything, so it proves no more than that provider's session.
 */
final class IdentityCheck {
    private IdentityCheck() {}

    /**
     * The new sign-in, not yet started (the caller keeps it, for a cancel, before {@link SignInFlow#start()}: a
     * sign-in may finish at once); exactly one of the callbacks is called, on the UI thread.
     *
     * @param refusedKey the message when another account answers: {0} is that account, {1} the signed-in one
     * @param confirmed  the same person signed in again: their new session
     * @param refused    another account answered
     * @param failed     the sign-in failed or was cancelled
     */
    static SignInFlow create(
            SignInFlows signIns,
            SignedInAccount current,
            Account main,
            String refusedKey,
            Consumer<SignedInAccount> confirmed,
            Consumer<UserMessage> refused,
            Consumer<Throwable> failed) {
        Optional<String> mainConnection = main.identities().isEmpty()
                ? Optional.empty()
                : Optional.of(main.identities().get(0).connection()).filter(name -> !name.isEmpty());
        return signIns.create(
                AuthorizeOptions.confirmIdentity(
                        mainConnection, current.claims().email()),
                LoginPurpose.CONFIRM_IDENTITY,
                step -> {},
                fresh -> {
                    if (fresh.claims().subject().equals(current.claims().subject())) {
                        confirmed.accept(fresh);
                    } else {
                        refused.accept(UserMessage.of(
                                refusedKey,
                                UserMessage.Remedy.NONE,
                                fresh.claims().displayName(),
                                current.claims().displayName()));
                    }
                },
                failed);
    }

    /** Who is asked to sign in again, for the progress text: their email, else their name. */
    static String who(SignedInAccount current) {
        return current.claims().email().orElse(current.claims().displayName());
    }
}
