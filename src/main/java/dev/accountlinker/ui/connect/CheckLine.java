package dev.accountlinker.ui.connect;

import dev.accountlinker.connect.TenantCheck;

/** One line of the tenant check's answer, ready to show. */
public record CheckLine(TenantCheck.Item item, boolean passed, String text) {}
