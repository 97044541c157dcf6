package dev.accountlinker.linking;

import dev.accountlinker.linking.MetadataMerge.Conflict;
import dev.accountlinker.linking.MetadataMerge.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataMergeTest {

    /** An ordered, mutable JSON-like object: {@code obj("a", 1, "b", obj(...))}. Values may be null. */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    /** Deep copy, to compare inputs before and after a merge. */
    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static Map<String, Object> alice() {
        return obj("theme", "dark", "language", "en", "address", obj("city", "Lisbon", "country", "PT"));
    }

    private static Map<String, Object> google() {
        return obj("language", "pt", "newsletter", true, "address", obj("city", "Porto", "zip", "4000-001"));
    }

    @Test
    void demoAliceAndGoogle() {
        Result r = MetadataMerge.merge(alice(), google());

        assertEquals(
                obj(
                        "theme",
                        "dark",
                        "language",
                        "en",
                        "newsletter",
                        true,
                        "address",
                        obj("city", "Lisbon", "country", "PT", "zip", "4000-001")),
                r.merged());
        assertEquals(List.of("newsletter", "address.zip"), r.addedPaths());
        assertEquals(
                List.of(new Conflict("language", "en", "pt"), new Conflict("address.city", "Lisbon", "Porto")),
                r.conflicts());
        // The PATCH carries whole top-level keys: Auth0 replaces a sent top-level key.
        assertEquals(
                obj("newsletter", true, "address", obj("city", "Lisbon", "country", "PT", "zip", "4000-001")),
                r.topLevelChanges());
        assertTrue(r.changesMainAccount());
    }

    @Test
    void keysOnlyInTheSecondAccountAreAdded() {
        Result r = MetadataMerge.merge(obj("a", 1), obj("b", "two", "c", List.of(1, 2)));
        assertEquals(obj("a", 1, "b", "two", "c", List.of(1, 2)), r.merged());
        assertEquals(List.of("b", "c"), r.addedPaths());
        assertTrue(r.conflicts().isEmpty());
        assertEquals(obj("b", "two", "c", List.of(1, 2)), r.topLevelChanges());
    }

    @Test
    void aWholeNestedObjectOnlyInTheSecondIsAddedUnderItsOwnPath() {
        Result r = MetadataMerge.merge(obj("a", 1), obj("prefs", obj("x", 1, "y", obj("z", 2))));
        assertEquals(List.of("prefs"), r.addedPaths());
        assertEquals(obj("prefs", obj("x", 1, "y", obj("z", 2))), r.topLevelChanges());
    }

    @Test
    void deeplyNestedKeysGetDottedPaths() {
        Result r = MetadataMerge.merge(obj("a", obj("b", obj("c", 1))), obj("a", obj("b", obj("c", 2, "d", 3))));
        assertEquals(obj("a", obj("b", obj("c", 1, "d", 3))), r.merged());
        assertEquals(List.of("a.b.d"), r.addedPaths());
        assertEquals(List.of(new Conflict("a.b.c", 1, 2)), r.conflicts());
        assertEquals(obj("a", obj("b", obj("c", 1, "d", 3))), r.topLevelChanges());
    }

    @Test
    void onAConflictTheMainAccountWins() {
        Result r = MetadataMerge.merge(
                obj("theme", "dark", "count", 3, "flag", true), obj("theme", "light", "count", 4, "flag", false));
        assertEquals(obj("theme", "dark", "count", 3, "flag", true), r.merged());
        assertEquals(
                List.of(
                        new Conflict("theme", "dark", "light"),
                        new Conflict("count", 3, 4),
                        new Conflict("flag", true, false)),
                r.conflicts());
        assertTrue(r.addedPaths().isEmpty());
        assertTrue(r.topLevelChanges().isEmpty());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void nestedObjectsMergeKeyByKey() {
        Result r = MetadataMerge.merge(
                obj("address", obj("city", "Lisbon", "country", "PT")),
                obj("address", obj("city", "Porto", "zip", "4000-001")));
        assertEquals(obj("address", obj("city", "Lisbon", "country", "PT", "zip", "4000-001")), r.merged());
        assertEquals(List.of(new Conflict("address.city", "Lisbon", "Porto")), r.conflicts());
        assertEquals(List.of("address.zip"), r.addedPaths());
        assertEquals(obj("address", obj("city", "Lisbon", "country", "PT", "zip", "4000-001")), r.topLevelChanges());
    }

    @Test
    void anObjectAgainstAScalarIsAConflictAndTheMainWins() {
        Map<String, Object> address = obj("city", "Lisbon");
        Result r = MetadataMerge.merge(
                obj("address", address, "tags", "x"), obj("address", "Rua Augusta 1", "tags", obj("x", true)));
        assertEquals(obj("address", obj("city", "Lisbon"), "tags", "x"), r.merged());
        assertEquals(
                List.of(new Conflict("address", address, "Rua Augusta 1"), new Conflict("tags", "x", obj("x", true))),
                r.conflicts());
        assertTrue(r.addedPaths().isEmpty());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void aListAgainstAnObjectOrScalarIsAConflict() {
        Result r = MetadataMerge.merge(obj("a", List.of(1), "b", "1"), obj("a", obj("0", 1), "b", 1));
        assertEquals(List.of(new Conflict("a", List.of(1), obj("0", 1)), new Conflict("b", "1", 1)), r.conflicts());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void equalValuesAreNeitherAddedNorConflicts() {
        Map<String, Object> main = obj(
                "s", "x", "b", true, "n", 1, "o", obj("k", "v", "deep", obj("n", 2)), "l", List.of("a", obj("k", 1)));
        Map<String, Object> second = obj(
                "s", "x", "b", true, "n", 1, "o", obj("k", "v", "deep", obj("n", 2)), "l", List.of("a", obj("k", 1)));
        Result r = MetadataMerge.merge(main, second);
        assertEquals(main, r.merged());
        assertTrue(r.addedPaths().isEmpty());
        assertTrue(r.conflicts().isEmpty());
        assertTrue(r.topLevelChanges().isEmpty());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void numbersCompareByValueWhateverTheirJavaType() {
        Result r = MetadataMerge.merge(
                obj("i", 1, "l", 1L, "d", 1.0, "big", new BigDecimal("2.50"), "bi", BigInteger.TEN, "f", 0.5f),
                obj("i", 1.0, "l", 1, "d", 1L, "big", 2.5, "bi", 10L, "f", 0.5d));
        assertTrue(r.conflicts().isEmpty(), r.conflicts().toString());
        assertTrue(r.addedPaths().isEmpty());
        assertFalse(r.changesMainAccount());

        Result different = MetadataMerge.merge(obj("n", 1), obj("n", 1.5));
        assertEquals(List.of(new Conflict("n", 1, 1.5)), different.conflicts());
    }

    @Test
    void aNumberIsNotEqualToItsText() {
        Result r = MetadataMerge.merge(obj("n", 1), obj("n", "1"));
        assertEquals(List.of(new Conflict("n", 1, "1")), r.conflicts());
    }

    @Test
    void listsCompareElementWiseAndAreNotMerged() {
        Result same =
                MetadataMerge.merge(obj("l", List.of(1, 2L, obj("x", 3))), obj("l", List.of(1L, 2.0, obj("x", 3.0))));
        assertTrue(same.conflicts().isEmpty(), same.conflicts().toString());
        assertFalse(same.changesMainAccount());

        Result reordered = MetadataMerge.merge(obj("l", List.of(1, 2)), obj("l", List.of(2, 1)));
        assertEquals(List.of(new Conflict("l", List.of(1, 2), List.of(2, 1))), reordered.conflicts());
        assertEquals(obj("l", List.of(1, 2)), reordered.merged());

        Result longer = MetadataMerge.merge(obj("l", List.of(1, 2)), obj("l", List.of(1, 2, 3)));
        assertEquals(List.of(new Conflict("l", List.of(1, 2), List.of(1, 2, 3))), longer.conflicts());
        assertEquals(obj("l", List.of(1, 2)), longer.merged());
        assertFalse(longer.changesMainAccount());
    }

    @Test
    void objectsInsideListsCompareByKeysAndValues() {
        Result r = MetadataMerge.merge(obj("l", List.of(obj("a", 1))), obj("l", List.of(obj("a", 1, "b", 2))));
        assertEquals(1, r.conflicts().size());
        assertEquals("l", r.conflicts().get(0).path());
    }

    @Test
    void nullValuesInTheSecondAccountBringNothing() {
        Result r = MetadataMerge.merge(
                obj("theme", "dark", "address", obj("city", "Lisbon")),
                obj("theme", null, "extra", null, "address", obj("city", null, "zip", null)));
        assertEquals(obj("theme", "dark", "address", obj("city", "Lisbon")), r.merged());
        assertFalse(r.merged().containsKey("extra"));
        assertTrue(r.addedPaths().isEmpty());
        assertTrue(r.conflicts().isEmpty());
        assertTrue(r.topLevelChanges().isEmpty());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void aNullInTheMainAccountIsFilledFromTheSecond() {
        Result r = MetadataMerge.merge(obj("theme", null), obj("theme", "light"));
        assertEquals(obj("theme", "light"), r.merged());
        assertEquals(List.of("theme"), r.addedPaths());
        assertTrue(r.conflicts().isEmpty());
        assertEquals(obj("theme", "light"), r.topLevelChanges());
    }

    @Test
    void emptyAndNullMaps() {
        for (Map<String, Object> nothing : java.util.Arrays.<Map<String, Object>>asList(null, Map.of())) {
            Result keepMain = MetadataMerge.merge(alice(), nothing);
            assertEquals(alice(), keepMain.merged());
            assertTrue(keepMain.addedPaths().isEmpty());
            assertTrue(keepMain.conflicts().isEmpty());
            assertTrue(keepMain.topLevelChanges().isEmpty());
            assertFalse(keepMain.changesMainAccount());

            Result takeSecond = MetadataMerge.merge(nothing, google());
            assertEquals(google(), takeSecond.merged());
            assertEquals(List.of("language", "newsletter", "address"), takeSecond.addedPaths());
            assertTrue(takeSecond.conflicts().isEmpty());
            assertEquals(google(), takeSecond.topLevelChanges());
            assertTrue(takeSecond.changesMainAccount());

            Result none = MetadataMerge.merge(nothing, nothing);
            assertTrue(none.merged().isEmpty());
            assertFalse(none.changesMainAccount());
        }
    }

    @Test
    void emptyNestedObjectsChangeNothing() {
        Result r = MetadataMerge.merge(obj("address", obj("city", "Lisbon")), obj("address", obj()));
        assertEquals(obj("address", obj("city", "Lisbon")), r.merged());
        assertFalse(r.changesMainAccount());
    }

    @Test
    void topLevelChangesHoldExactlyTheChangedTopLevelKeysWithTheirWholeMergedValue() {
        Map<String, Object> main = obj(
                "keep", "same", "conflict", "main", "nested", obj("a", 1, "b", obj("c", 1)), "untouched", obj("x", 1));
        Map<String, Object> second =
                obj("keep", "same", "conflict", "second", "nested", obj("b", obj("d", 2)), "fresh", List.of("x"));
        Result r = MetadataMerge.merge(main, second);
        assertEquals(obj("nested", obj("a", 1, "b", obj("c", 1, "d", 2)), "fresh", List.of("x")), r.topLevelChanges());
        // Applying the changes the way Auth0 does (one level deep) yields the merged metadata.
        Map<String, Object> applied = new LinkedHashMap<>(main);
        applied.putAll(r.topLevelChanges());
        assertEquals(r.merged(), applied);
        assertEquals(List.of("nested.b.d", "fresh"), r.addedPaths());
        assertEquals(List.of(new Conflict("conflict", "main", "second")), r.conflicts());
    }

    @Test
    void inputsAreNotMutated() {
        Map<String, Object> main = alice();
        Map<String, Object> second = google();
        second.put("gone", null);
        Object mainBefore = deepCopy(main);
        Object secondBefore = deepCopy(second);

        Result r = MetadataMerge.merge(main, second);

        assertEquals(mainBefore, main);
        assertEquals(secondBefore, second);
        assertEquals("Lisbon", ((Map<?, ?>) r.merged().get("address")).get("city"));
        assertFalse(((Map<?, ?>) main.get("address")).containsKey("zip"), "main's nested object is untouched");
    }

    @Test
    void resultsAreReadOnly() {
        Result r = MetadataMerge.merge(alice(), google());
        assertThrows(UnsupportedOperationException.class, () -> r.merged().put("x", 1));
        assertThrows(
                UnsupportedOperationException.class, () -> r.topLevelChanges().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> r.addedPaths().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> r.conflicts().clear());
    }

    @Test
    void worksWithUnorderedMapsAsAParserMayProduce() {
        Map<String, Object> main = new HashMap<>(alice());
        Map<String, Object> second = new HashMap<>(google());
        Result r = MetadataMerge.merge(main, second);
        assertEquals(
                obj(
                        "theme",
                        "dark",
                        "language",
                        "en",
                        "newsletter",
                        true,
                        "address",
                        obj("city", "Lisbon", "country", "PT", "zip", "4000-001")),
                r.merged());
        assertEquals(
                java.util.Set.of("newsletter", "address"), r.topLevelChanges().keySet());
    }
}
