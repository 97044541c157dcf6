package dev.accountlinker.linking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the second account's {@code user_metadata} joins the main account's before linking (Auth0 drops the
 * second account's metadata when it links). Keys only in the second account are added; on a conflict the
 * main account's value wins; nested objects merge key by key. Pure and unit tested.
 */
public final class MetadataMerge {
    private MetadataMerge() {}

    /** A value both accounts have, differently: {@code kept} stays, {@code dropped} is lost. */
    public record Conflict(String path, Object kept, Object dropped) {}

    public record Result(
            Map<String, Object> merged,
            List<String> addedPaths,
            List<Conflict> conflicts,
            Map<String, Object> topLevelChanges) {
        /** True when the main account's metadata changes at all (otherwise no PATCH is needed). */
        public boolean changesMainAccount() {
            return !topLevelChanges.isEmpty();
        }
    }

    public static Result merge(Map<String, Object> main, Map<String, Object> second) {
        Map<String, Object> safeMain = main == null ? Map.of() : main;
        List<String> added = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, Object> merged = mergeObjects(safeMain, second == null ? Map.of() : second, "", added, conflicts);
        // Auth0 merges user_metadata one level deep: sending a changed top-level key replaces that key whole,
        // so the PATCH carries exactly the top-level keys whose merged value differs.
        Map<String, Object> changes = new LinkedHashMap<>();
        merged.forEach((key, value) -> {
            if (!safeMain.containsKey(key) || !sameJson(safeMain.get(key), value)) {
                changes.put(key, value);
            }
        });
        return new Result(
                Collections.unmodifiableMap(merged),
                List.copyOf(added),
                List.copyOf(conflicts),
                Collections.unmodifiableMap(changes));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeObjects(
            Map<String, Object> main,
            Map<String, Object> second,
            String prefix,
            List<String> added,
            List<Conflict> conflicts) {
        Map<String, Object> result = new LinkedHashMap<>(main);
        for (Map.Entry<String, Object> entry : second.entrySet()) {
            String key = entry.getKey();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object secondValue = entry.getValue();
            if (secondValue == null) {
                continue; // nothing to bring
            }
            if (!main.containsKey(key) || main.get(key) == null) {
                result.put(key, secondValue);
                added.add(path);
            } else if (main.get(key) instanceof Map<?, ?> mainObject && secondValue instanceof Map<?, ?> secondObject) {
                result.put(
                        key,
                        mergeObjects(
                                (Map<String, Object>) mainObject,
                                (Map<String, Object>) secondObject,
                                path,
                                added,
                                conflicts));
            } else if (!sameJson(main.get(key), secondValue)) {
                conflicts.add(new Conflict(path, main.get(key), secondValue));
            }
        }
        return result;
    }

    /** JSON equality: 1, 1L and 1.0 are the same number whatever Java type a parser chose. */
    static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.keySet().stream().allMatch(key -> sameJson(x.get(key), y.get(key)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
