package press.dispatch.site;

import java.io.UnsupportedEncodingException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

import press.dispatch.platform.MailTransport;
import press.dispatch.platform.Outbox;

/** Mail comes from the sender named in the site settings. */
@Component
class MailSender implements Outbox.Sender {

    private final SiteSettings settings;

    MailSender(SiteSettings settings) {
        this.settings = settings;
    }

    @Override
    public InternetAddress from() {
        Settings s = settings.current();
        try {
            return new InternetAddress(s.get(Setting.MAIL_FROM_ADDRESS), MailTransport.phrase(s.get(Setting.MAIL_FROM_NAME)), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public InternetAddress replyTo() {
        try {
            return new InternetAddress(settings.current().get(Setting.MAIL_REPLY_TO), true);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
