package press.dispatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Photos in an S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, Garage, SeaweedFS, Ceph, MinIO), through
 * the AWS SDK over the JDK's HTTP client. Addresses are path-style ({@code endpoint/bucket/key}), which every one of
 * them answers, and checksums are only sent where S3 requires them, as not every compatible server takes the SDK's
 * newer ones. The data folder keeps the copy this node wrote; other nodes read from the bucket.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;

    S3MediaStore(MediaStoreSettings settings) {
        this.bucket = settings.bucket();
        this.endpoint = settings.endpoint();
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
    }

    @Override
    public void put(String key, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            putObject(key + "/" + file.getFileName(), file);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            var listed = s3.listObjectsV2Paginator(software.amazon.awssdk.services.s3.model.ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(key + "/").build());
            for (var object : listed.contents()) {
                s3.deleteObject(software.amazon.awssdk.services.s3.model.DeleteObjectRequest.builder().bucket(bucket).key(object.key()).build());
            }
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IOException("Could not delete " + key + "/ from " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Writes one file as the object {@code name}. */
    void putObject(String name, Path file) throws IOException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(name).contentType(contentType(name)).build(), RequestBody.fromFile(file));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IOException("Could not write " + name + " to " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Resource> find(String key, String name) {
        try {
            ResponseInputStream<GetObjectResponse> object = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key + "/" + name).build());
            long length = object.response().contentLength();
            return Optional.of(new InputStreamResource(object) {
                @Override
                public long contentLength() {
                    return length;
                }
            });
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The bytes of one object, for the migration's check; empty if it is missing. */
    Optional<InputStream> open(String name) {
        try {
            return Optional.of(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(name).build()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void check() {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }

    @Override
    public String describe() {
        return "the S3 bucket " + bucket + (endpoint == null ? "" : " at " + endpoint);
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String contentType(String name) {
        if (name.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
