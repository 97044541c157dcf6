package dev.accountlinker.localtenant;

/** The HTML pages of the tenant (they play the role of Auth0's Universal Login). Everything dynamic is escaped. */
final class LoginPage {
    static final String TENANT_NAME = "Account Linker Demo Tenant";
    /** The heading of Auth0's own error page. */
    static final String GENERIC_ERROR_TITLE = "Oops!, something went wrong";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f3f6;margin:0;color:#1e212a}
            main{max-width:380px;margin:48px auto;background:#fff;border-radius:6px;padding:32px;box-shadow:0 4px 16px rgba(0,0,0,.12)}
            h1{font-size:22px;margin:0 0 8px}p.tenant{color:#65676e;margin:0 0 24px;font-size:14px}
            label{display:block;font-size:14px;margin:12px 0 4px}
            input[type=email],input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c9cace;border-radius:3px;font-size:16px}
            button{width:100%;margin-top:20px;padding:12px;border:0;border-radius:3px;background:#635dff;color:#fff;font-size:16px;cursor:pointer}
            .error{color:#b00020;background:#fdecee;padding:8px;border-radius:3px;font-size:14px}
            .alt{display:block;margin-top:12px;padding:10px;border:1px solid #c9cace;border-radius:3px;text-align:center;color:#1e212a;text-decoration:none}
            .sep{text-align:center;color:#65676e;margin:20px 0 4px;font-size:13px}
            """;

    private LoginPage() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Login form for a transaction. Without a connection: the Universal-Login-like page with the database form and
     * social links; with one: a page for that provider.
     */
    static String login(String txId, Connection connection, String error, String prefillEmail) {
        boolean universal = connection == null;
        Connection formConnection = universal ? Connection.DATABASE : connection;
        String title = universal ? "Log in" : "Sign in with " + connection.displayName + " (demo)";
        String subtitle = universal
                ? "Log in to " + TENANT_NAME + " to continue to Account Linker."
                : "This page stands in for " + connection.displayName + ". " + TENANT_NAME + ".";
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        body.append("<p class=\"tenant\">").append(escape(subtitle)).append("</p>\n");
        if (error != null) {
            body.append("<p id=\"error\" class=\"error\" role=\"alert\">")
                    .append(escape(error))
                    .append("</p>\n");
        }
        body.append("<form method=\"POST\" action=\"/u/login\" id=\"login-form\" data-connection=\"")
                .append(escape(formConnection.connectionName))
                .append("\">\n");
        body.append("<input type=\"hidden\" name=\"state\" value=\"")
                .append(escape(txId))
                .append("\">\n");
        body.append("<label for=\"username\">Email address</label>\n");
        body.append(
                        "<input id=\"username\" name=\"username\" type=\"text\" inputmode=\"email\" autocomplete=\"username\""
                                + " required autofocus value=\"")
                .append(escape(prefillEmail))
                .append("\">\n");
        body.append("<label for=\"password\">Password</label>\n");
        body.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required>\n");
        body.append("<button id=\"submit\" type=\"submit\">Continue</button>\n</form>\n");
        if (universal) {
            body.append("<p class=\"sep\">OR</p>\n");
            for (Connection c : Connection.socials()) {
                body.append("<a class=\"alt\" id=\"connection-")
                        .append(escape(c.connectionName))
                        .append("\" href=\"/u/login?state=")
                        .append(escape(HttpIo.encode(txId)))
                        .append("&amp;connection=")
                        .append(escape(HttpIo.encode(c.connectionName)))
                        .append("\">Continue with ")
                        .append(escape(c.displayName))
                        .append("</a>\n");
            }
        }
        return page(title + " - " + TENANT_NAME, body.toString());
    }

    /**
     * Auth0's login confirmation for a non-verifiable callback: who signed in, where the sign-in goes, and two
     * buttons. Continue ({@code #confirm}) lets the sign-in finish; Cancel ({@code #cancel}) ends it. Auth0's exact
     * wording is not known here; the meaning is the same.
     */
    static String confirmApplication(String confirmationId, String email, String redirectUri) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Confirm this app</h1>\n");
        body.append("<p class=\"tenant\" id=\"confirm-text\">You are signed in as ")
                .append(escape(email))
                .append(". Account Linker wants to finish signing you in at ")
                .append(escape(redirectUri))
                .append(". Continue only if you just started this sign-in in the app.</p>\n");
        body.append("<form method=\"POST\" action=\"/u/confirm\" id=\"confirm-app-form\">\n");
        body.append("<input type=\"hidden\" name=\"state\" value=\"")
                .append(escape(confirmationId))
                .append("\">\n");
        body.append("<button id=\"confirm\" type=\"submit\" name=\"action\" value=\"accept\">Continue</button>\n");
        body.append("<button id=\"cancel\" type=\"submit\" name=\"action\" value=\"deny\" class=\"alt\">"
                + "Cancel</button>\n</form>\n");
        return page("Confirm this app - " + TENANT_NAME, body.toString());
    }

    static String error(String title, String message) {
        return page(
                title + " - " + TENANT_NAME,
                "<h1>" + escape(title) + "</h1>\n<p id=\"error\" class=\"error\">" + escape(message)
                        + "</p>\n<p class=\"tenant\">" + escape(TENANT_NAME) + "</p>\n");
    }

    static String signedOut() {
        return page(
                "Signed out - " + TENANT_NAME,
                "<h1>You are signed out</h1>\n<p class=\"tenant\">" + "You have been signed out of "
                        + escape(TENANT_NAME) + ". You can close this window.</p>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
