package io.socialmall.core.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.core.MediaStorage;

/**
 * Keeps pictures as files: {@code <data-dir>/media/<namespace>/<id>.<ext>} and the thumbnail beside it as
 * {@code <id>_t.<ext>}. Files are written to a temporary name and moved into place, so a reader never sees
 * half a picture. The JDK cannot decode WebP, so a WebP picture is checked by its header and serves as its
 * own thumbnail.
 */
@Service
class FileMediaStorage implements MediaStorage {

	static final int THUMBNAIL_SIZE = 400;
	private static final Pattern NAMESPACE = Pattern.compile("[a-z]{1,20}");
	private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/[0-9]{1,20}\\.(png|jpg|webp)");

	private final Path root;
	private final long maxBytes;
	private final long maxPixels;

	FileMediaStorage(@Value("${socialmall.data-dir:./data}") String dataDir,
			@Value("${socialmall.media.max-bytes:5242880}") long maxBytes,
			@Value("${socialmall.media.max-pixels:40000000}") long maxPixels) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("media");
		this.maxBytes = maxBytes;
		this.maxPixels = maxPixels;
	}

	Path root() {
		return root;
	}

	@Override
	public StoredImage storeImage(String namespace, byte[] content) {
		if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
			throw new IllegalArgumentException("namespace must be 1 to 20 lower-case letters");
		}
		if (content == null || content.length == 0) {
			throw DomainException.invalid("file", "is empty");
		}
		if (content.length > maxBytes) {
			throw DomainException.invalid("file", "is larger than " + (maxBytes / 1024 / 1024) + " MB");
		}
		Format format = Format.of(content);
		if (format == null) {
			throw DomainException.invalid("file", "is not a PNG, JPEG or WebP picture");
		}
		String key = namespace + "/" + Ids.next() + "." + format.extension;
		byte[] thumbnail;
		int width;
		int height;
		if (format == Format.WEBP) {
			int[] size = webpSize(content);
			width = size[0];
			height = size[1];
			checkPixels(width, height);
			thumbnail = content;
		}
		else {
			BufferedImage image = decode(content);
			width = image.getWidth();
			height = image.getHeight();
			thumbnail = thumbnail(image, format);
		}
		try {
			write(key, content);
			write(thumbnailKey(key), thumbnail);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot store " + key, e);
		}
		return new StoredImage(key, format.contentType, width, height, content.length);
	}

	@Override
	public void delete(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return;
		}
		try {
			Files.deleteIfExists(root.resolve(key));
			Files.deleteIfExists(root.resolve(thumbnailKey(key)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot delete " + key, e);
		}
	}

	@Override
	public boolean exists(String key) {
		return key != null && KEY.matcher(key).matches() && Files.isRegularFile(root.resolve(key));
	}

	private void write(String key, byte[] bytes) throws IOException {
		Path target = root.resolve(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
		try {
			Files.write(temp, bytes);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String thumbnailKey(String key) {
		int dot = key.lastIndexOf('.');
		return key.substring(0, dot) + "_t" + key.substring(dot);
	}

	/** Decodes after checking the size in the header, so a small file cannot claim a billion pixels. */
	private BufferedImage decode(byte[] content) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw DomainException.invalid("file", "is not a PNG, JPEG or WebP picture");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				checkPixels(reader.getWidth(0), reader.getHeight(0));
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw DomainException.invalid("file", "could not be read as a picture");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof DomainException domain) {
				throw domain;
			}
			throw DomainException.invalid("file", "could not be read as a picture");
		}
	}

	private void checkPixels(long width, long height) {
		if (width < 1 || height < 1) {
			throw DomainException.invalid("file", "could not be read as a picture");
		}
		if (width * height > maxPixels || width > 20_000 || height > 20_000) {
			throw DomainException.invalid("file", "has too many pixels");
		}
	}

	private static byte[] thumbnail(BufferedImage image, Format format) {
		double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
		int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
		boolean png = format == Format.PNG;
		BufferedImage small = new BufferedImage(w, h, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			if (!png) {
				g.setColor(java.awt.Color.WHITE);
				g.fillRect(0, 0, w, h);
			}
			g.drawImage(image, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(small, png ? "png" : "jpeg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Width and height from a WebP header (lossy VP8, lossless VP8L or extended VP8X). */
	static int[] webpSize(byte[] b) {
		String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
		try {
			switch (chunk) {
				case "VP8X":
					return new int[] { 1 + u24(b, 24), 1 + u24(b, 27) };
				case "VP8 ":
					if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
						break;
					}
					return new int[] { u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff };
				case "VP8L":
					if ((b[20] & 0xff) != 0x2f) {
						break;
					}
					long bits = (b[21] & 0xffL) | (b[22] & 0xffL) << 8 | (b[23] & 0xffL) << 16 | (b[24] & 0xffL) << 24;
					return new int[] { (int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1 };
				default:
					break;
			}
		}
		catch (ArrayIndexOutOfBoundsException e) {
			// a truncated header: not a picture
		}
		throw DomainException.invalid("file", "could not be read as a picture");
	}

	private static int u16(byte[] b, int i) {
		return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
	}

	private static int u24(byte[] b, int i) {
		return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
	}

	enum Format {

		PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

		final String extension;
		final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		/** The format the magic bytes at the start of {@code b} announce, or null. */
		static Format of(byte[] b) {
			if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
					&& b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
				return PNG;
			}
			if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
				return JPEG;
			}
			if (b.length >= 30 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
					&& b[10] == 'B' && b[11] == 'P') {
				return WEBP;
			}
			return null;
		}
	}
}
