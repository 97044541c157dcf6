package dev.accountlinker.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the links of Markdown pages as GitHub renders them, and says which relative ones do not resolve: a file or
 * folder that does not exist, a path that leaves the project, or an {@code #anchor} that names no heading of the
 * page it points at. Links with a scheme ({@code https:}, {@code mailto:}) are never followed: no network.
 */
final class MarkdownLinks {
    /** The destination after {@code ](}: a link's or an image's, nested ones included ({@code [![a](i.png)](p.md)}). */
    private static final Pattern INLINE = Pattern.compile(
            "\\]\\(\\s*(<[^>\\n]*>|[^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** A reference definition: {@code [name]: destination}. */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:\\s*(<[^>\\n]*>|\\S+)");

    private static final Pattern HTML_ATTRIBUTE = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?i)<a\\s[^>]*\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    /** A code span; it never reaches over a blank line (a stray backtick hides one paragraph at most). */
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)((?:(?!\\n[ \\t]*\\n)[\\s\\S])*?)\\1(?!`)");

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** What GitHub's slugger keeps of a heading's text: letters, marks, digits, connectors, spaces and hyphens. */
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private MarkdownLinks() {}

    /**
     * The project's Markdown pages: every {@code *.md} under the root, except in build output ({@code target},
     * {@code bench/out}) and hidden folders ({@code .git}, an editor's).
     */
    static List<Path> projectPages(Path root) throws IOException {
        Path benchOutput = root.resolve("bench").resolve("out");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(path -> !path.startsWith(benchOutput))
                    .filter(path -> !skipped(root.relativize(path)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String folder = relative.getName(i).toString();
            if (folder.startsWith(".") || folder.equals("target") || folder.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /** Every relative link of these pages that does not resolve, as {@code page:line: destination (why)}. */
    static List<String> brokenLinks(Path root, List<Path> pages) {
        Path projectRoot = root.toAbsolutePath().normalize();
        Map<Path, Set<String>> anchorsByPage = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Path absolutePage = page.toAbsolutePath().normalize();
            String text = read(absolutePage);
            for (Link link : links(text)) {
                String problem = problem(projectRoot, absolutePage, link.destination(), anchorsByPage);
                if (problem != null) {
                    broken.add(projectRoot.relativize(absolutePage) + ":" + link.line() + ": " + link.destination()
                            + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    /** A link's destination and the line it starts on. */
    record Link(String destination, int line) {}

    /** The destinations of a page's links, images and reference definitions, outside code. */
    static List<Link> links(String markdown) {
        String prose = withoutCode(markdown);
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE, HTML_ATTRIBUTE)) {
            Matcher matcher = pattern.matcher(prose);
            while (matcher.find()) {
                String destination = matcher.group(1);
                if (destination.startsWith("<") && destination.endsWith(">")) {
                    destination = destination.substring(1, destination.length() - 1);
                }
                links.add(new Link(destination, lineOf(prose, matcher.start(1))));
            }
        }
        links.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return links;
    }

    /** The anchors GitHub gives a page: one per heading (its slug, numbered when repeated) and explicit ids. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(markdown)) {
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1) == null ? "" : heading.group(1));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        Matcher explicit = HTML_ANCHOR.matcher(withoutCode(markdown));
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        return anchors;
    }

    /** GitHub's slug of a heading written in Markdown: its rendered text, lower case, punctuation dropped. */
    static String slug(String headingMarkdown) {
        List<String> spans = new ArrayList<>();
        Matcher code = CODE_SPAN.matcher(headingMarkdown);
        StringBuilder text = new StringBuilder();
        while (code.find()) {
            spans.add(code.group(2).strip());
            code.appendReplacement(text, "\u0000" + (spans.size() - 1) + "\u0000");
        }
        code.appendTail(text);
        String rendered = text.toString()
                .replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "") // an image has no text
                .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link's text stays
                .replaceAll("<[^>]+>", "")
                .replace("*", "")
                .replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", ""); // emphasis, not snake_case
        for (int i = 0; i < spans.size(); i++) {
            rendered = rendered.replace("\u0000" + i + "\u0000", spans.get(i));
        }
        return NOT_IN_SLUG
                .matcher(rendered.strip().toLowerCase(Locale.ROOT))
                .replaceAll("")
                .replace(' ', '-');
    }

    private static String problem(Path root, Path page, String destination, Map<Path, Set<String>> anchorsByPage) {
        if (destination.isEmpty()) {
            return "empty link";
        }
        if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
            return null; // another site: not followed
        }
        if (destination.startsWith("/")) {
            return "not relative";
        }
        int hash = destination.indexOf('#');
        String pathPart = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Path target;
        try {
            target = pathPart.isEmpty()
                    ? page
                    : page.resolveSibling(URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8))
                            .normalize();
        } catch (IllegalArgumentException unreadable) { // a bad %-escape, or InvalidPathException
            return "not a path";
        }
        if (!target.startsWith(root)) {
            return "outside the project";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!Files.isRegularFile(target) || !target.getFileName().toString().endsWith(".md")) {
            return "an anchor into something that is not a Markdown page";
        }
        Set<String> anchors = anchorsByPage.computeIfAbsent(target, path -> anchors(read(path)));
        String wanted = URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8);
        return anchors.contains(wanted) ? null : "no heading with this anchor in " + root.relativize(target);
    }

    /** The page with fenced code blocks, code spans and comments blanked out; line numbers stay. */
    private static String withoutCode(String markdown) {
        String prose = String.join("\n", proseLines(markdown));
        prose = blank(HTML_COMMENT.matcher(prose));
        return blank(CODE_SPAN.matcher(prose));
    }

    /** The page's lines with the lines of fenced code blocks emptied. */
    private static List<String> proseLines(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                lines.add("");
            } else if (fence != null) {
                String trimmed = line.strip();
                char mark = fence.charAt(0);
                if (trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Replaces each match by as many spaces, keeping its line breaks. */
    private static String blank(Matcher matcher) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(matcher.group().replaceAll("[^\\n]", " ")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
