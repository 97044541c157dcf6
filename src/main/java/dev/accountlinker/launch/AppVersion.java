package dev.accountlinker.launch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the build stamped into {@code version.properties} (Maven resource filtering of the project version). */
public final class AppVersion {
    static final String RESOURCE = "/dev/accountlinker/version.properties";

    private AppVersion() {}

    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").strip();
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return "unknown";
    }
}
