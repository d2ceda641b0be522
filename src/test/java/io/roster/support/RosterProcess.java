package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.roster.RosterApplication;

/**
 * Roster in a separate JVM on 127.0.0.1, started from the test classpath, so that a test
 * can kill it with SIGKILL as an operating system or an operator would, and start it
 * again on the same data directory and database.
 */
public final class RosterProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Map<String, Object> properties;

	private final Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private int port;

	private int starts;

	private RosterProcess(Map<String, Object> properties, Path dataDir) {
		this.properties = properties;
		this.dataDir = dataDir;
	}

	/** Starts Roster on a new, empty database of the given kind. */
	public static RosterProcess start(TestDatabase database) {
		try {
			Path dataDir = TemporaryDirectories.create("roster-process-");
			RosterProcess roster = new RosterProcess(database.newDatabase(dataDir), dataDir);
			roster.start();
			return roster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Kills the process with SIGKILL, so no shutdown hook or buffer flush runs. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Roster (pid " + this.process.pid() + ") survived SIGKILL for 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts Roster again on the same data directory and database, on a new port. */
	public void start() {
		this.port = freePort();
		this.starts++;
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), RosterApplication.class.getName()));
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=" + this.port);
		command.add("--logging.level.io.roster.scim.access=WARN");
		this.properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		Path log = this.dataDir.resolve("roster-" + this.starts + ".log");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitHealthy(log);
	}

	public String scimUrl() {
		return "http://127.0.0.1:" + this.port + "/scim/v2";
	}

	/** Returns the demo company's SCIM token, as written on first start. */
	public String demoToken() {
		try {
			return Files.readString(this.dataDir.resolve("demo-scim-token")).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	private void awaitHealthy(Path log) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Roster exited during startup; its log:\n" + tail(log));
			}
			try {
				HttpResponse<Void> response = this.http.send(health, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200 && Files.exists(this.dataDir.resolve("demo-scim-token"))
						&& hasStarted(log)) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(100));
		}
		kill();
		throw new IllegalStateException(
				"Roster was not healthy within " + STARTUP_TIMEOUT + "; its log:\n" + tail(log));
	}

	/**
	 * Returns whether the process's own log says it is listening on its port. A health
	 * response alone does not show it, because another process on this machine may have
	 * taken the port after {@link #freePort()} found it free.
	 */
	private boolean hasStarted(Path log) {
		try {
			return Files.readString(log).contains("Tomcat started on port " + this.port + " ");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** Returns a port of 127.0.0.1 that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
