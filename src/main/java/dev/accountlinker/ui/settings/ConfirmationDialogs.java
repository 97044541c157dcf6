package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.account.ProfilePictures;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** The settings screen's confirmations as modal dialogs; the confirm buttons carry the contract's node ids. */
public final class ConfirmationDialogs implements Confirmations {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final Clock clock;
    private final DialogSupport dialogs;
    private final ProfilePictures pictures;

    /** Pictures over https only. */
    public ConfirmationDialogs(Messages messages, Supplier<Window> owner, Clock clock) {
        this(messages, owner, clock, ProfilePictures.httpsOnly());
    }

    /** @param pictures which profile pictures the link confirmation's account cards may load */
    public ConfirmationDialogs(Messages messages, Supplier<Window> owner, Clock clock, ProfilePictures pictures) {
        this.messages = messages;
        this.owner = owner;
        this.clock = clock;
        this.dialogs = new DialogSupport(messages);
        this.pictures = pictures;
    }

    @Override
    public Optional<LinkPlan> confirmLink(LinkPreview preview) {
        return new LinkConfirmationDialog(messages, dialogs, pictures).ask(owner.get(), preview, clock.instant());
    }

    @Override
    public boolean confirmUnlink(Identity identity) {
        String label = identity.label();
        VBox body = new VBox(8, DialogSupport.wrapped(messages.get("unlink.dialog.body", label)));
        return dialogs.ask(
                owner.get(),
                messages.get("unlink.dialog.title"),
                messages.get("unlink.dialog.header", label),
                body,
                messages.get("unlink.dialog.confirm"),
                messages.get("unlink.dialog.confirm.help"),
                "confirmUnlinkButton",
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public Optional<SignOut> confirmSignOut() {
        CheckBox federated = new CheckBox(messages.get("signout.dialog.federated"));
        federated.setId("federatedSignOutCheckBox");
        federated.setWrapText(true);
        federated.setMnemonicParsing(false);
        federated.setAccessibleHelp(messages.get("signout.dialog.federated.help"));
        VBox body = new VBox(12, DialogSupport.wrapped(messages.get("signout.dialog.body")), federated);
        boolean confirmed = dialogs.ask(
                owner.get(),
                messages.get("signout.dialog.title"),
                messages.get("signout.dialog.header"),
                body,
                messages.get("signout.dialog.confirm"),
                messages.get("signout.dialog.confirm.help"),
                "confirmSignOutButton",
                Optional.empty(),
                Optional.empty());
        return confirmed ? Optional.of(new SignOut(federated.isSelected())) : Optional.empty();
    }
}
