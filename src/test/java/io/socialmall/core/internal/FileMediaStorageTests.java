package io.socialmall.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.socialmall.core.DomainException;

class FileMediaStorageTests {

	@TempDir
	Path dir;

	FileMediaStorage storage() {
		return new FileMediaStorage(dir.toString(), 1024 * 1024, 40_000_000);
	}

	@Test
	void storesAPictureWithAThumbnailBesideIt() throws Exception {
		var stored = storage().storeImage("reviews", png(1200, 300));
		assertThat(stored.key()).matches("reviews/[0-9]+\\.png");
		assertThat(stored.width()).isEqualTo(1200);
		assertThat(stored.contentType()).isEqualTo("image/png");
		Path thumbnail = dir.resolve("media").resolve(stored.thumbnailUrl().substring("/media/".length()));
		var small = ImageIO.read(thumbnail.toFile());
		assertThat(small.getWidth()).isEqualTo(400);
		assertThat(small.getHeight()).isEqualTo(100);
		assertThat(storage().exists(stored.key())).isTrue();
		storage().delete(stored.key());
		assertThat(storage().exists(stored.key())).isFalse();
		assertThat(Files.exists(thumbnail)).isFalse();
	}

	@Test
	void readsTheSizeOfAWebpFromItsHeader() {
		var stored = storage().storeImage("notes", webpLossless(640, 480));
		assertThat(stored.key()).endsWith(".webp");
		assertThat(stored.width()).isEqualTo(640);
		assertThat(stored.height()).isEqualTo(480);
		assertThat(stored.contentType()).isEqualTo("image/webp");
	}

	@Test
	void refusesWhatIsNotAPicture() {
		assertRefused("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "not a PNG, JPEG or WebP");
		byte[] truncated = java.util.Arrays.copyOf(pngUnchecked(50, 50), 40);
		assertRefused(truncated, "could not be read");
		assertRefused(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0 }, "could not be read");
		assertRefused(new byte[2 * 1024 * 1024], "larger than");
	}

	@Test
	void refusesAPictureClaimingTooManyPixelsBeforeDecodingIt() {
		assertRefused(pngHeaderOnly(30_000, 30_000), "too many pixels");
		assertRefused(webpLossless(16_000, 16_000), "too many pixels");
	}

	private void assertRefused(byte[] bytes, String reason) {
		assertThatThrownBy(() -> storage().storeImage("products", bytes)).isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).fields().get(0).field()).isEqualTo("file"))
			.hasMessageContaining(reason);
	}

	static byte[] png(int width, int height) throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	static byte[] pngUnchecked(int width, int height) {
		try {
			return png(width, height);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The signature and an IHDR chunk announcing a huge picture, and nothing else. */
	static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
			.putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		return ByteBuffer.allocate(8 + 4 + 17 + 4)
			.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a })
			.putInt(13)
			.put(ihdr.array())
			.putInt((int) crc.getValue())
			.array();
	}

	/** A lossless WebP header (RIFF, WEBP, VP8L with its 14-bit sizes). */
	static byte[] webpLossless(int width, int height) {
		ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBP".getBytes(StandardCharsets.US_ASCII));
		b.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(20).put((byte) 0x2f);
		b.putInt((width - 1) | (height - 1) << 14);
		return b.array();
	}
}
