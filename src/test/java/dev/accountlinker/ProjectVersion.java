package dev.accountlinker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version in pom.xml, the one the build stamps into the app; for tests that check what it prints. */
public final class ProjectVersion {
    private ProjectVersion() {}

    public static String fromPom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>account-linker</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!version.find()) {
            throw new AssertionError("no project version in pom.xml");
        }
        return version.group(1);
    }
}
