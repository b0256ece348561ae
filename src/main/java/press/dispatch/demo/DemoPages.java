package press.dispatch.demo;

/** The demo site's About and Privacy pages, in our own words. */
final class DemoPages {

    private DemoPages() {
    }

    static final String ABOUT_TITLE = "About Defence Talks";
    static final String ABOUT = """
            Defence Talks is a small, independent newsroom covering defence, the armed forces and military
            technology: procurement, deployments, exercises, industry and the policy behind them, with the
            pictures that go with them.

            **This is a demonstration site.** Its stories, people and photographs are invented to show what
            Dispatch, the newsroom software that runs it, can do. Nothing here is real reporting.

            ## How we work

            - We say where a fact comes from: an official statement, a document, a named source, or our own
              reporting.
            - We correct mistakes openly, at the foot of the story, saying what changed and when.
            - Photographs carry the name of whoever took them and the agency or unit that supplied them.

            ## Contact

            Tips, corrections and complaints go to the editors at newsroom@example.com. If you write to us
            about your personal data, see our [privacy policy](/privacy).
            """;

    static final String PRIVACY_TITLE = "Privacy policy";
    static final String PRIVACY = """
            This page says what Defence Talks keeps about you, why, for how long, and how to have it sent to
            you or erased. We keep as little as the site needs to work.

            ## Reading the site

            Reading sets no cookies and we run no advertising or tracking scripts. Our server, like any, sees
            your IP address to answer each request; it is not stored with anything that names you.

            ## Newsletter subscribers

            When you subscribe we keep your email address, the newsletters you chose, and a record of your
            consent: when you confirmed through the link we emailed you. We use the address only to send what
            you asked for. Every email has an unsubscribe link that works in one click.

            ## Commenters

            With a comment we keep the name and email address you gave (the address is never shown), the
            website if you gave one, the comment itself, and the IP address it was sent from, which helps us
            deal with spam and abuse. You can choose to be emailed when someone replies.

            ## Staff

            Cookies are used only for our own staff, to keep them signed in to the newsroom.

            ## Your data: a copy or erasure

            Write to privacy@example.com from the address concerned and ask for a copy of everything we hold
            about it, or for it to be erased. We answer within 30 days. Erasure removes your subscription and
            your comments; a comment others have replied to stays in its thread as "deleted at its author's
            request", with no name, address or text.

            **This is a demonstration site**: the addresses above are examples.
            """;
}
