/**
 * SCIM setup: the configuration links that support sends to a company's directory admin,
 * the wizard behind them, and the support console pages that enable SCIM and finish the
 * first sync.
 */
@NullMarked
package io.roster.setup;

import org.jspecify.annotations.NullMarked;
