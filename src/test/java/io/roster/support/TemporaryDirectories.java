package io.roster.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.FileSystemUtils;

/**
 * Temporary data directories of the servers that tests start, deleted when the test JVM
 * exits unless the system property {@code roster.test.keep-data} is {@code true}. A
 * directory cannot go when its server stops, because a second instance may share the H2
 * file in it and a test may start the server again on it. The H2 files of a test class
 * reach hundreds of MB, so directories left behind would fill the disk over runs.
 * <p>
 * The hook runs beside the JVM's other shutdown hooks, such as those that close a server
 * a test left open. A file that such a server writes meanwhile can keep its directory
 * from being deleted, and then the hook prints the failure.
 */
final class TemporaryDirectories {

	private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

	static {
		if (!Boolean.getBoolean("roster.test.keep-data")) {
			Runtime.getRuntime()
				.addShutdownHook(new Thread(TemporaryDirectories::deleteAll, "delete-test-directories"));
		}
	}

	private TemporaryDirectories() {
	}

	/** Creates a directory under the system's temporary directory, deleted at exit. */
	static Path create(String prefix) throws IOException {
		Path directory = Files.createTempDirectory(prefix);
		CREATED.add(directory);
		return directory;
	}

	private static void deleteAll() {
		for (Path directory : CREATED) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				System.err.println("Deleting the test directory " + directory + " failed: " + ex);
			}
		}
	}

}
