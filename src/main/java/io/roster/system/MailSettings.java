package io.roster.system;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.mail.*}. The SMTP server itself is configured with Spring
 * Boot's {@code spring.mail.*} properties.
 *
 * @param from sender address of every mail Roster sends
 * @param linkBaseUrl absolute URL that links in mails start with, such as
 * {@code https://roster.example.com}; empty falls back to {@code roster.public-base-url},
 * then to the URL of the request that sends the mail
 */
@ConfigurationProperties("roster.mail")
public record MailSettings(@DefaultValue("Roster <roster@localhost>") String from, @Nullable String linkBaseUrl) {
}
