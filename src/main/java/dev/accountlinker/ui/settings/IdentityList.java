package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account's sign-ins as a column of {@link IdentityCard}s, one per identity and nothing else (no empty rows).
 * The list itself takes the keyboard focus (Tab), the arrow keys (and Home, End) move the selection from card to
 * card, and Delete or Backspace unlinks the selected card's sign-in (after the confirmation, as its button does).
 * Screen readers meet it as a list whose items are the cards.
 *
 * <p>Declared in FXML ({@code <IdentityList fx:id="identitiesTable"/>}, its gap in the stylesheet); the view then
 * gives it the {@linkplain #setCards card for an identity}, {@linkplain #setOnUnlink what unlinks} and the
 * {@linkplain #setItems identities}, as a {@code ListView} gets a cell factory and items.
 */
public final class IdentityList extends VBox {
    private final ListChangeListener<Identity> onChange = change -> rebuild();
    private ObservableList<Identity> identities = FXCollections.emptyObservableList();
    private Function<Identity, IdentityCard> cards = identity -> {
        throw new IllegalStateException("IdentityList shows identities only once it has its cards (setCards)");
    };
    private Consumer<Identity> unlink = identity -> {};
    private int selected = -1;

    public IdentityList() {
        getStyleClass().add("identity-list");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            for (int i = 0; i < cardNodes().size(); i++) {
                if (isInside(cardNodes().get(i), event)) {
                    select(i);
                }
            }
            requestFocus();
        });
        focusedProperty().addListener((observable, was, focused) -> {
            if (focused && selected < 0 && !identities.isEmpty()) {
                select(0);
            }
        });
    }

    /** The identities to show, one card each, in their order; the list follows their changes. */
    void setItems(ObservableList<Identity> identities) {
        this.identities.removeListener(onChange);
        this.identities = identities;
        identities.addListener(onChange);
        rebuild();
    }

    /** Makes the card of one identity. */
    void setCards(Function<Identity, IdentityCard> cards) {
        this.cards = cards;
        rebuild();
    }

    /** What Delete or Backspace does with the selected secondary sign-in (the view asks for a confirmation). */
    void setOnUnlink(Consumer<Identity> unlink) {
        this.unlink = unlink;
    }

    /** The card of the selected sign-in, if any. */
    Optional<Identity> selectedIdentity() {
        return selected >= 0 && selected < cardNodes().size()
                ? Optional.of(cardNodes().get(selected).identity())
                : Optional.empty();
    }

    void select(int index) {
        List<IdentityCard> shown = cardNodes();
        if (shown.isEmpty()) {
            selected = -1;
            return;
        }
        selected = Math.max(0, Math.min(index, shown.size() - 1));
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).setSelected(i == selected);
        }
        scrollIntoView(shown.get(selected));
        notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM);
    }

    private void rebuild() {
        String previous = selectedIdentity().map(Identity::subject).orElse(null);
        getChildren().setAll(identities.stream().map(cards).toList());
        selected = -1;
        for (int i = 0; i < identities.size(); i++) {
            if (identities.get(i).subject().equals(previous)) {
                select(i);
            }
        }
        if (selected < 0 && isFocused() && !identities.isEmpty()) {
            select(0);
        }
    }

    private void onKey(KeyEvent event) {
        switch (event.getCode()) {
            case UP, KP_UP -> select(selected - 1);
            case DOWN, KP_DOWN -> select(selected + 1);
            case HOME -> select(0);
            case END -> select(cardNodes().size() - 1);
            case DELETE, BACK_SPACE ->
                selectedIdentity().filter(identity -> !identity.primary()).ifPresent(unlink);
            default -> {
                return;
            }
        }
        event.consume();
    }

    @SuppressWarnings("unchecked")
    private List<IdentityCard> cardNodes() {
        return (List<IdentityCard>) (List<?>) getChildren();
    }

    private static boolean isInside(Node node, MouseEvent event) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.contains(event.getSceneX(), event.getSceneY());
    }

    private void scrollIntoView(Node card) {
        Node parent = getParent();
        while (parent != null && !(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        if (!(parent instanceof ScrollPane scroller) || scroller.getContent() == null) {
            return;
        }
        Node content = scroller.getContent();
        double viewport = scroller.getViewportBounds().getHeight();
        double scrollable = content.getLayoutBounds().getHeight() - viewport;
        if (scrollable <= 0) {
            return;
        }
        Bounds shown = content.sceneToLocal(card.localToScene(card.getBoundsInLocal()));
        double shownTop = scroller.getVvalue() * scrollable;
        if (shown.getMinY() < shownTop) {
            scroller.setVvalue(shown.getMinY() / scrollable);
        } else if (shown.getMaxY() > shownTop + viewport) {
            scroller.setVvalue((shown.getMaxY() - viewport) / scrollable);
        }
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        switch (attribute) {
            case ITEM_COUNT:
                return cardNodes().size();
            case ITEM_AT_INDEX:
                int index = (Integer) parameters[0];
                return index >= 0 && index < cardNodes().size() ? cardNodes().get(index) : null;
            case FOCUS_ITEM:
            case SELECTED_ITEMS:
                Optional<IdentityCard> card =
                        selected >= 0 && selected < cardNodes().size()
                                ? Optional.of(cardNodes().get(selected))
                                : Optional.empty();
                if (attribute == AccessibleAttribute.FOCUS_ITEM) {
                    return card.orElse(null);
                }
                return FXCollections.observableArrayList(card.stream().toList());
            case MULTIPLE_SELECTION:
                return false;
            default:
                return super.queryAccessibleAttribute(attribute, parameters);
        }
    }
}
