package io.roster.setup;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that dates configuration links, job leases and the activity purge. Tests that
 * check expiry replace it with a {@code @Primary} clock they can move forward.
 */
@Configuration(proxyBeanMethods = false)
class SetupConfiguration {

	@Bean
	Clock setupClock() {
		return Clock.systemUTC();
	}

}
