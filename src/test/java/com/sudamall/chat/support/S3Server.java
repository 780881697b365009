package com.sudamall.chat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for the tests: S3Proxy (from Maven Central, copied to {@code target/s3proxy} by the
 * build) in a process of its own on a free loopback port, keeping objects in memory, checking request signatures.
 * It stops with the test JVM.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "chat-test-access";
    public static final String SECRET_KEY = "chat-test-secret";

    private final String endpoint;
    private final S3Client client;

    private S3Server(String endpoint) {
        this.endpoint = endpoint;
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public static S3Server start() {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (generate-test-resources)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String endpoint = "http://127.0.0.1:" + port;
            Path properties = Files.createTempFile("s3proxy", ".properties");
            Files.writeString(properties, """
                    s3proxy.endpoint=%s
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=transient
                    jclouds.identity=%s
                    jclouds.credential=%s
                    """.formatted(endpoint, ACCESS_KEY, SECRET_KEY, ACCESS_KEY, SECRET_KEY));
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createDirectories(Path.of("target", "s3proxy")).resolve("s3proxy-" + port + ".log");
            Process process = new ProcessBuilder(
                            java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(port, process, log);
            return new S3Server(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(int port, Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("S3Proxy did not listen on " + port + ": " + Files.readString(log));
    }

    public String endpoint() {
        return endpoint;
    }

    /** Every key in the bucket (none when it does not exist yet). */
    public Set<String> keys(String bucket) {
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key)
                    .collect(Collectors.toSet());
        } catch (NoSuchBucketException e) {
            return Set.of();
        }
    }
}
