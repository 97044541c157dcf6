package dev.accountlinker.auth;

/**
 * The small HTML pages the loopback listeners show in the browser: a title and one sentence, in the app's own
 * words (the caller passes them from its message bundle). Inline style only, no script and nothing loaded from
 * elsewhere, which is all the listeners' Content-Security-Policy allows.
 */
public final class LoopbackPage {
    private LoopbackPage() {}

    /** @param language the page's language tag, e.g. {@code en} */
    public static String html(String language, String title, String text) {
        return "<!DOCTYPE html><html lang=\"" + escape(language) + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;text-align:center;color:#212529}</style>"
                + "</head><body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
