package io.roster.system;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void sanitizeReplacesLineBreaksAndRedactsTokens() {
		String token = "rst_" + "a".repeat(43);

		String safe = LogText.sanitize("one\ntwo\r\u2028three " + token);

		assertThat(safe).isEqualTo("one_two__three rst_[redacted]");
	}

	@Test
	void sanitizedExceptionKeepsFramesAndClassesOnOneLinePerStep() {
		IllegalStateException cause = new IllegalStateException("value\nINFO forged");
		RuntimeException failure = new RuntimeException("outer\r\nforged too", cause);

		Throwable safe = LogText.sanitize(failure);

		assertThat(safe.getMessage()).isEqualTo("java.lang.RuntimeException: outer__forged too");
		assertThat(safe.getCause().getMessage()).isEqualTo("java.lang.IllegalStateException: value_INFO forged");
		assertThat(safe.getStackTrace()).isEqualTo(failure.getStackTrace());
		StringWriter trace = new StringWriter();
		safe.printStackTrace(new PrintWriter(trace));
		assertThat(trace.toString().lines()).noneMatch((line) -> line.startsWith("INFO") || line.startsWith("forged"));
	}

}
