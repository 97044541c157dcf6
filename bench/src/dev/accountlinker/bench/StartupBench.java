package dev.accountlinker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: wall time from just before the harness spawns the process to the {@code first-frame <epochMillis>}
 * line the process appends to its marker file (-Daccountlinker.startupMarker) once its first window has been
 * rendered and its JavaFX thread is free. Variants run interleaved (one of each per round) to spread drift.
 * Run under Xvfb: the children inherit DISPLAY and use the GTK glass.
 *
 * <p>System properties: bench.runs, bench.out, bench.java, bench.fxCp (JavaFX jars), bench.benchCp (these classes),
 * bench.appCp (app jar + runtime dependencies), bench.appImage (packaged launcher, optional).
 */
public final class StartupBench {
    record Variant(String name, String description, List<String> command, Map<String, String> env) {}

    record Run(String variant, int round, long millis, long rssKb) {}

    private final Path out;
    private final String java;
    /** The launcher of the app installed from the .deb (bench.installed), if any. */
    private static String installed = "";

    private StartupBench(Path out, String java) {
        this.out = out;
        this.java = java;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 10);
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Files.createDirectories(out);
        String java = System.getProperty(
                "bench.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String fxCp = System.getProperty("bench.fxCp");
        String benchCp = System.getProperty("bench.benchCp");
        String appCp = System.getProperty("bench.appCp");
        String appImage = System.getProperty("bench.appImage", "");
        installed = System.getProperty("bench.installed", "");
        new StartupBench(out, java).run(runs, fxCp, benchCp, appCp, appImage);
    }

    private void run(int runs, String fxCp, String benchCp, String appCp, String appImage) throws Exception {
        Path config = Files.createDirectories(out.resolve("xdg-config")); // no user settings file: the demo tenant
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        String bareCp = benchCp + ":" + fxCp;
        List<Variant> plain = new ArrayList<>(List.of(
                new Variant(
                        "bare-label",
                        "bare JavaFX: one label",
                        jvm(bareCp, List.of(), "dev.accountlinker.bench.Baseline", "label"),
                        env),
                new Variant(
                        "bare-label+authapi",
                        "bare JavaFX + AuthAPI built before the window",
                        jvm(benchCp + ":" + appCp, List.of(), "dev.accountlinker.bench.Baseline", "label", "--authapi"),
                        env),
                new Variant(
                        "bare-webview",
                        "bare JavaFX: one WebView on about:blank",
                        jvm(bareCp, List.of(), "dev.accountlinker.bench.Baseline", "webview"),
                        env),
                new Variant(
                        "app",
                        "Account Linker (jar classpath, --demo)",
                        jvm(appCp, List.of(), "dev.accountlinker.Launcher", "--demo"),
                        env)));

        // AppCDS: one training run per variant dumps a dynamic archive at exit; the measured runs map it.
        List<Variant> all = new ArrayList<>(plain);
        Map<String, String> cdsNotes = new LinkedHashMap<>();
        for (String name : List.of("bare-label", "bare-webview", "app")) {
            Variant base = plain.stream()
                    .filter(v -> v.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            Path archive = out.resolve(name + ".jsa");
            Files.deleteIfExists(archive);
            List<String> training = withJvmOption(base.command(), "-XX:ArchiveClassesAtExit=" + archive);
            long trainingMillis = launchOnce(new Variant(name + " (training)", "", training, env), 3000)
                    .millis();
            if (Files.exists(archive)) {
                cdsNotes.put(
                        name,
                        "archive " + Files.size(archive) / (1024 * 1024) + " MB, training run to first frame + 3 s ("
                                + trainingMillis + " ms to first frame while recording)");
                all.add(new Variant(
                        name + "+cds",
                        base.description() + " with AppCDS",
                        withJvmOption(base.command(), "-XX:SharedArchiveFile=" + archive),
                        env));
            } else {
                cdsNotes.put(name, "no archive was written");
            }
        }
        Optional<Path> launcher = appImage.isBlank() ? Optional.empty() : Optional.of(Path.of(appImage));
        if (launcher.isPresent() && Files.isExecutable(launcher.get())) {
            Map<String, String> packagedEnv = new LinkedHashMap<>(env);
            all.add(new Variant(
                    "packaged",
                    "packaged app image (" + launcher.get() + ", --demo)",
                    List.of(launcher.get().toString(), "--demo"),
                    packagedEnv));
        }
        if (!installed.isBlank() && Files.isExecutable(Path.of(installed))) {
            all.add(new Variant(
                    "installed",
                    "installed from the .deb (" + installed + ", --demo)",
                    List.of(installed, "--demo"),
                    new LinkedHashMap<>(env)));
        }

        for (Variant variant : all) { // one untimed run each: page cache, JIT-independent file warm-up
            launchOnce(variant, 0);
        }
        List<Run> results = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < all.size(); i++) {
                Variant variant = all.get((i + round) % all.size()); // rotate the order every round
                Run run = launchOnce(variant, 0);
                results.add(new Run(variant.name(), round, run.millis(), run.rssKb()));
                System.out.printf(
                        "round %d %-22s %5d ms  rss %d MB%n", round, variant.name(), run.millis(), run.rssKb() / 1024);
            }
        }
        writeCsv(results);
        writeMarkdown(runs, all, results, cdsNotes, launcher);
    }

    private List<String> jvm(String classpath, List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> withJvmOption(List<String> command, String option) {
        List<String> result = new ArrayList<>(command);
        result.add(1, option);
        return result;
    }

    /** Starts the variant, waits for its marker, reads its RSS, then lets it run {@code lingerMillis} and ends it. */
    private Run launchOnce(Variant variant, long lingerMillis) throws Exception {
        Path marker = Files.createTempFile(out, "marker-", ".txt");
        Files.delete(marker);
        List<String> command = new ArrayList<>(variant.command());
        Map<String, String> env = new LinkedHashMap<>(variant.env());
        String property = "-Daccountlinker.startupMarker=" + marker;
        if (command.get(0).equals(java)) {
            command.add(1, property);
        } else {
            env.put("JAVA_TOOL_OPTIONS", property); // a packaged launcher: the JVM itself reads this
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        out.resolve("startup-children.log").toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.currentTimeMillis();
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + 90_000_000_000L;
            Optional<Long> frame = Optional.empty();
            while (frame.isEmpty()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(variant.name() + ": no first-frame marker (exit "
                            + (process.isAlive() ? "none" : process.exitValue()) + "); see startup-children.log");
                }
                Thread.sleep(2);
                frame = readMarker(marker);
            }
            long rss = rssKb(process.pid());
            if (lingerMillis > 0) {
                Thread.sleep(lingerMillis);
            }
            return new Run(variant.name(), -1, frame.get() - start, rss);
        } finally {
            if (lingerMillis > 0) {
                process.destroy(); // SIGTERM: a normal JVM exit, which -XX:ArchiveClassesAtExit needs
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } else {
                process.destroyForcibly().waitFor(); // measured runs: how the process ends does not matter
            }
            Files.deleteIfExists(marker);
        }
    }

    private static Optional<Long> readMarker(Path marker) throws IOException {
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(marker)) {
            if (line.startsWith("first-frame ")) {
                return Optional.of(
                        Long.parseLong(line.substring("first-frame ".length()).trim()));
            }
        }
        return Optional.empty();
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void writeCsv(List<Run> results) throws IOException {
        StringBuilder csv = new StringBuilder("variant,round,first_frame_ms,rss_kb\n");
        results.forEach(r -> csv.append(r.variant())
                .append(',')
                .append(r.round())
                .append(',')
                .append(r.millis())
                .append(',')
                .append(r.rssKb())
                .append('\n'));
        Files.writeString(out.resolve("startup.csv"), csv);
    }

    private void writeMarkdown(
            int runs, List<Variant> variants, List<Run> results, Map<String, String> cdsNotes, Optional<Path> launcher)
            throws IOException {
        Map<String, Stats> times = new LinkedHashMap<>();
        Map<String, Stats> rss = new LinkedHashMap<>();
        for (Variant variant : variants) {
            times.put(
                    variant.name(),
                    Stats.of(results.stream()
                            .filter(r -> r.variant().equals(variant.name()))
                            .map(Run::millis)
                            .toList()));
            rss.put(
                    variant.name(),
                    Stats.of(results.stream()
                            .filter(r -> r.variant().equals(variant.name()))
                            .map(r -> r.rssKb() / 1024.0)
                            .toList()));
        }
        double floor = times.get("bare-label").median();
        StringBuilder md = new StringBuilder();
        md.append("## 1. Start-up to the first interactive frame (Xvfb, GTK glass)\n\n");
        md.append(runs)
                .append(" runs per variant, interleaved (the order rotates every round), after one untimed run each. ")
                .append(
                        "Time = from just before the harness spawns the process to the `first-frame` marker line the process writes ")
                .append(
                        "once its first window has been rendered and the JavaFX thread is free. RSS is read from /proc at that moment.\n\n");
        md.append(
                "| variant | median ms | IQR ms | min–max ms | × bare-label | RSS at first frame, median MB |\n|---|---:|---:|---:|---:|---:|\n");
        for (Variant variant : variants) {
            Stats s = times.get(variant.name());
            md.append("| ")
                    .append(variant.name())
                    .append(" — ")
                    .append(variant.description())
                    .append(" | ")
                    .append(s.columns(0))
                    .append(" | ")
                    .append(Stats.f(s.median() / floor, 2))
                    .append(" | ")
                    .append(Stats.f(rss.get(variant.name()).median(), 0))
                    .append(" |\n");
        }
        if (launcher.isEmpty() || !times.containsKey("packaged")) {
            md.append("| packaged — packaged app image (--demo) | not built | | | | |\n");
        }
        if (!times.containsKey("installed")) {
            md.append("| installed — installed from the .deb (--demo) | not installed | | | | |\n");
        }
        md.append(
                "\nGoal (issue 15): packaged ≤ 1.00 × bare-label, for the app image and the installed .deb. Measured: ");
        for (String name : List.of("packaged", "installed")) {
            if (times.containsKey(name)) {
                double ratio = times.get(name).median() / floor;
                md.append(name)
                        .append(" **")
                        .append(Stats.f(ratio, 2))
                        .append("** (")
                        .append(ratio <= 1.0 ? "met" : "not met")
                        .append("); ");
            }
        }
        md.append(
                        "the packaged app maps its class-data archive (made for its path at build or install time) and runs C1 only ")
                .append("(packaging/launcher.options); the bare window has the JDK's default CDS archive only.\n\n");
        md.append("Earlier goal: app (from jars) ≤ 1.15 × bare-label. ");
        Stats app = times.get("app");
        md.append("Measured: app / bare-label = **")
                .append(Stats.f(app.median() / floor, 2))
                .append("**");
        if (times.containsKey("app+cds") && times.containsKey("bare-label+cds")) {
            md.append("; with AppCDS for both, app+cds / bare-label+cds = **")
                    .append(Stats.f(
                            times.get("app+cds").median()
                                    / times.get("bare-label+cds").median(),
                            2))
                    .append("**; app+cds / bare-label (no CDS) = **")
                    .append(Stats.f(times.get("app+cds").median() / floor, 2))
                    .append("**");
        }
        md.append(
                ".\n\nAppCDS: dynamic archives (`-XX:ArchiveClassesAtExit`, then `-XX:SharedArchiveFile`) on top of the JDK's default CDS archive, which every row uses.\n");
        cdsNotes.forEach((name, note) ->
                md.append("- ").append(name).append(": ").append(note).append('\n'));
        Files.writeString(out.resolve("startup.md"), md);
        System.out.println(md);
    }
}
