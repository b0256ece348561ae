package press.dispatch.platform;

import java.util.regex.Pattern;

/**
 * Characters a reader cannot see that change what they do see: control characters (NUL, which PostgreSQL cannot
 * store in text, among them) and the bidirectional controls that reverse text, so that {@code "Eve\u202Egnp.exe"}
 * shows as "Eveexe.png". Names and addresses never need either; longer text keeps its line breaks and tabs, and its
 * bidirectional marks, which right-to-left writing uses.
 */
public final class HiddenCharacters {

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROLS_BUT_LINE_BREAKS_AND_TABS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private HiddenCharacters() {
    }

    /** A one-line name without control or bidirectional control characters, stripped of surrounding spaces. */
    public static String removedFromName(String name) {
        if (name == null) {
            return "";
        }
        return BIDI_CONTROLS.matcher(CONTROLS.matcher(name).replaceAll("")).replaceAll("").strip();
    }

    /** Longer text without control characters other than line breaks and tabs. */
    public static String removedFromText(String text) {
        return text == null ? "" : CONTROLS_BUT_LINE_BREAKS_AND_TABS.matcher(text).replaceAll("");
    }

    /** Whether an address (a URL, an email address) holds any character it never needs: such addresses are refused. */
    public static boolean in(String address) {
        return address != null && (CONTROLS.matcher(address).find() || BIDI_CONTROLS.matcher(address).find());
    }
}
