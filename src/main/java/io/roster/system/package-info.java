/**
 * Configuration, request ids and observability shared by the web parts.
 */
@NullMarked
package io.roster.system;

import org.jspecify.annotations.NullMarked;
