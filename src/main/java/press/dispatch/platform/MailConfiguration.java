package press.dispatch.platform;

import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** SMTP when DISPATCH_SMTP_HOST is set, else .eml files in the data folder. */
    @Bean
    MailTransport mailTransport(DataFolder dataFolder, DispatchProperties properties) {
        DispatchProperties.Smtp smtp = properties.mail().smtp();
        JavaMailSenderImpl sender = null;
        if (smtp.configured()) {
            if (smtp.port() < 1 || smtp.port() > 65535) {
                throw new BadSettingException("DISPATCH_SMTP_PORT", "is " + smtp.port(), "set it to the SMTP server's port, such as 25, 587 or 2525");
            }
            sender = new JavaMailSenderImpl();
            sender.setHost(smtp.host());
            sender.setPort(smtp.port());
            if (smtp.user() != null && !smtp.user().isBlank()) {
                sender.setUsername(smtp.user());
                sender.setPassword(smtp.password());
            }
            Properties props = new Properties();
            props.put("mail.smtp.auth", Boolean.toString(smtp.user() != null && !smtp.user().isBlank()));
            props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
            props.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
            props.put("mail.smtp.connectiontimeout", "10000");
            props.put("mail.smtp.timeout", "30000");
            props.put("mail.smtp.writetimeout", "30000");
            sender.setJavaMailProperties(props);
        }
        return new MailTransport(sender, dataFolder.folder("mail"), properties.mail().ratePerSecond());
    }
}
