package dev.accountlinker.linking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 10 KB cap on the merged user_metadata: what is measured, where the line is, and that it refuses. */
class ProfileLimitTest {
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    /** A merge whose merged metadata serializes to exactly {@code bytes} bytes: {"a":1,"notes":"xx…"}. */
    private static MetadataMerge.Result mergeOfSize(int bytes) {
        String prefix = "{\"a\":1,\"notes\":\"";
        String notes = "x".repeat(bytes - prefix.length() - "\"}".length());
        MetadataMerge.Result merge = MetadataMerge.merge(obj("a", 1), obj("notes", notes));
        assertEquals(bytes, ProfileLimit.sizeInBytes(merge.merged()));
        return merge;
    }

    @Test
    void theMeasureIsCompactJsonInUtf8Bytes() {
        assertEquals("{}".length(), ProfileLimit.sizeInBytes(Map.of()));
        assertEquals("{}".length(), ProfileLimit.sizeInBytes(null));
        assertEquals(
                "{\"a\":{\"b\":[1,true,null]}}".length(),
                ProfileLimit.sizeInBytes(obj("a", obj("b", java.util.Arrays.asList(1, true, null)))),
                "no whitespace");
        // é is two bytes in UTF-8: bytes, not characters.
        assertEquals("{\"name\":\"".length() + 2 + "\"}".length(), ProfileLimit.sizeInBytes(obj("name", "é")));
        // A character outside the BMP goes out as two \\u escapes, as the request carries it (12 bytes, never fewer
        // than its 4 UTF-8 bytes).
        assertEquals("{\"s\":\"\\ud83d\\ude00\"}".length(), ProfileLimit.sizeInBytes(obj("s", "😀")));
        assertEquals("{\"q\":\"\\\"\"}".length(), ProfileLimit.sizeInBytes(obj("q", "\"")), "escapes count");
    }

    @Test
    void tenThousandBytesFitOneMoreDoesNot() {
        assertEquals(10_000, ProfileLimit.MAX_METADATA_BYTES);
        assertFalse(ProfileLimit.exceededBy(mergeOfSize(10_000)));
        ProfileLimit.requireWithin(mergeOfSize(10_000));

        MetadataMerge.Result over = mergeOfSize(10_001);
        assertTrue(ProfileLimit.exceededBy(over));
        MetadataTooLarge refused = assertThrows(MetadataTooLarge.class, () -> ProfileLimit.requireWithin(over));
        assertEquals(10_001, refused.mergedBytes());
        assertEquals(10_000, refused.limitBytes());
        assertFalse(refused.getMessage().contains("xxx"), "sizes only, never the values");
    }

    @Test
    void aMergeThatWritesNothingNeverCrossesTheCap() {
        // The main account is already over the cap on its own, and the second brings nothing new: no PATCH at all.
        Map<String, Object> big = obj("notes", "x".repeat(20_000));
        MetadataMerge.Result nothingNew = MetadataMerge.merge(big, obj("notes", "other"));
        assertFalse(nothingNew.changesMainAccount());
        assertFalse(ProfileLimit.exceededBy(nothingNew));
        // ... but anything it would add does.
        assertTrue(ProfileLimit.exceededBy(MetadataMerge.merge(big, obj("theme", "dark"))));
    }

    @Test
    void sizesReadAsKilobytesRoundedUpSoJustOverNeverReadsAsTheLimit() {
        assertEquals(new BigDecimal("10.0"), ProfileLimit.kilobytes(10_000));
        assertEquals(new BigDecimal("10.1"), ProfileLimit.kilobytes(10_001));
        assertEquals(new BigDecimal("10.6"), ProfileLimit.kilobytes(10_512));
        assertEquals(new BigDecimal("0.1"), ProfileLimit.kilobytes(2));
    }
}
