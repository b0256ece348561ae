package press.dispatch.site;

import java.util.Arrays;
import java.util.List;

/**
 * How every bulk email ends (a newsletter, a digest, a thread's new part, a correction): why the reader gets it, a
 * visible link to stop exactly this kind of mail — the target of its {@code List-Unsubscribe} header — and the
 * newsroom's postal address from the settings, which anti-spam laws require, kept as the lines it was written in.
 * The plain text is {@link #text()}; the HTML is the {@code site/mailfooter.jte} template, which escapes every part.
 */
public record MailFooter(String reason, List<Link> links, List<String> postalAddress) {

    /** A link the footer shows, such as "Unsubscribe" or "Stop following this thread". */
    public record Link(String label, String url) {
    }

    public MailFooter {
        links = List.copyOf(links);
        postalAddress = List.copyOf(postalAddress);
    }

    /** The footer with the site's postal address, its lines stripped and blank ones left out. */
    public static MailFooter of(Settings site, String reason, Link... links) {
        List<String> lines = Arrays.stream(site.get(Setting.MAIL_POSTAL_ADDRESS).split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new MailFooter(reason, List.of(links), lines);
    }

    /** The footer as the end of a plain-text email: a "--" line, the reason, each link on its line, the address. */
    public String text() {
        StringBuilder text = new StringBuilder("--\n").append(reason).append('\n');
        for (Link link : links) {
            text.append(link.label()).append(": ").append(link.url()).append('\n');
        }
        for (String line : postalAddress) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
