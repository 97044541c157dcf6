package dev.accountlinker.ui.settings;

import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkResult;

import java.util.Optional;

/** How one link attempt ended; {@link LinkFeedback} turns it into what the person reads. */
sealed interface LinkOutcome {
    /** The accounts are linked. */
    record Linked(LinkResult result) implements LinkOutcome {}

    /** Refused before anything changed (a guard: unverified email, same account, already linked...). */
    record Refused(UserMessage reason) implements LinkOutcome {}

    /**
     * The person cancelled. {@code plan} is present once they had chosen how to link; {@code metadataMerged} tells
     * whether the target account already holds the merged metadata.
     */
    record Cancelled(Optional<LinkPlan> plan, boolean metadataMerged) implements LinkOutcome {
        static Cancelled beforeAnyChange() {
            return new Cancelled(Optional.empty(), false);
        }
    }

    /** A request failed; the plan and merge flag as for {@link Cancelled}. */
    record Failed(Throwable cause, Optional<LinkPlan> plan, boolean metadataMerged) implements LinkOutcome {
        static Failed beforeAnyChange(Throwable cause) {
            return new Failed(cause, Optional.empty(), false);
        }
    }

    /** True when a request that changes the account may have been sent: the account must be read again. */
    default boolean mayHaveChangedAccount() {
        return this instanceof Failed failed && failed.plan().isPresent()
                || this instanceof Cancelled cancelled && cancelled.plan().isPresent();
    }
}
