package dev.accountlinker.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.MetadataMerge;
import dev.accountlinker.linking.ProfileLimit;
import dev.accountlinker.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata merge of one link direction as a compact table: each saved value (key), the main account's value and
 * the incoming account's, each marked with what happens to it — kept, added or dropped — by colour and by icon and
 * word, never by colour alone. Nested objects show as dotted keys ({@code address.city}), as the merge treats them.
 */
final class MergePreview {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The characters of a value the table shows before it shortens it. */
    static final int LONGEST_VALUE_SHOWN = 40;

    /** What happens to one value. */
    enum Fate {
        KEPT("merge-kept", Icons.Glyph.KEPT, "link.merge.kept"),
        ADDED("merge-added", Icons.Glyph.ADDED, "link.merge.added"),
        DROPPED("merge-dropped", Icons.Glyph.DROPPED, "link.merge.dropped");

        final String styleClass;
        final Icons.Glyph glyph;
        final String key;

        Fate(String styleClass, Icons.Glyph glyph, String key) {
            this.styleClass = styleClass;
            this.glyph = glyph;
            this.key = key;
        }
    }

    /** One row: a key with the main account's value and the incoming one, each with its fate (null: no value). */
    record Row(String key, Object main, Fate mainFate, Object incoming, Fate incomingFate) {}

    private MergePreview() {}

    /** The rows of a plan: every value either account has, in the main account's order, then the new ones. */
    static List<Row> rows(LinkPlan plan) {
        Map<String, Object> main = flatten(plan.target().userMetadata());
        Map<String, Object> incoming = flatten(plan.linked().userMetadata());
        Set<String> keys = new LinkedHashSet<>(main.keySet());
        keys.addAll(incoming.keySet());
        MetadataMerge.Result merge = plan.merge();
        Set<String> added = new LinkedHashSet<>(merge.addedPaths());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            Object mine = main.get(key);
            Object theirs = incoming.get(key);
            // Keeping only the main account's information, nothing is added: what the other one brings is lost.
            Fate theirFate = theirs == null
                    ? null
                    : plan.mergesMetadata() && (mine == null || added.contains(key))
                            ? Fate.ADDED
                            : mine != null && sameValue(mine, theirs) ? Fate.KEPT : Fate.DROPPED;
            rows.add(new Row(key, mine, mine == null ? null : Fate.KEPT, theirs, theirFate));
        }
        return rows;
    }

    /** The table for a plan, or one line when neither account has saved information. */
    static Node create(LinkPlan plan, Messages messages) {
        List<Row> rows = rows(plan);
        if (rows.isEmpty()) {
            Label none = new Label(messages.get("link.merge.nothing"));
            none.getStyleClass().add("merge-nothing");
            none.setWrapText(true);
            return none;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("merge-preview");
        grid.setAccessibleRole(AccessibleRole.TABLE_VIEW);
        grid.setAccessibleText(messages.get("link.merge.caption"));
        ColumnConstraints keyColumn = new ColumnConstraints();
        keyColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setPercentWidth(38);
        grid.getColumnConstraints().addAll(keyColumn, valueColumn, valueColumn);
        grid.addRow(
                0,
                header(messages.get("link.merge.key")),
                header(messages.get("link.merge.mainColumn", plan.targetDisplayName())),
                header(messages.get("link.merge.incomingColumn", plan.linkedDisplayName())));
        int index = 1;
        for (Row row : rows) {
            Label key = new Label(row.key());
            key.getStyleClass().add("merge-key");
            grid.addRow(
                    index++,
                    key,
                    cell(row.main(), row.mainFate(), messages),
                    cell(row.incoming(), row.incomingFate(), messages));
        }
        return grid;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("merge-header");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A value with its fate in icon and word; a dash where the account has no such value. */
    private static Node cell(Object value, Fate fate, Messages messages) {
        if (value == null) {
            Label none = new Label(messages.get("link.merge.none"));
            none.getStyleClass().add("merge-absent");
            none.setAccessibleText(messages.get("link.merge.none.accessible"));
            return none;
        }
        Label shown = new Label(shortened(readable(value), messages));
        shown.getStyleClass().addAll("merge-value", fate.styleClass);
        shown.setWrapText(true);
        shown.setMinWidth(0);
        Label tag = new Label(messages.get(fate.key), Icons.of(fate.glyph, 13));
        tag.getStyleClass().addAll("merge-tag", fate.styleClass);
        tag.setMinWidth(Region.USE_PREF_SIZE);
        HBox cell = new HBox(6, shown, tag);
        cell.setAlignment(Pos.CENTER_LEFT);
        cell.getStyleClass().add("merge-cell");
        cell.setAccessibleRole(AccessibleRole.TEXT);
        cell.setAccessibleText(shown.getText() + " (" + tag.getText() + ")");
        return cell;
    }

    /**
     * A long value as its beginning and its size ("Lorem ipsum… (10.5 KB)"): the table stays a table when one value
     * alone is kilobytes long, and the size says why the merge is too large.
     */
    static String shortened(String value, Messages messages) {
        if (value.length() <= LONGEST_VALUE_SHOWN) {
            return value;
        }
        int end = LONGEST_VALUE_SHOWN;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never half a character
        }
        return messages.get(
                "link.merge.longValue",
                value.substring(0, end),
                kilobytes(value.getBytes(StandardCharsets.UTF_8).length, messages));
    }

    /** A size as people read it in this language: "10.6 KB" (1 KB = 1000 bytes, one decimal, rounded up). */
    static String kilobytes(int bytes, Messages messages) {
        BigDecimal kilobytes = ProfileLimit.kilobytes(bytes);
        NumberFormat number = NumberFormat.getNumberInstance(messages.locale());
        number.setMinimumFractionDigits(kilobytes.stripTrailingZeros().scale() > 0 ? 1 : 0);
        number.setMaximumFractionDigits(1);
        return messages.get("link.size.kilobytes", number.format(kilobytes));
    }

    /** Values as a person reads them: text as it is, lists as JSON. */
    static String readable(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static boolean sameValue(Object a, Object b) {
        return readable(a).equals(readable(b));
    }

    /** Leaf values under dotted keys; an empty object is a value of its own. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> metadata) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", metadata == null ? Map.of() : metadata, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> object, Map<String, Object> into) {
        object.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(path, (Map<String, Object>) nested, into);
            } else if (value != null) {
                into.put(path, value);
            }
        });
    }
}
