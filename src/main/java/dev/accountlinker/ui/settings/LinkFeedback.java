package dev.accountlinker.ui.settings;

import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.MetadataTooLarge;
import dev.accountlinker.ui.StatusMessage;

/**
 * What the person reads after a link attempt, and whether only a new sign-in can help. Pure: the same outcome
 * always gives the same words, so every case is unit tested.
 *
 * @param status       the status line
 * @param signInAgain  offer "Sign in again" (the session expired or lacks a permission)
 */
public record LinkFeedback(StatusMessage status, boolean signInAgain) {

    public static LinkFeedback of(LinkOutcome outcome, Messages messages, ErrorTranslator errors) {
        if (outcome instanceof LinkOutcome.Linked linked) {
            var result = linked.result();
            String success = result.newSession().isPresent()
                    ? messages.get("link.success.switched", result.mainDisplayName(), result.linkedDisplayName())
                    : messages.get("link.success", result.linkedDisplayName());
            if (result.linkedMetadataDropped()) {
                // Linked without merging (the merge would have crossed the profile cap): said again, as it is done.
                success += " " + messages.get("link.success.metadataNotKept", result.linkedDisplayName());
            }
            return new LinkFeedback(StatusMessage.success(success), false);
        }
        if (outcome instanceof LinkOutcome.Refused refused) {
            return new LinkFeedback(StatusMessage.error(messages.format(refused.reason())), false);
        }
        if (outcome instanceof LinkOutcome.Cancelled cancelled) {
            if (!cancelled.metadataMerged() || cancelled.plan().isEmpty()) {
                return new LinkFeedback(StatusMessage.info(messages.get("link.cancelled")), false);
            }
            LinkPlan plan = cancelled.plan().get();
            return new LinkFeedback(
                    StatusMessage.info(
                            plan.switchesAccount()
                                    ? messages.get(
                                            "link.cancelledAfterMerge.keepSecond",
                                            plan.targetDisplayName(),
                                            plan.linkedDisplayName())
                                    : messages.get("link.cancelledAfterMerge", plan.linkedDisplayName())),
                    false);
        }
        LinkOutcome.Failed failed = (LinkOutcome.Failed) outcome;
        if (failed.cause() instanceof MetadataTooLarge tooLarge) {
            // Refused before its PATCH: nothing was sent (one of the accounts grew since the dialog measured them).
            return new LinkFeedback(
                    StatusMessage.error(messages.get(
                            "link.error.tooLarge",
                            MergePreview.kilobytes(tooLarge.mergedBytes(), messages),
                            MergePreview.kilobytes(tooLarge.limitBytes(), messages))),
                    false);
        }
        UserMessage reason = errors.translate(failed.cause());
        boolean signInAgain = reason.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN;
        if (!failed.metadataMerged() || failed.plan().isEmpty()) {
            return new LinkFeedback(StatusMessage.error(messages.format(reason)), signInAgain);
        }
        LinkPlan plan = failed.plan().get();
        return new LinkFeedback(
                StatusMessage.error(
                        plan.switchesAccount()
                                ? messages.get(
                                        "link.error.afterMerge.keepSecond",
                                        plan.targetDisplayName(),
                                        plan.linkedDisplayName(),
                                        messages.format(reason))
                                : messages.get(
                                        "link.error.afterMerge", plan.linkedDisplayName(), messages.format(reason))),
                signInAgain);
    }
}
