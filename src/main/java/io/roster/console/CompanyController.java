package io.roster.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of the company console.
 */
@Controller
class CompanyController implements CompanyPage {

	@GetMapping(ConsoleSecurity.CONSOLE)
	String home() {
		return "console/home";
	}

}
