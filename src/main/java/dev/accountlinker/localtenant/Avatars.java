package dev.accountlinker.localtenant;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated profile pictures, GET /avatars/{INITIALS}-{colour}.png. PNG rather than SVG because JavaFX's Image
 * cannot decode SVG. The URL carries everything needed, so pictures survive link/unlink unchanged.
 */
final class Avatars {
    private static final Color[] PALETTE = {
        new Color(0x63, 0x5d, 0xff), new Color(0x0e, 0x7c, 0x86), new Color(0xc2, 0x41, 0x0c),
        new Color(0x15, 0x80, 0x3d), new Color(0xa2, 0x1c, 0xaf), new Color(0x1d, 0x4e, 0xd8),
        new Color(0xb9, 0x1c, 0x1c), new Color(0x4d, 0x7c, 0x0f)
    };
    private static final Pattern PATH = Pattern.compile("/avatars/([A-Z0-9]{1,2})-([0-9])\\.png");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    static String path(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : (name == null ? "" : name).split("\\s+")) {
            for (char c : word.toCharArray()) {
                char up = Character.toUpperCase(c);
                if ((up >= 'A' && up <= 'Z') || (up >= '0' && up <= '9')) {
                    initials.append(up);
                    break;
                }
            }
            if (initials.length() == 2) {
                break;
            }
        }
        if (initials.length() == 0) {
            initials.append('U');
        }
        int colour = Math.floorMod((name == null ? "" : name).hashCode(), PALETTE.length);
        return "/avatars/" + initials + "-" + colour + ".png";
    }

    /** PNG bytes for an avatar path, or null when the path is not one of ours. */
    byte[] png(String path) throws IOException {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        byte[] cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = render(m.group(1), PALETTE[Integer.parseInt(m.group(2))]);
        cache.put(path, bytes);
        return bytes;
    }

    private static byte[] render(String initials, Color colour) throws IOException {
        int size = 96;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(colour);
            g.fillOval(0, 0, size, size);
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
                FontMetrics fm = g.getFontMetrics();
                g.setColor(Color.WHITE);
                g.drawString(
                        initials.toUpperCase(Locale.ROOT),
                        (size - fm.stringWidth(initials)) / 2,
                        (size - fm.getHeight()) / 2 + fm.getAscent());
            } catch (Throwable noFonts) {
                // Minimal containers may lack fonts: fall back to a ring so the picture is still distinct.
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(6));
                g.drawOval(24, 24, size - 48, size - 48);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
