package dev.accountlinker.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link and image in the project's Markdown (README.md, CONTRIBUTING.md, CHANGELOG.md, docs/ and the
 * rest) resolves, and every {@code #anchor} names a heading of its page as GitHub makes them. No network.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyRelativeLinkImageAndAnchorInTheProjectsMarkdownResolves() throws IOException {
        List<Path> pages = MarkdownLinks.projectPages(ROOT);
        for (String required : List.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/README.md")) {
            assertTrue(pages.contains(ROOT.resolve(required)), required + " is among the pages read: " + pages);
        }
        assertTrue(
                pages.stream()
                                .filter(page -> page.startsWith(ROOT.resolve("docs")))
                                .count()
                        > 1,
                "the pages of docs/ are read: " + pages);

        assertEquals(List.of(), MarkdownLinks.brokenLinks(ROOT, pages));
    }

    @Test
    void aMissingFileAMissingAnchorAnAbsolutePathAndALinkOutOfTheProjectAreBroken(@TempDir Path project)
            throws IOException {
        Files.createDirectories(project.resolve("docs/pictures"));
        Files.writeString(project.resolve("docs/pictures/shot.png"), "not really a picture");
        Files.writeString(
                project.resolve("docs/guide.md"), "# Guide\n\n## Installer settings (an organisation's build)\n");
        Path readme = project.resolve("README.md");
        Files.writeString(
                readme,
                String.join(
                        "\n",
                        "# Title",
                        "",
                        "[fine](docs/guide.md) and [fine too](docs/guide.md#installer-settings-an-organisations-build)",
                        "![a picture](docs/pictures/shot.png) [a folder](docs/pictures/) [here](#title)",
                        "[gone](docs/missing.md) [no such heading](docs/guide.md#installer-settings)",
                        "![missing picture](docs/pictures/other.png) [here, wrong](#other)",
                        "[absolute](/docs/guide.md) [outside](../elsewhere.md) [a site](https://example.org/x.md)",
                        "[anchor into a picture](docs/pictures/shot.png#top)",
                        "",
                        "[ref]: docs/gone-too.md",
                        ""));

        List<String> broken = MarkdownLinks.brokenLinks(project, List.of(readme));

        assertEquals(
                List.of(
                        "README.md:5: docs/missing.md (no such file)",
                        "README.md:5: docs/guide.md#installer-settings (no heading with this anchor in docs/guide.md)",
                        "README.md:6: docs/pictures/other.png (no such file)",
                        "README.md:6: #other (no heading with this anchor in README.md)",
                        "README.md:7: /docs/guide.md (not relative)",
                        "README.md:7: ../elsewhere.md (outside the project)",
                        "README.md:8: docs/pictures/shot.png#top (an anchor into something that is not a Markdown page)",
                        "README.md:10: docs/gone-too.md (no such file)"),
                broken);
    }

    @Test
    void linksInCodeAreNotLinksAndHeadingsInCodeAreNotHeadings() {
        String page = String.join(
                "\n",
                "# Page",
                "",
                "```markdown",
                "# Not a heading",
                "[not a link](missing.md)",
                "```",
                "",
                "Inline `[not a link](missing.md)` and ``a `[nested](missing.md)` span``.",
                "<!-- [a comment](missing.md) -->",
                "[a link](real.md)");

        assertEquals(List.of(new MarkdownLinks.Link("real.md", 10)), MarkdownLinks.links(page));
        assertEquals(Set.of("page"), MarkdownLinks.anchors(page));
    }

    @Test
    void nestedImagesTitlesAndAngleBracketsAreRead() {
        String page =
                "[![logo](icons/logo.png)](docs/README.md \"the docs\") [spaced](<docs/a b.md>) <img src=\"x.png\">";

        assertEquals(
                List.of("icons/logo.png", "docs/README.md", "docs/a b.md", "x.png"),
                MarkdownLinks.links(page).stream()
                        .map(MarkdownLinks.Link::destination)
                        .toList());
    }

    @Test
    void anchorsAreGitHubSlugs() {
        assertEquals(
                "installer-settings-an-organisations-build",
                MarkdownLinks.slug("Installer settings (an organisation's build)"));
        assertEquals(
                "localtenantmain-the-tenant-on-its-own", MarkdownLinks.slug("LocalTenantMain: the tenant on its own"));
        assertEquals("theme-keyboard-and-screen-readers", MarkdownLinks.slug("Theme, keyboard and screen readers"));
        assertEquals("the-projects-own-tests", MarkdownLinks.slug("The project’s own tests"));
        assertEquals("--demo-and-user_metadata", MarkdownLinks.slug("`--demo` and **user_metadata**"));
        assertEquals("see-the-guide", MarkdownLinks.slug("See [the guide](docs/guide.md)"));
        assertEquals("0001-one-fxml-screen", MarkdownLinks.slug("0001. One FXML screen"));
        assertEquals("einstellungen-für-ä", MarkdownLinks.slug("Einstellungen für Ä"));
        assertEquals("unreleased", MarkdownLinks.slug("[Unreleased]"));
    }

    @Test
    void aRepeatedHeadingIsNumbered() {
        assertEquals(
                Set.of("changelog", "added", "added-1", "added-2"),
                MarkdownLinks.anchors("# Changelog\n## Added\n### Added\n## Added ##\n"));
    }
}
