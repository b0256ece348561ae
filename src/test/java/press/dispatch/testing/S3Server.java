package press.dispatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test JVM: S3Proxy on a temporary folder, with one bucket and signed requests, as
 * Garage or MinIO would be. {@link #settings()} gives the command-line settings that point a node at it.
 */
public final class S3Server implements AutoCloseable {

    public static final String BUCKET = "media";
    public static final String ACCESS_KEY = "dispatch-test";
    public static final String SECRET_KEY = "dispatch-test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3Server(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    public static S3Server start() {
        try {
            Path folder = Files.createTempDirectory("dispatch-s3-");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", folder.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(properties)
                    .build(BlobStoreContext.class);
            context.getBlobStore().createContainerInLocation(null, BUCKET);
            S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            org.awaitility.Awaitility.await("S3Proxy started").atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> AbstractLifeCycle.STARTED.equals(proxy.getState()));
            return new S3Server(proxy, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public BlobStore blobs() {
        return context.getBlobStore();
    }

    /** Command-line settings for a node that keeps its photos here. */
    public List<String> settings() {
        return List.of("--dispatch.media-store.kind=s3", "--dispatch.media-store.endpoint=" + endpoint(), "--dispatch.media-store.region=us-east-1",
                "--dispatch.media-store.bucket=" + BUCKET, "--dispatch.media-store.access-key=" + ACCESS_KEY,
                "--dispatch.media-store.secret-key=" + SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // The JVM's temporary folder goes anyway.
        }
        context.close();
    }
}
