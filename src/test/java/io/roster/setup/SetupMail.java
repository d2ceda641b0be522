package io.roster.setup;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server for setup tests, on a free port of 127.0.0.1, and the mails it
 * received.
 */
final class SetupMail {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/setup/link/rcl_[A-Za-z0-9_-]{43}");

	private SetupMail() {
	}

	/** Returns a GreenMail SMTP server that runs for a whole test class. */
	static GreenMailExtension smtp() {
		return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
			.withPerMethodLifecycle(false);
	}

	/** Returns the server properties that send Roster's mail to the server. */
	static Map<String, Object> properties(GreenMailExtension smtp) {
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtp.getSmtp().getPort(),
				"roster.support.email", "support-team@roster.test");
	}

	/** Returns the mails sent to one address, waiting up to 10 seconds for the first. */
	static List<MimeMessage> to(GreenMailExtension smtp, String address) {
		smtp.waitForIncomingEmail(10_000, 1);
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Returns the configuration link in the newest mail to an address. */
	static String link(GreenMailExtension smtp, String address) {
		List<MimeMessage> mails = to(smtp, address);
		assertThat(mails).as("mails to " + address).isNotEmpty();
		String body = GreenMailUtil.getBody(mails.get(mails.size() - 1));
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("a configuration link in: " + body).isTrue();
		return link.group();
	}

}
