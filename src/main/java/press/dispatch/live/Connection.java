package press.dispatch.live;

/**
 * One reader's open stream, as a broadcaster sees it: whether the servlet container holds it
 * ({@link ServletConnection}) or the dedicated stream port does ({@link ChannelConnection}). Sending never blocks the
 * caller; a reader who falls too far behind is disconnected (their browser reconnects and resumes).
 */
interface Connection {

    /** Queues these bytes behind what the reader has not taken yet. */
    void send(byte[] bytes);

    /** Sends these last bytes, then closes the stream once the reader has them. */
    void finish(byte[] last);

    /** A comment that keeps the stream from looking idle; a stream with bytes still waiting does not need one. */
    default void heartbeat(byte[] comment) {
        send(comment);
    }
}
