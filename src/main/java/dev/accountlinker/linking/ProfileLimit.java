package dev.accountlinker.linking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Auth0's cap on a user's profile data, as the app applies it to the merged {@code user_metadata} before it sends
 * anything. Pure, unit tested.
 * <p>
 * The measure: the metadata serialized as compact JSON (no whitespace; accented letters as they are, a character
 * outside the Basic Multilingual Plane as two JSON escapes), counted in UTF-8 bytes — the bytes a request carries for
 * that object, never fewer than its plain UTF-8 text. Auth0 caps "the serialized representation" at
 * "10KB" without saying whether that is 10 000 or 10 240 bytes; the app reads it as {@value #MAX_METADATA_BYTES}, the
 * stricter of the two, so a merge it lets through fits under either reading.
 */
public final class ProfileLimit {
    /** The most merged {@code user_metadata} the app sends: 10 KB read as 10 × 1000 bytes (see the class comment). */
    public static final int MAX_METADATA_BYTES = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileLimit() {}

    /** The size of {@code metadata} by the cap's measure: compact JSON, UTF-8 bytes. */
    public static int sizeInBytes(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsBytes(metadata == null ? Map.of() : metadata).length;
        } catch (JsonProcessingException e) {
            // Metadata the app read from JSON always writes back as JSON.
            throw new IllegalArgumentException("metadata that is not JSON", e);
        }
    }

    /** True when a merge would write more than the cap into the main account (a merge that writes nothing never does). */
    public static boolean exceededBy(MetadataMerge.Result merge) {
        return merge.changesMainAccount() && sizeInBytes(merge.merged()) > MAX_METADATA_BYTES;
    }

    /** Refuses a merge that would cross the cap, before its request is sent. */
    public static void requireWithin(MetadataMerge.Result merge) {
        if (exceededBy(merge)) {
            throw new MetadataTooLarge(sizeInBytes(merge.merged()), MAX_METADATA_BYTES);
        }
    }

    /**
     * Bytes as kilobytes (1 KB = 1000 bytes, as the cap is read) with one decimal, rounded up: a size just over the
     * cap never reads as the cap itself ("10.1 KB", not "10.0 KB").
     */
    public static BigDecimal kilobytes(int bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1000), 1, RoundingMode.CEILING);
    }
}
