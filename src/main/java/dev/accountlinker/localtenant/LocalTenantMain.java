package dev.accountlinker.localtenant;

import java.util.concurrent.CountDownLatch;

/** Runs the demo tenant standalone: {@code --port=N} (default 8765). Prints the base URL and the demo accounts. */
public final class LocalTenantMain {

    private LocalTenantMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8765;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else {
                System.err.println("Usage: LocalTenantMain [--port=N]");
                System.exit(2);
            }
        }
        LocalTenant tenant = LocalTenant.builder().port(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(tenant::close));
        System.out.println("Local Auth0-compatible tenant running at " + tenant.baseUrl());
        System.out.println("  issuer:    " + tenant.issuer());
        System.out.println("  audience:  " + tenant.audience());
        System.out.println("  client id: " + tenant.clientId() + "  redirect URIs: " + tenant.redirectUris());
        System.out.println("Demo accounts (connection / email / password / user id):");
        for (TenantAccount a : LocalTenant.demoAccounts()) {
            System.out.printf("  %-33s %-24s %-14s %s%s%n", a.connection(), a.email(), a.password(), a.userId(),
                    a.linkedTo() == null ? "" : "  (linked into " + a.linkedTo() + ")");
        }
        System.out.println("Press Ctrl+C to stop.");
        new CountDownLatch(1).await();
    }
}
