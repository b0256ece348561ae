package press.dispatch.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

/** A reader's stream held by the container ends without an error page, however the reader left. */
class ServletConnectionTest {

    @Test
    void aReaderWhoLeftMidWriteHasTheRequestCompletedWhenTheContainerReportsTheError() {
        Async async = new Async();
        Socket socket = new Socket();
        AtomicInteger removed = new AtomicInteger();
        ServletConnection connection = new ServletConnection(async, socket);
        connection.listen(removed::incrementAndGet);

        socket.broken = true;
        connection.send("data: one\n\n".getBytes());
        assertThat(connection.closed()).as("a failed write closes the stream").isTrue();
        assertThat(removed).hasValue(1);

        // Tomcat then reports the failure to the async listeners; a request none of them completes goes to /error.
        connection.onError(new AsyncEvent(async, new IOException("Broken pipe")));
        assertThat(async.completed).as("completed in onError, so no error page is dispatched").isEqualTo(1);
        assertThat(removed).as("removed from its broadcaster once").hasValue(1);
    }

    @Test
    void aStreamTheContainerEndsIsNotCompletedTwice() {
        Async async = new Async();
        ServletConnection connection = new ServletConnection(async, new Socket());
        connection.listen(() -> { });
        connection.onComplete(new AsyncEvent(async));
        connection.send("data: late\n\n".getBytes());
        assertThat(async.completed).isZero();
    }

    private static final class Socket extends ServletOutputStream {
        boolean broken;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
        }
    }

    private static final class Async implements AsyncContext {
        int completed;

        @Override
        public void complete() {
            completed++;
        }

        @Override
        public ServletRequest getRequest() {
            return null;
        }

        @Override
        public ServletResponse getResponse() {
            return null;
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return true;
        }

        @Override
        public void dispatch() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dispatch(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start(Runnable run) {
            run.run();
        }

        @Override
        public void addListener(AsyncListener listener) {
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeout(long timeout) {
        }

        @Override
        public long getTimeout() {
            return 0;
        }
    }
}
