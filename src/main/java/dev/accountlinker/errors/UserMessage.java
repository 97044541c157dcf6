package dev.accountlinker.errors;

import java.util.List;

/**
 * A message for the user: a resource-bundle key with its arguments, and what the user can do about it.
 * Never carries a stack trace or a token.
 */
public record UserMessage(String key, List<Object> arguments, Remedy remedy) {
    public enum Remedy {
        /** Trying again may work (network, timeout, server error, rate limit after the given time). */
        RETRY,
        /** The session is no longer valid: the user must sign in again. */
        SIGN_IN_AGAIN,
        /** Nothing to retry: the request itself was refused. */
        NONE
    }

    public UserMessage {
        arguments = List.copyOf(arguments);
    }

    public static UserMessage of(String key, Remedy remedy, Object... arguments) {
        return new UserMessage(key, List.of(arguments), remedy);
    }
}
