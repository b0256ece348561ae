package press.dispatch.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Section;
import press.dispatch.platform.CsrfExemption;
import press.dispatch.platform.PageCache;
import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.RateLimiters;
import press.dispatch.site.SiteShell;

/** The reader's side of subscriptions: subscribe, confirm, manage, unsubscribe. Works without JavaScript. */
@Controller
class SubscriptionPages {

    /** The honeypot: hidden from people, filled in by form-filling bots. */
    static final String HONEYPOT = "nickname";

    private final Subscriptions subscriptions;
    private final Newsdesk newsdesk;
    private final SiteShell shell;
    private final RateLimiter perIp;

    private final List<ManagePanels> panels;

    SubscriptionPages(Subscriptions subscriptions, Newsdesk newsdesk, SiteShell shell, RateLimiters limiters, List<ManagePanels> panels) {
        this.panels = panels;
        this.perIp = limiters.perWindow("subscriptions-ip", 10, Duration.ofHours(1));
        this.subscriptions = subscriptions;
        this.newsdesk = newsdesk;
        this.shell = shell;
    }

    @Bean
    static CsrfExemption subscriptionForms() {
        return new CsrfExemption(List.of("/subscribe", "/subscribe/confirm", "/subscriptions/manage", "/unsubscribe"),
                "the subscribe box sits on cached public pages; the others carry a signed token from an email");
    }

    @GetMapping("/subscribe")
    ModelAndView subscribeForm(HttpServletRequest request) {
        PageCache.tag(request, "subscribe");
        return new ModelAndView("subscriptions/subscribe", "page", new SubscribePage(shell.shell(), "", null));
    }

    /** The same answer for every address we accept, known or not: a redirect to "check your inbox". */
    @PostMapping("/subscribe")
    ModelAndView subscribe(@RequestParam(required = false) String email, @RequestParam(name = HONEYPOT, required = false) String honeypot,
                           HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String address = email == null ? "" : email;
        if (honeypot != null && !honeypot.isEmpty()) {
            return new ModelAndView("redirect:/subscribe/check-inbox");
        }
        EmailAddresses.Result checked = EmailAddresses.check(address);
        if (checked.address().isEmpty()) {
            ModelAndView form = new ModelAndView("subscriptions/subscribe", "page",
                    new SubscribePage(shell.shell(), address.length() > 300 ? address.substring(0, 300) : address, checked.problem()));
            form.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return form;
        }
        if (!perIp.tryAcquire(request.getRemoteAddr())) {
            ModelAndView slow = message("Too many requests", "Too many subscription requests came from your network. Please try again in an hour.");
            slow.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", "3600"); // the limit counts requests an hour
            return slow;
        }
        subscriptions.subscribe(address, request.getRemoteAddr());
        return new ModelAndView("redirect:/subscribe/check-inbox");
    }

    @GetMapping("/subscribe/check-inbox")
    ModelAndView checkInbox(HttpServletRequest request) {
        PageCache.tag(request, "subscribe");
        return message("Check your inbox", "If that address can receive our emails, a message is on its way to it. "
                + "Open the link inside to confirm your subscription (or to manage it, if you already have one).");
    }

    /** Shows a button; only the POST confirms, because mail scanners open links in emails. */
    @GetMapping("/subscribe/confirm")
    ModelAndView confirmForm(@RequestParam(required = false) String token, HttpServletResponse response) {
        private_(response);
        return new ModelAndView("subscriptions/confirm", "page", new TokenPage(shell.shell(), token == null ? "" : token));
    }

    @PostMapping("/subscribe/confirm")
    ModelAndView confirm(@RequestParam(required = false) String token, HttpServletResponse response) {
        private_(response);
        Optional<Subscriber> confirmed = subscriptions.confirm(token);
        if (confirmed.isEmpty()) {
            ModelAndView expired = message("This link has expired", "The confirmation link is broken or more than two days old. "
                    + "Subscribe again and we will send you a new one.");
            expired.setStatus(HttpStatus.BAD_REQUEST);
            return expired;
        }
        return new ModelAndView("redirect:/subscriptions/manage?token=" + subscriptions.linkToken(confirmed.get().id()) + "&welcome=1");
    }

    @GetMapping("/subscriptions/manage")
    ModelAndView manage(@RequestParam(required = false) String token, @RequestParam(required = false) String welcome,
                        @RequestParam(required = false) String saved, HttpServletResponse response) {
        private_(response);
        return subscriptions.findByLink(token)
                .map(s -> managePage(token, s, welcome != null, saved != null))
                .orElseGet(this::badLink);
    }

    @PostMapping("/subscriptions/manage")
    ModelAndView choose(@RequestParam(required = false) String token, @RequestParam(required = false) String cadence,
                        @RequestParam(name = "section", required = false) List<String> sections, HttpServletResponse response) {
        private_(response);
        Cadence chosen;
        try {
            chosen = Cadence.valueOf(cadence == null ? "" : cadence);
        } catch (IllegalArgumentException e) {
            chosen = Cadence.EACH;
        }
        Set<Long> known = newsdesk.sections().stream().map(Section::id).collect(Collectors.toSet());
        Set<Long> chosenSections = sections == null ? Set.of()
                : sections.stream().filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf).filter(known::contains).collect(Collectors.toSet());
        return subscriptions.choose(token, chosen, chosenSections)
                .map(s -> new ModelAndView("redirect:/subscriptions/manage?token=" + token + "&saved=1"))
                .orElseGet(this::badLink);
    }

    @GetMapping("/unsubscribe")
    ModelAndView unsubscribeForm(@RequestParam(required = false) String token, HttpServletResponse response) {
        private_(response);
        if (subscriptions.findByLink(token).isEmpty()) {
            return badLink();
        }
        return new ModelAndView("subscriptions/unsubscribe", "page", new TokenPage(shell.shell(), token));
    }

    /** RFC 8058 one-click: a POST to the List-Unsubscribe URL unsubscribes at once, with no cookie or login. */
    @PostMapping("/unsubscribe")
    ModelAndView unsubscribe(@RequestParam(required = false) String token, HttpServletResponse response) {
        private_(response);
        if (!subscriptions.unsubscribe(token)) {
            return badLink();
        }
        return message("You are unsubscribed", "We will not send you any more emails. If you change your mind, subscribe again at any time.");
    }

    private ModelAndView managePage(String token, Subscriber subscriber, boolean welcome, boolean saved) {
        List<Section> sections = newsdesk.sections();
        return new ModelAndView("subscriptions/manage", Map.of("page", new ManagePage(shell.shell(), token, subscriber, sections, welcome, saved,
                subscriber.confirmed() ? panels.stream().map(p -> p.panel(subscriber, token)).filter(java.util.Objects::nonNull).toList() : List.of())));
    }

    private ModelAndView badLink() {
        ModelAndView page = message("This link does not work", "The link is broken or no longer valid. Please use the link from our most recent email.");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private ModelAndView message(String title, String text) {
        return new ModelAndView("subscriptions/message", "page", new MessagePage(shell.shell(), title, text));
    }

    /** Pages reached with a personal token: never cached anywhere, and the token never leaves in a Referer. */
    private static void private_(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
