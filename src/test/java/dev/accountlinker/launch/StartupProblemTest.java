package dev.accountlinker.launch;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exceptions as JavaFX 21's GTK glass throws them out of Application.launch (messages copied from real runs). */
class StartupProblemTest {
    @Test
    void noDisplay() {
        assertEquals(
                Optional.of(StartupProblem.NO_DISPLAY),
                StartupProblem.of(new UnsupportedOperationException("Unable to open DISPLAY")));
    }

    @Test
    void noGtk() {
        assertEquals(
                Optional.of(StartupProblem.NO_GTK),
                StartupProblem.of(new UnsupportedOperationException("Unable to load glass GTK library.")));
    }

    @Test
    void foundWhereverItIsInTheCauseChain() {
        RuntimeException wrapped = new RuntimeException(
                "Application launch exception",
                new IllegalStateException("toolkit", new UnsupportedOperationException("Unable to open DISPLAY")));
        assertEquals(Optional.of(StartupProblem.NO_DISPLAY), StartupProblem.of(wrapped));
    }

    @Test
    void anythingElseIsNotExplainedAway() {
        assertEquals(
                Optional.empty(),
                StartupProblem.of(
                        new RuntimeException("Exception in Application start method", new NullPointerException())));
        assertEquals(Optional.empty(), StartupProblem.of(new IllegalStateException("Unable to open DISPLAY")));
        assertEquals(Optional.empty(), StartupProblem.of(new UnsupportedOperationException()));
        assertEquals(Optional.empty(), StartupProblem.of(new UnsupportedOperationException("not supported")));
    }

    @Test
    void eachProblemHasItsMessage() {
        dev.accountlinker.i18n.Messages messages = dev.accountlinker.i18n.Messages.forDefaultLocale();
        assertEquals(
                "Account Linker needs GTK 3, which is not installed. Install it (Debian/Ubuntu: sudo apt install"
                        + " libgtk-3-0; Fedora: sudo dnf install gtk3) and start it again.",
                messages.get(StartupProblem.NO_GTK.messageKey()));
        assertEquals(true, messages.get(StartupProblem.NO_DISPLAY.messageKey()).contains("needs a graphical session"));
    }
}
