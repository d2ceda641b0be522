package io.roster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Roster: a company directory and the SCIM 2.0 service provider that identity providers
 * use to keep it in sync.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RosterApplication {

	public static void main(String[] args) {
		SpringApplication.run(RosterApplication.class, args);
	}

}
