package dev.accountlinker.testkit;

import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.RateLimit;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.localtenant.TenantAccount;
import dev.accountlinker.localtenant.TenantUser;

import java.util.List;
import java.util.Optional;

/**
 * The test's own local tenant, as a test controls and inspects it: fault injection, the requests it saw, its rate
 * limit, its users and its clock. {@link #localTenant()} gives everything else.
 */
public final class TenantControls {
    private final LocalTenant tenant;
    private final AdjustableClock clock;

    TenantControls(LocalTenant tenant, AdjustableClock clock) {
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Answers, delays, malformed bodies and dropped connections, e.g. {@code faults().inject(Faults.on(...))}. */
    public Faults faults() {
        return tenant.faults();
    }

    /** Every request the tenant answered, in order (token-like values redacted). */
    public List<RecordedRequest> requests() {
        return tenant.requests();
    }

    /** How many requests with this method had a path containing {@code pathPart}. */
    public long requestsTo(String method, String pathPart) {
        return tenant.requests().stream()
                .filter(request ->
                        request.method().equals(method) && request.path().contains(pathPart))
                .count();
    }

    /** Switches the Management API rate limit, e.g. {@code RateLimit.freePlan()} or {@code RateLimit.off()}. */
    public void rateLimit(RateLimit limit) {
        tenant.rateLimit(limit);
    }

    public List<TenantUser> users() {
        return tenant.users();
    }

    public Optional<TenantUser> user(String userId) {
        return tenant.user(userId);
    }

    /** Adds a sign-in account while the test runs. */
    public void addAccount(TenantAccount account) {
        tenant.addAccount(account);
    }

    /** The tenant's time: set an offset to make it issue sign-ins that are already old, or tokens that expire. */
    public AdjustableClock clock() {
        return clock;
    }

    public String baseUrl() {
        return tenant.baseUrl();
    }

    public String clientId() {
        return tenant.clientId();
    }

    public String issuer() {
        return tenant.issuer();
    }

    public int port() {
        return tenant.port();
    }

    /** The tenant goes away (as a server that stops answering); the app keeps running. */
    public void stop() {
        tenant.close();
    }

    public LocalTenant localTenant() {
        return tenant;
    }
}
