package io.roster.activity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduling, which runs the activity purge.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ActivityConfiguration {

}
