package io.roster.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the demo credentials to files that only their owner may read or write.
 */
final class OwnerOnlyFiles {

	private OwnerOnlyFiles() {
	}

	/**
	 * Replaces the file with one line of content, creating it with mode {@code rw-------}
	 * before anything is written to it.
	 */
	static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return file;
	}

}
