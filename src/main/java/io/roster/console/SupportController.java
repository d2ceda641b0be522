package io.roster.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page of the support console, where operators start.
 */
@Controller
class SupportController {

	@GetMapping(ConsoleSecurity.SUPPORT)
	String home() {
		return "support/home";
	}

}
