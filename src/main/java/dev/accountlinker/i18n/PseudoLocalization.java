package dev.accountlinker.i18n;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * The pseudo-locale's texts, made at run time from the English patterns: letters accented ("Sign in" becomes
 * "[Šîĝñ îñ ·]"), about 40 % longer (at least four characters more, since short texts grow most in translation),
 * in brackets so a cut end shows. Placeholders and quoted parts of a pattern stay as they are, so arguments still
 * fill in. Layout tests run the app in it to find text that a longer language would cut.
 */
public final class PseudoLocalization {
    /** How much longer a text gets: German and French run 30 to 40 % longer than English, short texts more. */
    static final double GROWTH = 0.4;

    static final int MIN_GROWTH = 4;
    private static final char FILLER = '·';
    private static final String PLAIN = "acdeghijklnorstuwyzACDEGHIJKLNORSTUWYZ";
    // Latin-1 and Latin Extended-A only: every desktop font has them.
    private static final String ACCENTED = "åçďéĝĥîĵķļñöŕšţûŵýžÅÇĎÉĜĤÎĴĶĻÑÖŔŠŢÛŴÝŽ";

    private PseudoLocalization() {}

    /** The pseudo-translation of one MessageFormat pattern. */
    public static String of(String pattern) {
        if (pattern.isEmpty()) {
            return pattern;
        }
        StringBuilder text = new StringBuilder("[");
        int letters = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                text.append("''"); // one apostrophe
                letters++;
                i += 2;
            } else if (c == '\'') {
                int end = closingQuote(pattern, i + 1);
                text.append(pattern, i, end + 1); // quoted text stays as it is
                letters += end - i - 1;
                i = end + 1;
            } else if (c == '{') {
                int end = closingBrace(pattern, i);
                text.append(pattern, i, end + 1); // a placeholder, filled in later
                i = end + 1;
            } else {
                text.append(accented(c));
                letters++;
                i++;
            }
        }
        int growth = Math.max(MIN_GROWTH, (int) Math.round(letters * GROWTH));
        // "[", " " and "]" are part of the growth; the filler comes in words of up to five, so long texts still wrap.
        text.append(' ');
        for (int filler = 0; filler < growth - 3; filler++) {
            text.append(filler > 0 && filler % 5 == 0 ? ' ' : FILLER);
        }
        return text.append(']').toString();
    }

    private static char accented(char c) {
        int index = PLAIN.indexOf(c);
        return index < 0 ? c : ACCENTED.charAt(index);
    }

    /** The quote that ends a quoted part starting at {@code from}; a doubled quote inside it is one apostrophe. */
    private static int closingQuote(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return pattern.length() - 1; // unclosed: MessageFormat quotes to the end too
    }

    private static int closingBrace(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return pattern.length() - 1;
    }

    /** The English bundle, pseudo-translated key by key. */
    static final class Bundle extends ResourceBundle {
        private final ResourceBundle english;

        Bundle(ResourceBundle english) {
            this.english = english;
        }

        @Override
        protected Object handleGetObject(String key) {
            return english.containsKey(key) ? of(english.getString(key)) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return english.getKeys();
        }
    }
}
