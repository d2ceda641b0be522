package io.roster.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in pages of both consoles. Spring Security handles the form posts.
 */
@Controller
class SignInController {

	@GetMapping(ConsoleSecurity.CONSOLE + "/sign-in")
	String consoleSignIn() {
		return "console/sign-in";
	}

	@GetMapping(ConsoleSecurity.SUPPORT + "/sign-in")
	String supportSignIn() {
		return "support/sign-in";
	}

}
