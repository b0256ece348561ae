package press.dispatch.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands messages to an SMTP server, one connection per batch, or, with no SMTP server configured, writes each
 * as an {@code .eml} file under {@code <data>/mail/}. Tells for every message whether it was <em>submitted</em>
 * (the server accepted it), failed for now (4xx, timeouts: try again) or failed for good (5xx).
 */
public final class MailTransport {

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader for every body part it creates unless this
        // property names it; naming it saves most of the cost of building a message.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public enum Result { SUBMITTED, TEMPORARY_FAILURE, PERMANENT_FAILURE }

    public record Outcome(Result result, String detail) {
    }

    private final JavaMailSenderImpl smtp;
    private final Path folder;
    private final Session session;
    private final long nanosPerMessage;
    private long nextSlot = System.nanoTime();

    MailTransport(JavaMailSenderImpl smtp, Path folder, int ratePerSecond) {
        this.smtp = smtp;
        this.folder = folder;
        this.session = smtp != null ? smtp.getSession() : Session.getInstance(new Properties());
        this.nanosPerMessage = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
    }

    public boolean writesFiles() {
        return smtp == null;
    }

    /** The folder .eml files go to when there is no SMTP server. */
    public Path folder() {
        return folder;
    }

    /**
     * Deletes the {@code .eml} files in the mail folder whose headers or text {@code holds} (for an erasure request);
     * returns how many. Headers are read decoded and text parts as text, so an address split by quoted-printable
     * or hidden in base64 is still found.
     */
    public int eraseFiles(Predicate<String> holds) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int erased = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".eml"))::iterator) {
                if (holds.test(readable(file))) {
                    Files.deleteIfExists(file);
                    erased++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the mail folder " + folder, e);
        }
        return erased;
    }

    private String readable(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(session, in);
            for (var headers = message.getAllHeaderLines(); headers.hasMoreElements(); ) {
                text.append(MimeUtility.decodeText(MimeUtility.unfold(headers.nextElement()))).append('\n');
            }
            appendText(message, text);
        } catch (MessagingException e) {
            text.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    private static void appendText(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            text.append(s).append('\n');
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                appendText(multipart.getBodyPart(i), text);
            }
        }
    }

    /** A message whose Message-ID stays exactly as given (JavaMail would otherwise make a random one). */
    public MimeMessage newMessage(String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /**
     * Sets a header through the mail library's folding, which indents every line break, so no value can start a
     * header (a {@code Bcc:}) or the body of its own. Header values are never concatenated into raw header text.
     */
    public static void setHeader(MimeMessage message, String name, String value) throws MessagingException {
        message.setHeader(name, MimeUtility.fold(name.length() + 2, value));
    }

    /** Text for a display name in a header (a sender's or a list's name): line breaks and other control characters become spaces. */
    public static String phrase(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    /** Sends a batch; the outcomes are in the order of the messages. */
    public List<Outcome> send(List<MimeMessage> messages) {
        throttle(messages.size());
        return smtp == null ? writeFiles(messages) : sendSmtp(messages);
    }

    private List<Outcome> sendSmtp(List<MimeMessage> messages) {
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        try {
            smtp.send(messages.toArray(new MimeMessage[0]));
            messages.forEach(m -> outcomes.add(new Outcome(Result.SUBMITTED, "")));
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            for (MimeMessage m : messages) {
                Exception failure = failed.get(m);
                outcomes.add(failure == null ? new Outcome(Result.SUBMITTED, "") : classify(failure));
            }
        } catch (MailAuthenticationException e) {
            messages.forEach(m -> outcomes.add(new Outcome(Result.TEMPORARY_FAILURE, "SMTP authentication failed: " + e.getMessage())));
        } catch (MailException e) {
            messages.forEach(m -> outcomes.add(new Outcome(Result.TEMPORARY_FAILURE, e.getMessage())));
        }
        return outcomes;
    }

    /** 5xx replies are permanent; everything else (4xx, I/O, timeouts) is worth another try. */
    static Outcome classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int code = replyCode(t);
            if (code >= 500 && code < 600) {
                return new Outcome(Result.PERMANENT_FAILURE, code + " " + oneLine(t.getMessage()));
            }
            if (code >= 400 && code < 500) {
                return new Outcome(Result.TEMPORARY_FAILURE, code + " " + oneLine(t.getMessage()));
            }
        }
        return new Outcome(Result.TEMPORARY_FAILURE, oneLine(failure.getMessage()));
    }

    private static int replyCode(Throwable t) {
        // SMTPSendFailedException and SMTPAddressFailedException both expose getReturnCode().
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private List<Outcome> writeFiles(List<MimeMessage> messages) {
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        for (MimeMessage message : messages) {
            try {
                message.saveChanges();
                String id = message.getMessageID();
                String name = (id == null ? Long.toString(System.nanoTime()) : id).replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml";
                Path temp = Files.createTempFile(folder, ".writing-", ".tmp");
                try (OutputStream out = Files.newOutputStream(temp)) {
                    message.writeTo(out);
                }
                Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                outcomes.add(new Outcome(Result.SUBMITTED, ""));
            } catch (IOException e) {
                outcomes.add(new Outcome(Result.TEMPORARY_FAILURE, "Could not write " + folder + ": " + e.getMessage()));
            } catch (MessagingException e) {
                throw new UncheckedIOException(new IOException("Malformed message", e));
            }
        }
        return outcomes;
    }

    /** Spaces messages out to the configured rate, across every thread that sends. */
    private void throttle(int count) {
        if (nanosPerMessage == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextSlot);
            nextSlot = start + nanosPerMessage * count;
            wait = start - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
