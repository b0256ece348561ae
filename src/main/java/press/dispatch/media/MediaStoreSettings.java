package press.dispatch.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * Where photos are kept ({@code DISPATCH_MEDIA_STORE}): {@code folder}, the data folder (the default, one node), or
 * {@code s3}, a bucket every node shares, with {@code DISPATCH_S3_ENDPOINT} (empty for AWS itself),
 * {@code DISPATCH_S3_REGION}, {@code DISPATCH_S3_BUCKET}, {@code DISPATCH_S3_ACCESS_KEY} and {@code DISPATCH_S3_SECRET_KEY}.
 */
@ConfigurationProperties("dispatch.media-store")
record MediaStoreSettings(String kind, String endpoint, String region, String bucket, String accessKey, String secretKey) {

    MediaStoreSettings {
        kind = blank(kind) ? "folder" : kind.strip().toLowerCase(java.util.Locale.ROOT);
        endpoint = blank(endpoint) ? null : endpoint.strip();
        region = blank(region) ? "us-east-1" : region.strip();
        if (!kind.equals("folder") && !kind.equals("s3")) {
            throw new BadSettingException("DISPATCH_MEDIA_STORE", "is '" + kind + "'", "set it to folder (the data folder) or s3 (a shared bucket)");
        }
        if (kind.equals("s3")) {
            require("DISPATCH_S3_BUCKET", bucket, "the name of the bucket photos go into");
            require("DISPATCH_S3_ACCESS_KEY", accessKey, "the access key id of an account that may read and write that bucket");
            require("DISPATCH_S3_SECRET_KEY", secretKey, "that account's secret key");
            if (endpoint != null && !endpoint.matches("https?://[^\\s/]+(/.*)?")) {
                throw new BadSettingException("DISPATCH_S3_ENDPOINT", "is '" + endpoint + "'",
                        "set it to the server's address, such as https://s3.example.net, or leave it empty for AWS");
            }
        }
    }

    boolean s3() {
        return kind.equals("s3");
    }

    private static void require(String setting, String value, String what) {
        if (blank(value)) {
            throw new BadSettingException(setting, "is missing while DISPATCH_MEDIA_STORE is s3", "set it to " + what);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
