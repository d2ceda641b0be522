package io.roster.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The Roster server a load benchmark measures: the packaged jar in its own JVM with a
 * capped heap, listening on 127.0.0.1, on a fresh H2 file database or on an embedded
 * PostgreSQL server with durable commits ({@code fsync} and {@code synchronous_commit}
 * on) and 1 GB of shared buffers. Both stop when the benchmark ends, and the data
 * directory (database files and the server's log) stays in the system's temporary
 * directory for inspection.
 */
final class BenchServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	/**
	 * PostgreSQL's page cache. With initdb's 128 MB, pg_stat_statements counted three
	 * pages read from the operating system and 0.65 written back per lookup at 1 000 000
	 * colleagues, on the 2-core machine of {@code docs/benchmarks.md}: the colleague
	 * table, its userName index and the emails take about 600 MB there. A production
	 * server gets far more. PostgreSQL's documentation ("Resource Consumption") suggests
	 * a quarter of the memory of a dedicated machine.
	 */
	static final String SHARED_BUFFERS = "1GB";

	/**
	 * Returns the settings of the embedded PostgreSQL server: durable commits, shared
	 * buffers of {@link #SHARED_BUFFERS}, and the {@code name=value} pairs of the system
	 * property {@code bench.postgres-config}, which override them.
	 * @throws IllegalArgumentException if a pair is not {@code name=value} or its value
	 * has characters other than letters, digits and {@code _.,:/%+-}: the embedded server
	 * passes the settings to {@code pg_ctl} through a shell
	 */
	static Map<String, String> postgresConfig() {
		Map<String, String> config = new TreeMap<>();
		config.put("fsync", "on");
		config.put("synchronous_commit", "on");
		config.put("shared_buffers", SHARED_BUFFERS);
		for (String setting : System.getProperty("bench.postgres-config", "").trim().split("\\s+")) {
			if (setting.isEmpty()) {
				continue;
			}
			if (!setting.matches("[A-Za-z_][A-Za-z0-9_.]*=[A-Za-z0-9_.,:/%+-]+")) {
				throw new IllegalArgumentException("Invalid bench.postgres-config entry '" + setting
						+ "': expected name=value with a value of letters, digits and _.,:/%+-, such as"
						+ " shared_buffers=128MB");
			}
			int equals = setting.indexOf('=');
			config.put(setting.substring(0, equals).toLowerCase(Locale.ROOT), setting.substring(equals + 1));
		}
		return config;
	}

	private final Path dataDir;

	private final EmbeddedPostgres postgres;

	private final List<String> command;

	private final int port;

	private Process process;

	private long earlierCpuNanos;

	private BenchServer(Path dataDir, EmbeddedPostgres postgres, List<String> command, int port) {
		this.dataDir = dataDir;
		this.postgres = postgres;
		this.command = command;
		this.port = port;
	}

	/**
	 * Starts the server and waits until its health endpoint responds.
	 * @param database {@code h2} or {@code postgresql}
	 * @param heap the server's maximum heap, as for {@code -Xmx}, such as {@code 256m}
	 */
	static BenchServer start(Path jar, String database, String heap) throws IOException, InterruptedException {
		Path dataDir = Files.createTempDirectory("roster-bench-");
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + heap));
		String recording = System.getProperty("bench.profile", "").trim();
		if (!recording.isEmpty()) {
			// A Java Flight Recording of the server with the profiling settings, written
			// when the server stops.
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(recording).toAbsolutePath());
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--roster.data-dir=" + dataDir, "--logging.level.root=WARN", "--logging.level.io.roster=WARN",
				// The benchmark measures capacity, so the per-token rate limit and the
				// per-company concurrency cap are set above anything it sends.
				"--roster.scim.rate-limit.requests-per-second=1000000", "--roster.scim.rate-limit.burst=1000000",
				"--roster.scim.max-concurrent-requests-per-company=10000"));
		String extra = System.getProperty("bench.server-args", "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		EmbeddedPostgres postgres = null;
		if (database.equals("postgresql")) {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			postgresConfig().forEach(builder::setServerConfig);
			postgres = builder.setDataDirectory(dataDir.resolve("postgres")).start();
			command.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
			command.add("--spring.datasource.username=postgres");
			command.add("--spring.datasource.password=");
		}
		else if (!database.equals("h2")) {
			throw new IllegalArgumentException("bench.database must be h2 or postgresql, not " + database);
		}
		BenchServer server = new BenchServer(dataDir, postgres, command, port);
		server.launch();
		return server;
	}

	/**
	 * Stops the server, runs a step on its stopped database, such as filling an H2 file
	 * that only one process can open, and starts the server again on the same data.
	 */
	<T> T whileStopped(Step<T> step) throws Exception {
		stopProcess();
		T result = step.run(this.dataDir);
		launch();
		return result;
	}

	/** A step that runs while the server is stopped. */
	@FunctionalInterface
	interface Step<T> {

		T run(Path dataDir) throws Exception;

	}

	/**
	 * Returns the processor time of the running server process since it started, and of
	 * earlier runs of it, in nanoseconds.
	 */
	long cpuNanos() {
		return this.earlierCpuNanos + CpuMeter.processNanos(this.process.toHandle());
	}

	private void launch() throws IOException, InterruptedException {
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
			.start();
		awaitHealthy();
	}

	private void stopProcess() throws InterruptedException {
		this.earlierCpuNanos += CpuMeter.processNanos(this.process.toHandle());
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	String token() throws IOException {
		return Files.readString(this.dataDir.resolve("demo-scim-token")).trim();
	}

	/** Returns the embedded PostgreSQL database the server uses, or null on H2. */
	javax.sql.DataSource postgresDatabase() {
		return (this.postgres != null) ? this.postgres.getPostgresDatabase() : null;
	}

	Path dataDir() {
		return this.dataDir;
	}

	Path log() {
		return this.dataDir.resolve("server.log");
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		stopProcess();
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	private void awaitHealthy() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Roster exited during startup; see " + log());
			}
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
						&& Files.exists(this.dataDir.resolve("demo-scim-token"))) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Roster did not become healthy within " + STARTUP + "; see " + log());
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
