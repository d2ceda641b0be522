package io.roster.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through the SMTP server of {@code spring.mail.*}. Without
 * {@code spring.mail.host}, as in the default embedded run, Spring Boot creates no mail
 * sender, and each mail is written to the log instead: one INFO line naming recipient and
 * subject, then one line per body line, so that a link in it can be copied from the log.
 */
@Component
public class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MailSettings settings;

	Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	/**
	 * Sends a mail, or logs it when no SMTP host is configured.
	 * @throws MailException when the SMTP server cannot be reached or rejects the mail
	 */
	public void send(String to, String subject, String body) {
		JavaMailSender smtp = this.sender.getIfAvailable();
		if (smtp == null) {
			log(to, subject, body);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.from());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		smtp.send(message);
		logger.info("Sent mail to {} with subject \"{}\"", LogText.sanitize(to), LogText.sanitize(subject));
	}

	/** Returns whether mail goes to an SMTP server rather than to the log. */
	public boolean sendsMail() {
		return this.sender.getIfAvailable() != null;
	}

	private static void log(String to, String subject, String body) {
		logger.info("Mail to {} with subject \"{}\" (no SMTP host is configured in spring.mail.host, so it is logged"
				+ " instead of sent):", LogText.sanitize(to), LogText.sanitize(subject));
		for (String line : List.of(body.split("\r?\n", -1))) {
			logger.info("| {}", LogText.sanitize(line));
		}
	}

}
