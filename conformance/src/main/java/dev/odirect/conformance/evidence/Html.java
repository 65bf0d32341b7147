package dev.odirect.conformance.evidence;

/**
 * Text a store supplies (names, messages, keys) made safe for HTML: our own pages, and Allure's
 * failure box and steps, which render a status message as HTML (ansi-to-html without escaping).
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
