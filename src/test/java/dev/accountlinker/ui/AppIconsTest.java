package dev.accountlinker.ui;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The stage icons AppIcons loads exist and are PNGs of the size their name says (icons/generate.sh makes them). */
class AppIconsTest {
    @Test
    void everyRunTimeSizeIsAPngOfThatSize() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            String name = "/dev/accountlinker/icons/app-" + size + ".png";
            try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
                assertNotNull(in, name);
                DataInputStream png = new DataInputStream(in);
                byte[] signature = new byte[8];
                png.readFully(signature);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature, name);
                png.readInt(); // IHDR length
                png.readInt(); // "IHDR"
                assertEquals(size, png.readInt(), name + " width");
                assertEquals(size, png.readInt(), name + " height");
            }
        }
    }
}
