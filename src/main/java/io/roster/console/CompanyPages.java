package io.roster.console;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.roster.directory.DirectoryException;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ScimConnections;

/**
 * The shared parts of every company console page: the signed-in admin with the company,
 * which the layout shows, and the error pages. A colleague, team or token that is not the
 * company's is "not found", the same as one that does not exist, so ids of other
 * companies reveal nothing.
 */
@ControllerAdvice(assignableTypes = CompanyPage.class)
class CompanyPages {

	private static final Logger logger = LoggerFactory.getLogger(CompanyPages.class);

	private final CompanyStore companies;

	private final ScimConnections connections;

	CompanyPages(CompanyStore companies, ScimConnections connections) {
		this.companies = companies;
		this.connections = connections;
	}

	@ModelAttribute("admin")
	SignedInAdmin admin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser user)
				|| user.kind() != ConsoleUser.Kind.ADMIN) {
			throw new IllegalStateException("A company page was reached without a signed-in admin");
		}
		Company company = this.companies.find(user.adminAccount().companyId())
			.orElseThrow(() -> new IllegalStateException("The admin's company no longer exists"));
		return SignedInAdmin.of(user, company, this.connections.list(company.id()));
	}

	@ExceptionHandler(DirectoryException.class)
	String directory(DirectoryException ex, Model model, HttpServletResponse response) {
		logger.debug("Console request rejected: {}", ex.getMessage());
		boolean notFound = ex.reason() == DirectoryException.Reason.NOT_FOUND;
		response.setStatus(Rejections.status(ex));
		model.addAttribute("admin", admin());
		model.addAttribute("message", notFound ? "This page does not exist in your company." : ex.getMessage());
		return "console/error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("admin", admin());
		model.addAttribute("message", "This page does not exist in your company.");
		return "console/error";
	}

}
