package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPreview;

import java.util.Optional;

/** Asks the user before a change; implemented with dialogs by the controller, on the JavaFX thread. */
public interface Confirmations {
    /** Asks whether to link and which account stays main; empty when the user cancelled. */
    Optional<LinkDirection> confirmLink(LinkPreview preview);

    boolean confirmUnlink(Identity identity);
}
