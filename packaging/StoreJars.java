import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites jars with their entries stored (not deflated): same entries, order, names and times. Installers
 * compress their payload themselves (.deb/.rpm with xz, .msi cabinets, .dmg), and they compress stored bytes far
 * better than bytes a jar has already deflated: the .deb shrinks from ~100 MB to ~60 MB (see README, Installers).
 * Run by packaging/build.sh as a single-file program: java packaging/StoreJars.java JAR...
 */
public final class StoreJars {
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            store(Path.of(arg));
        }
    }

    private static void store(Path jar) throws IOException {
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stored))) {
            out.setMethod(ZipOutputStream.STORED);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream body = in.getInputStream(entry)) {
                    data = body.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setTime(entry.getTime());
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                if (entry.getExtra() != null) {
                    copy.setExtra(entry.getExtra());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
