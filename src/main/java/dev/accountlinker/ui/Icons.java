package dev.accountlinker.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Locale;

/**
 * The app's vector icons (Material Design Icons through Ikonli), as nodes coloured by the stylesheet. The icon font
 * loads the first time an icon is made, which the sign-in screen's first frame never does.
 */
public final class Icons {
    /** What an icon stands for; the stylesheet colours it with its style class ({@code icon-<name>}). */
    public enum Glyph {
        SUCCESS(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
        ERROR(MaterialDesignA.ALERT_CIRCLE_OUTLINE),
        INFO(MaterialDesignI.INFORMATION_OUTLINE),
        WARNING(MaterialDesignA.ALERT_OUTLINE),
        CLOSE(MaterialDesignC.CLOSE),
        COPY(MaterialDesignC.CONTENT_COPY),
        REFRESH(MaterialDesignR.REFRESH),
        SIGN_OUT(MaterialDesignL.LOGOUT),
        LINK(MaterialDesignL.LINK_VARIANT),
        UNLINK(MaterialDesignL.LINK_VARIANT_OFF),
        MAIN(MaterialDesignS.STAR),
        KEPT(MaterialDesignC.CHECK),
        ADDED(MaterialDesignP.PLUS),
        DROPPED(MaterialDesignM.MINUS_CIRCLE_OUTLINE),
        ARROW(MaterialDesignA.ARROW_LEFT),
        ACCOUNTS(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE),
        GOOGLE(MaterialDesignG.GOOGLE),
        GITHUB(MaterialDesignG.GITHUB),
        FACEBOOK(MaterialDesignF.FACEBOOK),
        MICROSOFT(MaterialDesignM.MICROSOFT),
        APPLE(MaterialDesignA.APPLE),
        EMAIL(MaterialDesignE.EMAIL_OUTLINE),
        KEY(MaterialDesignK.KEY_OUTLINE),
        /** The sign-in window's page came over https. */
        SECURE(MaterialDesignL.LOCK_OUTLINE),
        /** The sign-in window's page is the demo tenant on this computer. */
        THIS_COMPUTER(MaterialDesignL.LAPTOP),
        /** The sign-in window's page came over plain http. */
        NOT_SECURE(MaterialDesignL.LOCK_OPEN_ALERT_OUTLINE),
        /** The sign-in window stopped a page. */
        BLOCKED(MaterialDesignS.SHIELD_ALERT_OUTLINE),
        GENERIC(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE);

        private final Ikon ikon;

        Glyph(Ikon ikon) {
            this.ikon = ikon;
        }
    }

    private Icons() {}

    /**
     * Loads the icon font and Ikonli's glyph tables on a background thread: made first on the JavaFX thread, they
     * held it about 100 ms while the settings screen loaded after sign-in (bench/results.md). A node that is in no
     * scene may be made on any thread.
     */
    public static void warmUpInBackground() {
        Thread thread = new Thread(() -> of(Glyph.GENERIC), "icons-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    public static FontIcon of(Glyph glyph) {
        FontIcon icon = new FontIcon(glyph.ikon);
        icon.getStyleClass().add("icon-" + glyph.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return icon;
    }

    public static FontIcon of(Glyph glyph, int size) {
        FontIcon icon = of(glyph);
        icon.setIconSize(size);
        return icon;
    }

    /**
     * The icon of an identity provider, from its connection or provider name as Auth0 spells them
     * ({@code google-oauth2}, {@code github}, {@code windowslive}, {@code auth0} for a database connection,
     * {@code email}/{@code sms} for passwordless…); a generic one for any other.
     */
    public static Glyph forProvider(String connectionOrProvider) {
        String name = connectionOrProvider == null ? "" : connectionOrProvider.toLowerCase(Locale.ROOT);
        if (name.startsWith("google")) {
            return Glyph.GOOGLE;
        }
        if (name.startsWith("github")) {
            return Glyph.GITHUB;
        }
        if (name.startsWith("facebook")) {
            return Glyph.FACEBOOK;
        }
        if (name.equals("windowslive") || name.startsWith("microsoft") || name.equals("waad")) {
            return Glyph.MICROSOFT;
        }
        if (name.equals("apple")) {
            return Glyph.APPLE;
        }
        if (name.equals("auth0") || name.equals("email") || name.contains("username-password")) {
            return Glyph.EMAIL;
        }
        if (name.equals("sms")) {
            return Glyph.KEY;
        }
        return Glyph.GENERIC;
    }
}
