package dev.accountlinker.ui;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.ui.settings.Confirmations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The person's answers to the link and unlink confirmations, decided by the test; records what was asked. A link is
 * confirmed with the plan the dialog offers for the answered direction.
 */
public final class ScriptedConfirmations implements Confirmations {
    private Optional<LinkDirection> linkAnswer = Optional.of(LinkDirection.KEEP_CURRENT);
    private boolean unlinkAnswer = true;
    private Optional<SignOut> signOutAnswer = Optional.of(new SignOut(false));
    private final List<LinkPreview> linkQuestions = new ArrayList<>();
    private final List<Identity> unlinkQuestions = new ArrayList<>();
    private Runnable whileLinkDialogOpen = () -> {};

    public ScriptedConfirmations answerLink(Optional<LinkDirection> answer) {
        this.linkAnswer = answer;
        return this;
    }

    /** Runs while the link dialog is open, before the answer: e.g. moves the clock, as a person reading for a while. */
    public ScriptedConfirmations whileLinkDialogOpen(Runnable action) {
        this.whileLinkDialogOpen = action;
        return this;
    }

    public ScriptedConfirmations answerSignOut(Optional<SignOut> answer) {
        this.signOutAnswer = answer;
        return this;
    }

    public ScriptedConfirmations answerUnlink(boolean answer) {
        this.unlinkAnswer = answer;
        return this;
    }

    @Override
    public Optional<LinkPlan> confirmLink(LinkPreview preview) {
        linkQuestions.add(preview);
        whileLinkDialogOpen.run();
        return linkAnswer.map(preview::plan);
    }

    @Override
    public boolean confirmUnlink(Identity identity) {
        unlinkQuestions.add(identity);
        return unlinkAnswer;
    }

    @Override
    public Optional<SignOut> confirmSignOut() {
        return signOutAnswer;
    }

    public List<LinkPreview> linkQuestions() {
        return List.copyOf(linkQuestions);
    }

    public List<Identity> unlinkQuestions() {
        return List.copyOf(unlinkQuestions);
    }
}
