package dev.accountlinker.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The local tenant in a JVM of its own ({@code LocalTenantMain}), so the harness JVM measures the app alone. */
final class TenantProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;
    private final String clientId;

    private TenantProcess(Process process, String baseUrl, String clientId) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.clientId = clientId;
    }

    /** @param rateLimit {@code off}, {@code paid} or {@code free} */
    static TenantProcess start(String rateLimit) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.accountlinker.localtenant.LocalTenantMain",
                "--port=0",
                "--rate-limit=" + rateLimit));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // never outlives the harness
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String baseUrl = null;
        String clientId = null;
        for (String line = lines.readLine();
                line != null && (baseUrl == null || clientId == null);
                line = lines.readLine()) {
            if (line.startsWith("Local Auth0-compatible tenant running at ")) {
                baseUrl = line.substring("Local Auth0-compatible tenant running at ".length())
                        .trim();
            } else if (line.trim().startsWith("client id: ")) {
                clientId = line.trim().substring("client id: ".length()).split("\\s+")[0];
            }
        }
        if (baseUrl == null || clientId == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the tenant process did not start");
        }
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {}), "tenant-output");
        drain.setDaemon(true);
        drain.start();
        return new TenantProcess(process, baseUrl, clientId);
    }

    String baseUrl() {
        return baseUrl;
    }

    String clientId() {
        return clientId;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
