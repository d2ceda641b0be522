package io.roster.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.console.*}.
 *
 * @param signInFailures failed sign-ins tolerated per client address
 */
@ConfigurationProperties("roster.console")
record ConsoleProperties(@DefaultValue SignInFailures signInFailures) {

	/**
	 * @param maxPerAddress failed sign-ins one client address may make within
	 * {@code window} before its sign-ins are rejected until the window ends
	 * @param window length of the counting window, and so of the block
	 */
	record SignInFailures(@DefaultValue("10") int maxPerAddress, @DefaultValue("15m") Duration window) {
	}

}
