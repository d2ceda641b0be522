package io.roster.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection driven byte by byte, for clients that a normal HTTP client
 * cannot imitate: one that sends its headers and then stalls, or trickles its body.
 */
public final class RawConnection implements AutoCloseable {

	/**
	 * Minimum wait for each read once a response has started. A body without a length
	 * ends only when the server closes the connection, which Tomcat does after one more
	 * read of the request, up to its connection timeout later.
	 */
	private static final Duration REST_OF_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	private final Socket socket;

	private final OutputStream output;

	private final InputStream input;

	public RawConnection(String baseUrl) {
		URI uri = URI.create(baseUrl);
		try {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
			this.output = this.socket.getOutputStream();
			this.input = this.socket.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends the request line and headers, ending with the blank line. */
	public void sendHead(String method, String path, Map<String, String> headers) {
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		send(head.append("\r\n").toString());
	}

	public void send(String text) {
		try {
			this.output.write(text.getBytes(StandardCharsets.UTF_8));
			this.output.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads one response, waiting at most {@code timeout} for its first byte, and then at
	 * least {@link #REST_OF_RESPONSE_TIMEOUT} for each later read, so that a short
	 * timeout that polls for a response never gives up on one that has started.
	 * @return the response, or {@code null} when the server closed the connection first
	 */
	public Response read(Duration timeout) {
		try {
			this.socket.setSoTimeout((int) timeout.toMillis());
			int first = this.input.read();
			if (first == -1) {
				return null;
			}
			this.socket.setSoTimeout((int) Math.max(timeout.toMillis(), REST_OF_RESPONSE_TIMEOUT.toMillis()));
			String statusLine = (char) first + readLine();
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer
					.parseInt(readLine().trim(), 16)) {
					body.write(this.input.readNBytes(size));
					readLine();
				}
				readLine();
			}
			else if (headers.containsKey("content-length")) {
				body.write(this.input.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			else if ("close".equalsIgnoreCase(headers.get("connection"))) {
				// Without a length, the body ends where the server closes the connection.
				readToEnd(body);
			}
			return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
					body.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends text, as {@link #send} does.
	 * @return {@code false} when the server had closed the connection, so the text could
	 * not be sent
	 */
	public boolean trySend(String text) {
		try {
			this.output.write(text.getBytes(StandardCharsets.UTF_8));
			this.output.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Returns whether the server closed the connection: a read that ends the stream or
	 * finds the connection reset within {@code timeout}. A byte that arrives instead
	 * counts as open.
	 */
	public boolean isClosedByServer(Duration timeout) {
		try {
			this.socket.setSoTimeout((int) timeout.toMillis());
			return this.input.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// Connection reset: the server closed the connection with unread data.
			return true;
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing a test connection; nothing depends on it.
		}
	}

	private void readToEnd(ByteArrayOutputStream body) throws IOException {
		byte[] buffer = new byte[8192];
		try {
			for (int read = this.input.read(buffer); read != -1; read = this.input.read(buffer)) {
				body.write(buffer, 0, read);
			}
		}
		catch (SocketException ex) {
			// The server reset the connection after the body, because the client had sent
			// bytes it did not read.
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = this.input.read(); b != -1; b = this.input.read()) {
			if (b == '\n') {
				return line.toString(StandardCharsets.UTF_8).replaceAll("\r$", "");
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.UTF_8) : null;
	}

	/** A response status, its headers (names in lower case) and its body. */
	public record Response(int status, Map<String, String> headers, String body) {
	}

}
