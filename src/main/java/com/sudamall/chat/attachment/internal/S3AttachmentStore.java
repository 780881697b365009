package com.sudamall.chat.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3 bucket (AWS, or any S3-compatible service through {@code chat.files.s3.endpoint} and
 * path-style addressing), one per key under {@code chat.files.s3.prefix}.
 */
final class S3AttachmentStore implements AttachmentStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3AttachmentStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3AttachmentStore(AttachmentProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: many S3-compatible services reject the SDK's default ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), String.valueOf(settings.secretKey()))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        createBucketIfMissing();
    }

    /** Convenient with MinIO and the like; on AWS the bucket usually exists and the role may not create one. */
    private void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
                log.info("Created S3 bucket {}", bucket);
            } catch (SdkException create) {
                log.warn("S3 bucket {} is missing and could not be created: {}", bucket, create.getMessage());
            }
        } catch (SdkException e) {
            log.warn("Could not check S3 bucket {}: {}", bucket, e.getMessage());
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("S3 put of " + key + " failed", e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(
                    b -> b.bucket(bucket).key(prefix + key).range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            throw new IOException("S3 get of " + key + " failed", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("S3 delete of " + key + " failed", e);
            }
        } catch (SdkException e) {
            throw new IOException("S3 delete of " + key + " failed", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
