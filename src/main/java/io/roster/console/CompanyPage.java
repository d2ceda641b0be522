package io.roster.console;

/**
 * Marks the controllers of the company console, which {@link CompanyPages} serves.
 */
interface CompanyPage {

}
