package io.roster.setup;

import org.jspecify.annotations.Nullable;

/**
 * A configuration link that cannot be used.
 */
public class LinkRejectedException extends RuntimeException {

	private final @Nullable LinkState state;

	/**
	 * @param state the link's state, or {@code null} when no link has the secret
	 */
	LinkRejectedException(@Nullable LinkState state) {
		super((state != null) ? "The configuration link is " + state.code() : "No configuration link has this secret");
		this.state = state;
	}

	public @Nullable LinkState state() {
		return this.state;
	}

}
