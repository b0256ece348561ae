package press.dispatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server for failure tests: it speaks the protocol over a socket like any server, but answers
 * RCPT TO for addresses containing "bounce" with 550 (permanent) and "later" with 451 (temporary). Every
 * accepted message's recipient is recorded.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<String> delivered() {
        return delivered;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            write(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    write(out, "250 scripted");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipient = null;
                    write(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    if (line.contains("bounce")) {
                        write(out, "550 5.1.1 No such mailbox");
                    } else if (line.contains("later")) {
                        write(out, "451 4.3.0 Try again later");
                    } else {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        write(out, "250 OK");
                    }
                } else if (upper.startsWith("DATA")) {
                    write(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // message body ignored
                    }
                    if (recipient != null) {
                        delivered.add(recipient);
                    }
                    write(out, "250 OK queued");
                } else if (upper.startsWith("RSET")) {
                    recipient = null;
                    write(out, "250 OK");
                } else if (upper.startsWith("QUIT")) {
                    write(out, "221 bye");
                    return;
                } else {
                    write(out, "250 OK");
                }
            }
        } catch (IOException ignored) {
            // The client went away.
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
