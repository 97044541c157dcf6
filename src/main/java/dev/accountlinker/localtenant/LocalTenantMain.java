package dev.accountlinker.localtenant;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo tenant standalone for manual testing: {@code --port=N} (default 8765) and
 * {@code --rate-limit=free|essentials|professional|enterprise|off} (default essentials; {@code paid} is its old
 * name; see {@link RateLimit}). Prints the base URL and the demo
 * accounts. Fault injection and request recording stay on here (unlike the demo the installers ship).
 */
public final class LocalTenantMain {

    static final String USAGE =
            "Usage: LocalTenantMain [--port=N] [--rate-limit=free|essentials|professional|enterprise|off]";

    /** The parsed command line. */
    record Options(int port, RateLimit rateLimit) {

        static final int DEFAULT_PORT = 8765;

        /**
         * Each argument may hold several flags separated by spaces: {@code mvn exec:exec} passes
         * {@code -Dapp.args="--port=8765 --rate-limit=free"} as one argument.
         *
         * @throws IllegalArgumentException with a message for the user when an argument is wrong
         */
        static Options parse(String... args) {
            int port = DEFAULT_PORT;
            RateLimit rateLimit = RateLimit.essentials();
            List<String> flags = Arrays.stream(args)
                    .flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                    .filter(f -> !f.isEmpty())
                    .toList();
            for (String arg : flags) {
                if (arg.startsWith("--port=")) {
                    port = parsePort(arg.substring("--port=".length()));
                } else if (arg.startsWith("--rate-limit=")) {
                    rateLimit = RateLimit.named(arg.substring("--rate-limit=".length()));
                } else {
                    throw new IllegalArgumentException("Unknown argument: " + arg);
                }
            }
            return new Options(port, rateLimit);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number from 0 to 65535: " + value);
            }
        }

        LocalTenant.Builder builder() {
            return LocalTenant.builder().port(port).rateLimit(rateLimit);
        }
    }

    private LocalTenantMain() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalTenant tenant = options.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(tenant::close));
        System.out.println("Local Auth0-compatible tenant running at " + tenant.baseUrl());
        System.out.println("  issuer:    " + tenant.issuer());
        System.out.println("  audience:  " + tenant.audience());
        System.out.println("  client id: " + tenant.clientId() + "  callback URLs: " + tenant.redirectUris());
        System.out.println("  Management API rate limit: " + tenant.rateLimit());
        System.out.println("Demo accounts (connection / email / password / user id):");
        for (TenantAccount a : LocalTenant.demoAccounts()) {
            System.out.printf(
                    "  %-33s %-24s %-14s %s%s%n",
                    a.connection(),
                    a.email(),
                    a.password(),
                    a.userId(),
                    a.linkedTo() == null ? "" : "  (linked into " + a.linkedTo() + ")");
        }
        System.out.println("Press Ctrl+C to stop.");
        new CountDownLatch(1).await();
    }
}
