package io.socialmall.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the sandbox gateway signs its notifications, and how we check them. The signed message is the
 * timestamp (seconds), the notification id and the raw body, each followed by a line feed (the shape
 * WeChat Pay v3 uses); the signature is its HMAC-SHA256 under the shared secret, in lower-case hex.
 * Signing the timestamp and the id with the body means neither can be swapped for a replay.
 */
public final class SandboxSignatures {

	public static final String NOTIFICATION_ID = "Sandbox-Notification-Id";
	public static final String TIMESTAMP = "Sandbox-Timestamp";
	public static final String SIGNATURE = "Sandbox-Signature";

	private SandboxSignatures() {
	}

	/** The signature of one delivery. {@code timestamp} is in seconds since the epoch. */
	public static String sign(String secret, String notificationId, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + "\n" + notificationId + "\n").getBytes(StandardCharsets.UTF_8));
			mac.update(body);
			mac.update((byte) '\n');
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether {@code signature} is right, compared in constant time. */
	static boolean verify(String secret, String notificationId, long timestamp, byte[] body, String signature) {
		byte[] expected = sign(secret, notificationId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}
}
