package dev.accountlinker.ui.settings;

import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.Identity;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.MutableClock;
import dev.accountlinker.localtenant.RateLimit;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.testkit.TenantBrowser;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.ScriptedConfirmations;
import dev.accountlinker.ui.ScriptedLogin;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.signin.LoginLaunchers;
import dev.accountlinker.ui.signin.SignInFlows;
import dev.accountlinker.ui.signin.SignInHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings screen's behaviour without a window: the real view model, the real linking code and the real
 * local tenant over HTTP; only the person is scripted (their sign-ins and their answers to the confirmations).
 * Work runs on the test thread ({@link CurrentThreadTaskRunner}), so every step is deterministic.
 */
class SettingsViewModelTest {
    private static final String REDIRECT = "http://127.0.0.1/callback";
    private static final String ALICE = "auth0|alice";
    private static final String GOOGLE = "google-oauth2|109876543210987654321";
    private static final String GITHUB = "github|4242424";

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    private final ScriptedLogin login = new ScriptedLogin();
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();
    private final List<SettingsState> states = new ArrayList<>();
    /** One clock for the tenant and the app: waiting for the rate limit moves it on instead of sleeping. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private LocalTenant tenant;
    private TenantSettings settings;
    private SignInService signIn;
    private SettingsViewModel viewModel;
    private SignedInAccount primary;
    private final List<Confirmations.SignOut> signedOut = new ArrayList<>();

    @BeforeEach
    void startTenant() throws Exception {
        tenant = LocalTenant.builder()
                .redirectUris(List.of(REDIRECT))
                .clock(clock)
                .start();
        settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of("google-oauth2", "github"),
                URI.create(REDIRECT));
        signIn = new SignInService(settings, clock, Locale.ENGLISH);
    }

    @AfterEach
    void stopTenant() {
        tenant.close();
    }

    /** Signs in on the tenant's page (as the sign-in screen would) and opens the settings screen. */
    private SettingsViewModel signedInAs(String email, String password) throws Exception {
        AuthorizationRequest request = signIn.newAuthorization(AuthorizeOptions.primarySignIn());
        URI callback = new TenantBrowser(REDIRECT).signIn(request.url(), email, password);
        return opened(signIn.complete(
                request,
                CallbackResponse.match(callback.toString(), request.redirectUri())
                        .orElseThrow()));
    }

    /** Opens the settings screen on this session. */
    private SettingsViewModel opened(SignedInAccount session) {
        primary = session;
        LoginLaunchers launchers = new LoginLaunchers(() -> login, () -> login, SignInWays.embeddedOnly());
        SettingsContext context = new SettingsContext(
                settings,
                messages,
                new ErrorTranslator(clock),
                tasks,
                new SignInFlows(CompletableFuture.completedFuture(signIn), tasks, launchers, new SignInHistory()),
                new RequestPolicy(clock, (until, cancelled) -> clock.advanceTo(until)));
        viewModel = new SettingsViewModel(context, primary, confirmations, signedOut::add);
        viewModel.stateProperty().addListener((observable, old, state) -> states.add(state));
        viewModel.refresh();
        return viewModel;
    }

    private SettingsViewModel aliceSignedIn() throws Exception {
        return signedInAs("alice@example.com", "Alice-Demo-1");
    }

    /** Runs {@code action} once, when the view model enters {@code state}: how a test acts "in the middle". */
    private void whenState(SettingsState state, Consumer<SettingsViewModel> action) {
        boolean[] done = {false};
        viewModel.stateProperty().addListener((observable, old, now) -> {
            if (now == state && !done[0]) {
                done[0] = true;
                action.accept(viewModel);
            }
        });
    }

    private List<String> identitySubjects() {
        return viewModel.profile().identities().stream().map(Identity::subject).toList();
    }

    private StatusMessage status() {
        return viewModel.statusProperty().get();
    }

    private long writes() {
        return tenant.requests().stream().filter(this::isWrite).count();
    }

    private boolean isWrite(RecordedRequest request) {
        return request.path().startsWith("/api/v2/") && !request.method().equals("GET");
    }

    private List<String> writeMethods() {
        return tenant.requests().stream()
                .filter(this::isWrite)
                .map(RecordedRequest::method)
                .toList();
    }

    // ---- Auth0's rate limit ----

    /** Spends every request the tenant's rate limit allows right now (as other apps of the tenant would). */
    private void drainRateLimit() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(tenant.baseUrl() + "/api/v2/users/auth0%7Calice"))
                            .header(
                                    "Authorization",
                                    "Bearer " + primary.tokens().accessToken())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("the rate limit never refused");
    }

    private long refused(String method, String pathSuffix) {
        return tenant.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix) && r.status() == 429)
                .count();
    }

    @Test
    void underTheFreePlanALinkRefusedAfterTheMergeWaitsAndCompletes() throws Exception {
        tenant.rateLimit(RateLimit.freePlan());
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        List<String> texts = new ArrayList<>();
        viewModel.stateTextProperty().addListener((observable, old, text) -> texts.add(text));
        // Between the merge and the link, the tenant's other traffic uses up the limit: the link is refused once.
        whenState(
                SettingsState.MERGING,
                vm -> whenState(SettingsState.LINKING, linking -> {
                    try {
                        drainRateLimit();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));

        viewModel.link(Optional.of("google-oauth2"));

        assertEquals(
                StatusMessage.success("Linked Alice (Google) to your account. You can now sign in with either."),
                status());
        assertEquals(List.of(ALICE, GOOGLE), identitySubjects());
        assertEquals(1, refused("POST", "/identities"), "refused once, then sent again after the reset");
        assertEquals(
                List.of("PATCH", "POST"),
                tenant.requests().stream()
                        .filter(this::isWrite)
                        .filter(r -> r.status() != 429)
                        .map(RecordedRequest::method)
                        .toList(),
                "each change applied once: no half-done merge, no second PATCH");
        assertTrue(states.contains(SettingsState.WAITING_FOR_RATE_LIMIT));
        // The free plan's bucket of 2 is full again a second after it ran dry (Auth0 rounds the reset up to a second).
        assertTrue(
                texts.stream().anyMatch(text -> text.matches("Auth0 is limiting requests — continuing in [12] s")),
                texts.toString());
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
    }

    @Test
    void aWaitForTheRateLimitCanBeCancelledAndNothingIsUnlinked() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        // The person cancels as soon as the wait is shown: the refused unlink was not applied and is not sent again.
        RequestPolicy cancelling = new RequestPolicy(clock, (until, cancelled) -> viewModel.cancelOperation());
        SettingsViewModel withCancellingWait = new SettingsViewModel(
                new SettingsContext(settings, messages, new ErrorTranslator(clock), tasks, null, cancelling),
                primary,
                confirmations,
                signedOut::add);
        viewModel = withCancellingWait;
        withCancellingWait.refresh();
        tenant.rateLimit(RateLimit.freePlan());
        drainRateLimit();

        withCancellingWait.unlink(withCancellingWait.profile().identities().get(1));

        assertEquals(
                StatusMessage.info("Unlinking was cancelled. Nothing was changed."),
                withCancellingWait.statusProperty().get());
        assertEquals(2, tenant.user(ALICE).orElseThrow().identities().size());
        assertEquals(
                0,
                tenant.requests().stream()
                        .filter(r -> r.method().equals("DELETE") && r.status() != 429)
                        .count());
    }

    // ---- unlinking ----

    @Test
    void unlinkingAfterConfirmationLeavesASeparateAccount() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        Identity github = viewModel.profile().identities().get(1);

        viewModel.unlink(github);

        assertEquals(List.of(github), confirmations.unlinkQuestions());
        assertEquals(StatusMessage.success("Unlinked alice-gh@example.com. It is a separate account again."), status());
        assertEquals(List.of(ALICE), identitySubjects());
        assertTrue(tenant.user(GITHUB).isPresent());
        assertTrue(states.contains(SettingsState.UNLINKING));
    }

    @Test
    void anUnlinkNotConfirmedSendsNothing() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        long before = writes();
        confirmations.answerUnlink(false);
        viewModel.unlink(viewModel.profile().identities().get(1));
        assertEquals(before, writes());
        assertEquals(List.of(ALICE, GITHUB), identitySubjects());
    }

    @Test
    void theMainIdentityCannotBeUnlinked() throws Exception {
        aliceSignedIn();
        viewModel.unlink(viewModel.profile().identities().get(0));
        assertTrue(confirmations.unlinkQuestions().isEmpty());
        assertEquals(0, writes());
    }

    @Test
    void aFailedUnlinkIsExplainedAndTheAccountIsReadAgain() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        tenant.faults()
                .inject(Faults.on("DELETE", "/api/v2/users/")
                        .respond(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"down\"}"));
        states.clear();
        viewModel.unlink(viewModel.profile().identities().get(1));
        assertEquals(
                StatusMessage.error("The account service had a problem (HTTP 503). Please try again in a moment."),
                status());
        assertEquals(
                List.of(SettingsState.UNLINKING, SettingsState.IDLE, SettingsState.LOADING, SettingsState.IDLE),
                states);
        assertEquals(List.of(ALICE, GITHUB), identitySubjects());
    }

    @Test
    void signingOutPassesOnWhetherToEndTheProvidersSessionsToo() throws Exception {
        aliceSignedIn();
        confirmations.answerSignOut(Optional.of(new Confirmations.SignOut(true)));
        viewModel.signOut();
        assertEquals(List.of(new Confirmations.SignOut(true)), signedOut, "federated, as the person chose");
    }

    @Test
    void signingOutIsConfirmedFirstAndNotWhileAChangeRuns() throws Exception {
        aliceSignedIn();
        confirmations.answerSignOut(Optional.empty());
        viewModel.signOut();
        assertTrue(signedOut.isEmpty(), "the person said no");

        confirmations.answerSignOut(Optional.of(new Confirmations.SignOut(false)));
        login.neverAnswer();
        viewModel.link(Optional.of("github"));
        viewModel.signOut();
        assertTrue(signedOut.isEmpty(), "not in the middle of linking: cancel it first");
        viewModel.cancelOperation();
        viewModel.signOut();
        assertEquals(List.of(new Confirmations.SignOut(false)), signedOut);
    }

    // ---- reading ----

    @Test
    void refreshShowsTheProfileAndTheMainIdentity() throws Exception {
        aliceSignedIn();
        assertEquals("Alice Example", viewModel.profile().nameProperty().get());
        assertEquals("alice@example.com", viewModel.profile().emailProperty().get());
        assertEquals(List.of(ALICE), identitySubjects());
        assertTrue(viewModel.profile().loadedProperty().get());
        assertEquals(List.of(SettingsState.LOADING, SettingsState.IDLE), states);
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
        assertEquals("", viewModel.stateTextProperty().get());
    }

    @Test
    void aFailingRefreshSaysWhyAndKeepsTheScreen() throws Exception {
        aliceSignedIn();
        tenant.faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .times(3)
                        .respond(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"down\"}"));
        viewModel.refresh();
        assertEquals(
                StatusMessage.error("The account service had a problem (HTTP 503). Please try again in a moment."),
                status());
        assertEquals(List.of(ALICE), identitySubjects(), "what was shown stays");
        assertFalse(viewModel.sessionExpiredProperty().get());
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
    }

    @Test
    void anExpiredSessionOnRefreshOffersSignInAgain() throws Exception {
        aliceSignedIn();
        tenant.faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .respond(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Expired token\"}"));
        viewModel.refresh();
        assertEquals("Your session expired. Sign in again to continue.", status().text());
        assertTrue(viewModel.sessionExpiredProperty().get());
    }

    // ---- linking ----

    @Test
    void linkingKeepingTheCurrentAccountMergesThenLinks() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        states.clear();

        viewModel.link(Optional.of("google-oauth2"));

        assertEquals(
                StatusMessage.success("Linked Alice (Google) to your account. You can now sign in with either."),
                status());
        assertEquals(List.of(ALICE, GOOGLE), identitySubjects());
        assertEquals(List.of("PATCH", "POST"), writeMethods(), "merge first, then link; each once");
        assertTrue(tenant.user(GOOGLE).isEmpty(), "the linked account is no longer a separate user");
        assertEquals(
                true, tenant.user(ALICE).orElseThrow().userMetadata().get("newsletter"), "its metadata was merged");
        assertEquals("en", tenant.user(ALICE).orElseThrow().userMetadata().get("language"), "the main account wins");
        assertEquals(
                List.of(
                        SettingsState.SIGNING_IN_SECOND,
                        SettingsState.READING,
                        SettingsState.CONFIRMING,
                        SettingsState.LINKING,
                        SettingsState.MERGING,
                        SettingsState.LINKING,
                        SettingsState.IDLE),
                states);
        AuthorizationRequest second = login.requests().get(0);
        assertTrue(
                second.url().contains("connection=google-oauth2")
                        && second.url().contains("max_age=0")
                        && second.url().contains("prompt=login"),
                "a fresh sign-in of the second account");
    }

    @Test
    void linkingKeepingTheSecondAccountSwitchesToIt() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        confirmations.answerLink(Optional.of(LinkDirection.KEEP_SECOND));

        viewModel.link(Optional.of("google-oauth2"));

        assertEquals(
                StatusMessage.success("Linked Alice Example into Alice (Google). Alice (Google) is now your main"
                        + " account and you are signed in as it. You can sign in with either."),
                status());
        assertEquals("alice.g@example.com", viewModel.profile().emailProperty().get());
        assertEquals(List.of(GOOGLE, ALICE), identitySubjects());
        assertTrue(tenant.user(ALICE).isEmpty());
        // The app now acts with the second account's token: a refresh reads the Google user.
        viewModel.refresh();
        assertEquals(List.of(GOOGLE, ALICE), identitySubjects());
        assertTrue(tenant.requests().stream()
                .anyMatch(r -> r.method().equals("GET") && r.path().equals("/api/v2/users/" + GOOGLE)));
    }

    @Test
    void anUnverifiedSecondAccountIsRefusedBeforeAnyRequest() throws Exception {
        aliceSignedIn();
        login.signInAs("unverified@example.com", "Unverified-1");
        viewModel.link(Optional.empty());
        assertEquals(
                StatusMessage.error("The email address unverified@example.com is not verified, so this account"
                        + " cannot be linked. Verify the email address first, then try again."),
                status());
        assertTrue(confirmations.linkQuestions().isEmpty(), "nothing is asked");
        assertEquals(0, writes());
    }

    @Test
    void theSignedInAccountItselfIsRefused() throws Exception {
        aliceSignedIn();
        login.signInAs("alice@example.com", "Alice-Demo-1");
        viewModel.link(Optional.empty());
        assertTrue(status().text().startsWith("That is the account you are signed in with"), status().text());
        assertEquals(0, writes());
    }

    @Test
    void anIdentityAlreadyLinkedIsRefused() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1").signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        assertEquals(List.of(ALICE, GITHUB), identitySubjects());
        long writesAfterFirstLink = writes();

        // Signing in with a linked identity gives its main account (as Auth0 does): that is refused as the same
        // account.
        viewModel.link(Optional.of("github"));
        assertEquals(
                StatusMessage.error("That is the account you are signed in with (Alice Example). Sign in with a"
                        + " different account to link it."),
                status());
        assertEquals(writesAfterFirstLink, writes());
    }

    @Test
    void aSecondAccountWithLinkedAccountsIsRefusedBeforeItsMetadataIsMerged() throws Exception {
        aliceSignedIn();
        login.signInAs("carol@example.com", "Carol-Demo-1");
        viewModel.link(Optional.empty());
        assertTrue(status().text().startsWith("Carol Linked already has other accounts linked to it"), status().text());
        assertTrue(confirmations.linkQuestions().isEmpty());
        assertEquals(0, writes());
        assertEquals(
                "pro", tenant.user("auth0|carol").orElseThrow().userMetadata().get("plan"));
    }

    // ---- safety: an old sign-in confirms it is still the same person ----

    @Test
    void anOldSignInSignsInAgainBeforeTheSecondAccount() throws Exception {
        aliceSignedIn();
        clock.advance(Duration.ofMinutes(11));
        login.signInAs("alice@example.com", "Alice-Demo-1").signInAs("alice-gh@example.com", "Github-Demo-1");
        List<String> texts = new ArrayList<>();
        viewModel.stateTextProperty().addListener((observable, old, text) -> texts.add(text));

        viewModel.link(Optional.of("github"));

        assertEquals(
                "For your safety, linking needs a recent sign-in: sign in again as alice@example.com (your last"
                        + " sign-in was 11 minutes ago).",
                texts.get(0));
        AuthorizationRequest confirm = login.requests().get(0);
        assertTrue(
                confirm.url().contains("login_hint=alice%40example.com")
                        && confirm.url().contains("max_age=0")
                        && confirm.url().contains("connection=Username-Password-Authentication"),
                confirm.url());
        assertEquals(SettingsState.CONFIRMING_IDENTITY, states.get(2));
        assertEquals(List.of(ALICE, GITHUB), identitySubjects(), "then linked as usual");
        assertEquals(2, login.requests().size());
    }

    @Test
    void confirmingWithAnotherAccountIsRefusedAndNothingChanges() throws Exception {
        aliceSignedIn();
        clock.advance(Duration.ofMinutes(11));
        login.signInAs("bob@example.com", "Bob-Demo-1");
        viewModel.link(Optional.of("github"));
        assertEquals(
                StatusMessage.error("You signed in as Bob Builder, not as Alice Example. To link accounts, confirm"
                        + " with the account you are signed in with."),
                status());
        assertEquals("alice@example.com", viewModel.profile().emailProperty().get());
        assertEquals(1, login.requests().size(), "no second sign-in was asked for");
        assertEquals(0, writes());
    }

    @Test
    void anOldSignInSignsInAgainBeforeUnlinking() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        Identity github = viewModel.profile().identities().get(1);
        clock.advance(Duration.ofMinutes(11));
        login.signInAs("alice@example.com", "Alice-Demo-1");
        List<String> texts = new ArrayList<>();
        viewModel.stateTextProperty().addListener((observable, old, text) -> texts.add(text));
        int before = login.requests().size();

        viewModel.unlink(github);

        assertEquals(
                "For your safety, unlinking needs a recent sign-in: sign in again as alice@example.com (your last"
                        + " sign-in was 11 minutes ago).",
                texts.get(0));
        AuthorizationRequest confirm = login.requests().get(before);
        assertTrue(
                confirm.url().contains("login_hint=alice%40example.com")
                        && confirm.url().contains("max_age=0")
                        && confirm.url().contains("prompt=login"),
                confirm.url());
        assertTrue(states.contains(SettingsState.CONFIRMING_IDENTITY_TO_UNLINK));
        assertEquals(StatusMessage.success("Unlinked alice-gh@example.com. It is a separate account again."), status());
        assertEquals(List.of(ALICE), identitySubjects());
    }

    @Test
    void aRecentSignInUnlinksWithoutSigningInAgain() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        clock.advance(Duration.ofMinutes(9));

        viewModel.unlink(viewModel.profile().identities().get(1));

        assertEquals(1, login.requests().size(), "only the second account's sign-in, for the link");
        assertFalse(states.contains(SettingsState.CONFIRMING_IDENTITY_TO_UNLINK));
        assertEquals(List.of(ALICE), identitySubjects());
    }

    @Test
    void theNewSignInBeforeAnUnlinkCountsForTheNextChange() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1").signInAs("alice.g@example.com", "Google-Demo-1");
        viewModel.link(Optional.of("github"));
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(List.of(ALICE, GITHUB, GOOGLE), identitySubjects());
        clock.advance(Duration.ofMinutes(11));
        login.signInAs("alice@example.com", "Alice-Demo-1");

        viewModel.unlink(viewModel.profile().identities().get(1));
        viewModel.unlink(viewModel.profile().identities().get(1));

        assertEquals(3, login.requests().size(), "one new sign-in of the signed-in account, for both unlinks");
        assertEquals(
                1,
                states.stream()
                        .filter(SettingsState.CONFIRMING_IDENTITY_TO_UNLINK::equals)
                        .count());
        assertEquals(List.of(ALICE), identitySubjects());
    }

    @Test
    void aSessionWithoutAuthTimeCountsAsAnOldSignInHoweverFreshItsToken() throws Exception {
        // Auth0 writes auth_time only when the request had max_age; iat is when the token was issued, which a
        // single-sign-on answer on an hour-old session makes fresh. The guard must not trust it.
        aliceSignedIn();
        SignedInAccount withAuthTime = primary;
        IdTokenClaims claims = withAuthTime.claims();
        assertTrue(claims.authTime().isPresent(), "every main sign-in asks for max_age, so the tenant writes it");
        opened(new SignedInAccount(
                new IdTokenClaims(
                        claims.subject(),
                        claims.email(),
                        claims.emailVerified(),
                        claims.name(),
                        claims.picture(),
                        clock.instant(),
                        Optional.empty()),
                withAuthTime.tokens()));
        login.signInAs("alice@example.com", "Alice-Demo-1").signInAs("alice-gh@example.com", "Github-Demo-1");

        viewModel.link(Optional.of("github"));

        AuthorizationRequest confirm = login.requests().get(0);
        assertTrue(
                confirm.url().contains("login_hint=alice%40example.com")
                        && confirm.url().contains("max_age=0"),
                confirm.url());
        assertTrue(states.contains(SettingsState.CONFIRMING_IDENTITY));
        assertEquals(List.of(ALICE, GITHUB), identitySubjects(), "then linked on the new sign-in");
    }

    @Test
    void anUnlinkConfirmedByAnotherAccountIsRefusedAndNothingChanges() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        clock.advance(Duration.ofMinutes(11));
        login.signInAs("bob@example.com", "Bob-Demo-1");
        long before = writes();

        viewModel.unlink(viewModel.profile().identities().get(1));

        assertEquals(
                StatusMessage.error("You signed in as Bob Builder, not as Alice Example. To unlink an account, confirm"
                        + " with the account you are signed in with. Nothing was changed."),
                status());
        assertEquals(before, writes());
        assertEquals(List.of(ALICE, GITHUB), identitySubjects());
        assertEquals("alice@example.com", viewModel.profile().emailProperty().get());
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
    }

    @Test
    void theSignInBeforeAnUnlinkCanBeCancelled() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        clock.advance(Duration.ofMinutes(11));
        login.neverAnswer();
        long before = writes();
        viewModel.unlink(viewModel.profile().identities().get(1));
        assertEquals(
                SettingsState.CONFIRMING_IDENTITY_TO_UNLINK,
                viewModel.stateProperty().get());

        viewModel.cancelOperation();

        assertEquals(StatusMessage.info("Unlinking was cancelled. Nothing was changed."), status());
        assertTrue(login.everyWindowClosed());
        assertEquals(before, writes());
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
    }

    @Test
    void keepingTheSecondAccountAsMainAfterTheDialogWasOpenTooLongSignsInAgainFirst() throws Exception {
        aliceSignedIn();
        clock.advance(Duration.ofMinutes(8)); // a recent sign-in when the link starts: no check then
        login.signInAs("alice.g@example.com", "Google-Demo-1").signInAs("alice@example.com", "Alice-Demo-1");
        confirmations
                .answerLink(Optional.of(LinkDirection.KEEP_SECOND))
                .whileLinkDialogOpen(() -> clock.advance(Duration.ofMinutes(3)));

        viewModel.link(Optional.of("google-oauth2"));

        assertEquals(2, login.requests().size(), "the second account, then the signed-in one again");
        AuthorizationRequest confirm = login.requests().get(1);
        assertTrue(
                confirm.url().contains("login_hint=alice%40example.com")
                        && confirm.url().contains("max_age=0")
                        && confirm.url().contains("connection=Username-Password-Authentication"),
                confirm.url());
        int checked = states.indexOf(SettingsState.CONFIRMING_IDENTITY_TO_KEEP_SECOND);
        assertTrue(checked > states.indexOf(SettingsState.CONFIRMING), states.toString());
        assertTrue(checked < states.indexOf(SettingsState.LINKING), states.toString());
        assertEquals(List.of(GOOGLE, ALICE), identitySubjects());
        assertEquals("alice.g@example.com", viewModel.profile().emailProperty().get());
    }

    @Test
    void keepingTheSecondAccountAsMainIsRefusedWhenAnotherAccountConfirms() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1").signInAs("bob@example.com", "Bob-Demo-1");
        confirmations
                .answerLink(Optional.of(LinkDirection.KEEP_SECOND))
                .whileLinkDialogOpen(() -> clock.advance(Duration.ofMinutes(11)));

        viewModel.link(Optional.of("google-oauth2"));

        assertEquals(
                StatusMessage.error("You signed in as Bob Builder, not as Alice Example. To link accounts, confirm"
                        + " with the account you are signed in with."),
                status());
        assertEquals(0, writes());
        assertTrue(tenant.user(ALICE).isPresent() && tenant.user(GOOGLE).isPresent(), "nothing was linked");
        assertEquals("alice@example.com", viewModel.profile().emailProperty().get());
    }

    @Test
    void keepingTheCurrentAccountAsMainNeedsNoSecondCheck() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        confirmations.whileLinkDialogOpen(() -> clock.advance(Duration.ofMinutes(11)));
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(1, login.requests().size());
        assertEquals(List.of(ALICE, GOOGLE), identitySubjects());
    }

    @Test
    void aRecentSignInGoesStraightToTheSecondAccount() throws Exception {
        aliceSignedIn();
        clock.advance(Duration.ofMinutes(9));
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        viewModel.link(Optional.of("github"));
        assertEquals(List.of(ALICE, GITHUB), identitySubjects());
        assertFalse(states.contains(SettingsState.CONFIRMING_IDENTITY));
    }

    // ---- cancelling, at each step ----

    @Test
    void cancellingDuringTheSecondSignInClosesItAndChangesNothing() throws Exception {
        aliceSignedIn();
        login.neverAnswer();
        viewModel.link(Optional.of("github"));
        assertEquals(SettingsState.SIGNING_IN_SECOND, viewModel.stateProperty().get());
        assertTrue(viewModel.stateProperty().get().isCancellable());
        assertEquals(
                "Sign in to the account you want to link in the window that opened…",
                viewModel.stateTextProperty().get());

        viewModel.cancelOperation();

        assertEquals(StatusMessage.info("Linking was cancelled. Nothing was changed."), status());
        assertTrue(login.everyWindowClosed(), "the sign-in window was closed");
        assertEquals(SettingsState.IDLE, viewModel.stateProperty().get());
        assertEquals(0, writes());
    }

    @Test
    void closingTheSecondSignInWindowIsACancelNotAnError() throws Exception {
        aliceSignedIn();
        login.closeWindow();
        viewModel.link(Optional.of("github"));
        assertEquals(StatusMessage.info("Linking was cancelled. Nothing was changed."), status());
    }

    @Test
    void anErrorRedirectOfTheSecondSignInIsShown() throws Exception {
        aliceSignedIn();
        login.errorRedirect("access_denied", "The user did not consent");
        viewModel.link(Optional.of("github"));
        assertEquals(StatusMessage.error("Sign-in did not complete: The user did not consent"), status());
        assertEquals(0, writes());
    }

    @Test
    void cancellingTheConfirmationChangesNothing() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        confirmations.answerLink(Optional.empty());
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(1, confirmations.linkQuestions().size());
        assertEquals(StatusMessage.info("Linking was cancelled. Nothing was changed."), status());
        assertEquals(0, writes());
        assertTrue(tenant.user(GOOGLE).isPresent());
    }

    @Test
    void cancellingWhileReadingTheSecondAccountStopsBeforeTheConfirmation() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        whenState(SettingsState.READING, SettingsViewModel::cancelOperation);
        viewModel.link(Optional.of("google-oauth2"));
        assertTrue(states.contains(SettingsState.CANCELLING));
        assertTrue(confirmations.linkQuestions().isEmpty(), "the confirmation never opened");
        assertEquals(StatusMessage.info("Linking was cancelled. Nothing was changed."), status());
        assertEquals(0, writes());
    }

    @Test
    void cancellingBeforeTheMergeSendsNoWrite() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        whenState(SettingsState.MERGING, SettingsViewModel::cancelOperation);
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(StatusMessage.info("Linking was cancelled. Nothing was changed."), status());
        assertEquals(0, writes());
        assertTrue(tenant.user(GOOGLE).isPresent());
    }

    @Test
    void cancellingAfterTheMergeSaysWhatWasMergedAndLinksNothing() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        whenState(SettingsState.MERGING, vm -> whenState(SettingsState.LINKING, SettingsViewModel::cancelOperation));
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(List.of("PATCH"), writeMethods());
        assertEquals(
                StatusMessage.info("Linking was cancelled after the information of Alice (Google) was merged into"
                        + " your account. The accounts are not linked; Alice (Google) still exists. You can link again at any"
                        + " time."),
                status());
        assertTrue(tenant.user(GOOGLE).isPresent());
        assertEquals(List.of(ALICE), identitySubjects(), "the account was read again");
    }

    @Test
    void onlyTheStepsThatCanStopAreCancellable() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        List<Boolean> cancellable = new ArrayList<>();
        viewModel.stateProperty().addListener((observable, old, state) -> cancellable.add(state.isCancellable()));
        viewModel.link(Optional.of("google-oauth2"));
        // SIGNING_IN_SECOND, READING, CONFIRMING, LINKING, MERGING, LINKING, IDLE
        assertEquals(List.of(true, true, false, true, true, true, false), cancellable);
    }

    // ---- failures while linking ----

    @Test
    void aServerErrorAfterTheMergeSaysNothingIsLostAndTheAccountIsReadAgain() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        tenant.faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(500, "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"boom\"}"));
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(
                StatusMessage.error("The information of Alice (Google) was merged into your account, but linking"
                        + " then failed: The account service had a problem (HTTP 500). Please try again in a moment. Nothing is"
                        + " lost: Alice (Google) still exists and you can try again."),
                status());
        assertEquals(true, tenant.user(ALICE).orElseThrow().userMetadata().get("newsletter"));
        assertTrue(tenant.user(GOOGLE).isPresent());
        assertEquals(SettingsState.LOADING, states.get(states.size() - 2), "the account was read again");
        assertEquals(List.of(ALICE), identitySubjects());
    }

    @Test
    void anExpiredSessionWhileLinkingOffersSignInAgain() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        tenant.faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Expired token\"}"));
        viewModel.link(Optional.of("github"));
        assertTrue(status().text().contains("Your session expired. Sign in again to continue."), status().text());
        assertTrue(viewModel.sessionExpiredProperty().get());
    }

    @Test
    void aConflictShowsAuth0sOwnMessage() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        tenant.faults()
                .inject(
                        Faults.on("POST", "/api/v2/users/")
                                .respond(
                                        409,
                                        "{\"statusCode\":409,\"error\":\"Conflict\",\"message\":\"The identity is already linked\",\"errorCode\":\"identity_conflict\"}"));
        viewModel.link(Optional.of("github"));
        assertTrue(status().text().contains("The identity is already linked"), status().text());
        assertFalse(viewModel.sessionExpiredProperty().get());
    }

    @Test
    void aRateLimitedLinkSaysWhenToTryAgain() throws Exception {
        aliceSignedIn();
        login.signInAs("alice-gh@example.com", "Github-Demo-1");
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        tenant.faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(
                                429,
                                "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Global limit has been reached\"}")
                        .header("x-ratelimit-limit", "2")
                        .header("x-ratelimit-remaining", "0")
                        .header("x-ratelimit-reset", String.valueOf(reset)));
        viewModel.link(Optional.of("github"));
        assertTrue(status().text().contains("Too many requests right now. Please try again after"), status().text());
        assertEquals(
                1L,
                tenant.requests().stream()
                        .filter(r -> r.method().equals("POST") && r.path().endsWith("/identities"))
                        .count(),
                "not resent");
    }

    @Test
    void aReverseLinkThatTimedOutButWentThroughAsksForANewSignIn() throws Exception {
        aliceSignedIn();
        login.signInAs("alice.g@example.com", "Google-Demo-1");
        confirmations.answerLink(Optional.of(LinkDirection.KEEP_SECOND));
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").dropConnection());
        // The link's answer is lost, but Auth0 did link Alice into the Google account: played here with the
        // Google account's own token, just before the app reads Alice again after the failure.
        whenState(SettingsState.LOADING, vm -> {
            LinkPreview asked = confirmations.linkQuestions().get(0);
            new AccountClient(settings, asked.second().tokens().accessToken(), RequestPolicy.sleeping(clock))
                    .link(GOOGLE, asked.current().tokens().idToken());
        });
        viewModel.link(Optional.of("google-oauth2"));
        assertEquals(
                "This account is no longer a separate user: it has been linked into another account (a link that"
                        + " did not answer in time went through after all). Sign in again to continue with that account.",
                status().text());
        assertTrue(viewModel.sessionExpiredProperty().get());
    }
}
