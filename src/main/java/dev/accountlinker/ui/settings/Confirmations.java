package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkPreview;

/** Asks the user before a change; implemented with dialogs by the controller, on the JavaFX thread. */
public interface Confirmations {
    boolean confirmLink(LinkPreview preview);

    boolean confirmUnlink(Identity identity);
}
