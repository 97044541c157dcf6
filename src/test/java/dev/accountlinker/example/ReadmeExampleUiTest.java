package dev.accountlinker.example;

// README example: begin
import dev.accountlinker.testkit.AccountLinkerRobot;
import dev.accountlinker.testkit.AccountLinkerTest;
import dev.accountlinker.testkit.Status;
import dev.accountlinker.testkit.TenantControls;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@AccountLinkerTest
class ReadmeExampleUiTest {

    @Test
    void aliceLinksHerGitHubAccountAndUnlinksIt(AccountLinkerRobot robot, TenantControls tenant) {
        robot.signIn("alice@example.com", "Alice-Demo-1");
        robot.link("github", "alice-gh@example.com", "Github-Demo-1").confirm();
        assertEquals(List.of("auth0|alice", "github|4242424"), robot.identitySubjects());
        assertTrue(tenant.user("github|4242424").isEmpty(), "GitHub is now part of Alice's account");

        Status unlinked = robot.unlink("github", "4242424").confirm();
        assertEquals(Status.Kind.SUCCESS, unlinked.kind(), unlinked.text());
        assertEquals(1, robot.identities().size());
    }
}
// README example: end
